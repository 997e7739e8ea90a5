#!/usr/bin/env python3
"""Benchmark of the indicator report (a script, not a unit test).

    python3 tests/bench_indicators.py -d DB [--scale 10] [--runs 5] [-c odoo.conf | odoo options]

Computes the whole indicator report (every active indicator, by gender, with the
break-down lines) as the administrator, filtered on one company over the
programme period, exactly as the "Compute" button does
(ashshash.indicator.report.wizard.action_compute), and prints for each dataset
the wall time (best and median of --runs) and the number of SQL queries
(odoo.sql_db cursor's sql_log_count).

Datasets: the reference programme (data/load_dataset.py, must be loaded) and the
synthetic programme ×SCALE (data/generate_synthetic.py; generated and committed
on the first run when missing, which takes a few minutes). Exits non-zero when the
report on the reference programme takes 1 s or more, or when the two datasets do
not run the same number of queries (the count must not grow with the records).
Everything the report writes (its wizard and lines) is rolled back.
"""
import argparse
import datetime
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "data"))

from generate_synthetic import ensure_synthetic  # noqa: E402
from load_dataset import COMPANY_NAME, CONTEXT, check_installed, open_env  # noqa: E402

PERIOD = (datetime.date(2019, 7, 1), datetime.date(2023, 6, 30))
GOAL_SECONDS = 1.0


def run_report(env, company):
    """One report: (seconds, queries, lines)."""
    user_env = env(user=env.ref("base.user_admin").id, su=False,
                   context={"allowed_company_ids": [company.id], "lang": "en_US"})
    cr = env.cr
    env.flush_all()
    env.invalidate_all()
    wizard = user_env["ashshash.indicator.report.wizard"].create({
        "date_start": PERIOD[0], "date_end": PERIOD[1], "by_gender": True,
        "company_ids": [(6, 0, company.ids)],
    })
    env.flush_all()
    env.invalidate_all()
    queries_before = cr.sql_log_count
    started = time.perf_counter()
    wizard.action_compute()
    env.flush_all()
    elapsed = time.perf_counter() - started
    queries = cr.sql_log_count - queries_before
    return elapsed, queries, len(wizard.line_ids)


def measure(env, company, runs):
    run_report(env, company)  # warm-up: registry caches, prepared plans
    results = [run_report(env, company) for _ in range(runs)]
    times = [r[0] for r in results]
    queries = {r[1] for r in results}
    return min(times), statistics.median(times), queries, results[0][2]


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    args, odoo_argv = parser.parse_known_args(argv)
    from odoo import SUPERUSER_ID, api

    registry, dbname = open_env(odoo_argv)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(CONTEXT))
        check_installed(env)
        reference = env["res.company"].search([("name", "=", COMPANY_NAME)], limit=1)
        if not reference:
            sys.exit(f"bench: load the reference programme first: python3 data/load_dataset.py -d {dbname}")
        synthetic = ensure_synthetic(env, args.scale)

    rows = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(CONTEXT))
        sizes = {}
        for company in (reference, synthetic):
            company = env["res.company"].browse(company.id)
            sizes[company.id] = {
                "survivors": env["ashshash.survivor"].search_count([("company_id", "=", company.id)]),
                "sessions": env["ashshash.counselling.session"].search_count([("company_id", "=", company.id)]),
            }
            rows.append((company.name, company.id, *measure(env, company, args.runs)))
        cr.rollback()

    print(f"Indicator report, {PERIOD[0]} – {PERIOD[1]}, by gender, as admin, {args.runs} runs after a warm-up")
    print(f"{'dataset':<34} {'survivors':>9} {'sessions':>9} {'lines':>6} {'best':>8} {'median':>8} {'queries':>8}")
    for name, company_id, best, median, queries, lines in rows:
        size = sizes[company_id]
        print(f"{name:<34} {size['survivors']:>9} {size['sessions']:>9} {lines:>6} "
              f"{best * 1000:>6.0f}ms {median * 1000:>6.0f}ms {','.join(map(str, sorted(queries))):>8}")
    failures = []
    reference_row, synthetic_row = rows
    if reference_row[3] >= GOAL_SECONDS:
        failures.append(f"the report on the reference programme takes {reference_row[3]:.2f} s "
                        f"(goal < {GOAL_SECONDS} s)")
    if len(reference_row[4]) != 1 or reference_row[4] != synthetic_row[4]:
        failures.append(f"query counts differ: reference {sorted(reference_row[4])}, "
                        f"synthetic {sorted(synthetic_row[4])}")
    for failure in failures:
        print(f"FAIL: {failure}")
    if not failures:
        print(f"OK: under {GOAL_SECONDS:g} s on the reference programme, "
              f"same number of queries ({reference_row[4].pop()}) on {args.scale:g}× the records")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
