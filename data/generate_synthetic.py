#!/usr/bin/env python3
"""Generate a LARGE synthetic programme (fictional) for benchmarks.

    python3 data/generate_synthetic.py -d DB [--scale 10] [--rollback] [-c odoo.conf | --db_host ... odoo options]

Writes the reference programme of data/load_dataset.py scaled ``--scale`` times
(e.g. 10: about 8,900 survivors, 50,000 counselling sessions, 17,000 family
members, 7,700 certificates issued through the workflow, 1,600 cash payments
posted in Accounting) into its own company "Synthetic programme ×SCALE", so that
neither the reference programme nor demo data changes. The expected figures are
the reference figures times the scale, rounded (international days stay three,
one per year). Refuses to run twice for the same scale. Needs the three addons
installed. tests/bench_indicators.py uses it to show that the indicator report
runs the same number of SQL queries whatever the number of records.
``--rollback`` builds everything and then rolls it back: a measurement (time per
step, peak memory) that leaves the database as it was, so that before/after
runs of the same scale start from the same data.
"""
import argparse
import logging
import os
import resource
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from load_dataset import CONTEXT, check_installed, open_env, reference_spec  # noqa: E402


def company_name(scale):
    return f"Synthetic programme ×{scale:g}"


def generate(env, scale):
    """Build the scaled programme in ``env``'s transaction; return (company, timings)."""
    from dataset_builder import build
    spec = reference_spec().scaled(scale, company_name(scale))
    return build(env, spec)


def ensure_synthetic(env, scale):
    """The synthetic company of ``scale``, generated and committed the first time a
    benchmark asks for it (``env`` is the superuser's, on its own cursor)."""
    synthetic = env["res.company"].search([("name", "=", company_name(scale))], limit=1)
    if not synthetic:
        print(f"bench: generating {company_name(scale)!r} (once; committed) ...", flush=True)
        started = time.perf_counter()
        synthetic, _timings = generate(env, scale)
        env.cr.commit()  # pylint: disable=invalid-commit  # a command-line script: its own transaction
        print(f"bench: generated in {time.perf_counter() - started:.0f} s", flush=True)
    return synthetic


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--rollback", action="store_true", help="measure only: roll the programme back")
    args, odoo_argv = parser.parse_known_args(argv)
    if args.scale <= 0:
        sys.exit("generate_synthetic.py: --scale must be positive")
    from odoo import SUPERUSER_ID, api

    started = time.perf_counter()
    registry, dbname = open_env(odoo_argv)
    logging.getLogger("ashshash.dataset").setLevel(logging.INFO)
    name = company_name(args.scale)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(CONTEXT))
        check_installed(env)
        if env["res.company"].search_count([("name", "=", name)]):
            print(f"generate_synthetic.py: {name!r} exists already in {dbname}; nothing to do.")
            return 0
        company, timings = generate(env, args.scale)
        company_id = company.id
        if args.rollback:
            cr.rollback()
        else:
            cr.commit()  # pylint: disable=invalid-commit  # a command-line script: its own transaction
    for label, seconds in timings:
        print(f"  {label:<34} {seconds:6.1f} s")
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"generate_synthetic.py: generated {name!r} (id {company_id}) in {dbname} "
          f"in {time.perf_counter() - started:.0f} s, peak memory {peak_mib:.0f} MiB"
          + (" (rolled back)" if args.rollback else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
