#!/usr/bin/env python3
"""Are the indexes used? EXPLAIN of the query each index is for (a script, not a unit test).

    python3 tests/bench_indexes.py -d DB [--scale 10] [-c odoo.conf | odoo options]

For every index that lists, name_search, the indicator report's filters and the
duplicate check of survivors rely on (INDEXES below), builds the query the way
the application does (the ORM's ``_search`` with the model's default order as
a user sees it, or the duplicate check's own statement caught as it runs),
prints its plan (EXPLAIN ANALYZE) and its time, and says whether the plan uses
the index. Exits non-zero when an index is missing or a plan does not use it.

Runs on the synthetic programme ×SCALE (data/generate_synthetic.py; generated and
committed on the first run when missing, which takes a few minutes): on the
small reference programme PostgreSQL rightly prefers to read the whole table.
Nothing is written (the transaction is rolled back). tests/test_indexes.py is the
fast check, run by scripts/test, that the indexes exist.
"""
import argparse
import contextlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "data"))

from generate_synthetic import company_name, ensure_synthetic  # noqa: E402
from load_dataset import CONTEXT, check_installed, open_env  # noqa: E402

# (index name, model, what the query is for, how to build it, must the planner choose
# it on the synthetic programme). The index names are Odoo's: <table>__<field>_index
# (odoo.tools.sql.make_index_name). The "must" ones serve tables that grow with the
# survivors (about 9,000 survivors and 60,000 sessions at ×10); on the others (areas,
# events, cash batches, needs assessments by gender) PostgreSQL rightly reads a small
# table or a half of it at this size, so their plan is shown twice: as chosen, and
# with sequential scans and sorts off, which shows that the index serves the query
# once the table is large enough.
LIST = "list first page (default order, limit 80)"
INDEXES = [
    ("ashshash_counselling_session__date_index", "ashshash.counselling.session", LIST, "list", True),
    ("ashshash_survivor__code_index", "ashshash.survivor", "name_search on a code fragment", "code", True),
    ("ashshash_survivor__name_normalized_index", "ashshash.survivor", "duplicate check (name)", "duplicates", True),
    ("ashshash_survivor__phone_normalized_index", "ashshash.survivor", "duplicate check (phone)", "duplicates", True),
    ("ashshash_consent__given_on_index", "ashshash.consent", LIST, "list", True),
    ("ashshash_area__complete_name_index", "ashshash.area", LIST, "list", False),
    ("ashshash_event__date_start_index", "ashshash.event", LIST, "list", False),
    ("ashshash_cash_disbursement__payment_date_index", "ashshash.cash.disbursement", LIST, "list", False),
    ("ashshash_needs_assessment__gender_index", "ashshash.needs.assessment",
     "indicator report filter on one gender", "gender", False),
]


def explain(cr, sql):
    """(plan lines, milliseconds) of EXPLAIN ANALYZE ``sql`` (an odoo.tools.SQL or a string)."""
    from odoo.tools import SQL
    # a statement caught as it ran is a string with its values in it: no placeholders
    statement = sql if isinstance(sql, SQL) else SQL(sql.replace("%", "%%"))  # pylint: disable=sql-injection
    cr.execute(SQL("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) %s", statement))
    lines = [row[0] for row in cr.fetchall()]
    ms = next((float(line.split(":")[1].split()[0]) for line in lines if line.startswith("Execution Time")), 0.0)
    return lines, ms


def show(cr, queries, index, label):
    """Print the plans of ``queries``; True if one of them uses ``index``."""
    used = False
    for query in queries:
        lines, ms = explain(cr, query)
        for line in lines:
            print(f"   {line}")
        print(f"   -- {label}, {ms:.2f} ms")
        used |= any(index in line for line in lines)
    return used


def list_query(user_env, model):
    """The first page of the list view: default order, 80 rows, the user's record rules."""
    Model = user_env[model]
    return Model._search([], limit=80, order=Model._order).select()


def code_query(user_env, model):
    """name_search on a fragment of a case code, as the many2one autocomplete sends it."""
    Survivor = user_env[model]
    code = Survivor.search([], limit=1, order="id desc").code
    fragment = code[-5:]
    return Survivor._search([("code", "ilike", fragment)], limit=8, order=Survivor._order).select()


def duplicate_queries(user_env, model):
    """The statement(s) the duplicate check of one survivor runs, caught as it runs them."""
    from odoo.sql_db import Cursor
    from odoo.tools import SQL
    Survivor = user_env[model].sudo()
    survivor = Survivor.search([("phone_normalized", "!=", False), ("union_id", "!=", False)],
                               limit=1, order="id desc")
    caught = []
    real_execute = Cursor.execute

    def execute(cr, query, params=None, log_exceptions=True):
        code, values = (query.code, query.params) if isinstance(query, SQL) else (query, params)
        if "name_normalized" in code and "phone_normalized" in code and code.lstrip().upper().startswith("SELECT"):
            caught.append(cr._obj.mogrify(code, values).decode())
        return real_execute(cr, query, params, log_exceptions)

    Cursor.execute = execute
    try:
        survivor._find_duplicates()
    finally:
        Cursor.execute = real_execute
    return caught


def gender_query(user_env, model):
    """An indicator's records for one gender (the report's gender filter), over the period."""
    return user_env[model]._search([("gender", "=", "male"), ("date", ">=", "2019-07-01"),
                                    ("date", "<=", "2023-06-30")]).select()


BUILDERS = {"list": list_query, "code": code_query, "gender": gender_query}


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--scale", type=float, default=10.0)
    args, odoo_argv = parser.parse_known_args(argv)
    from odoo import SUPERUSER_ID, api
    from odoo.tools import SQL

    registry, dbname = open_env(odoo_argv)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(CONTEXT))
        check_installed(env)
        synthetic = ensure_synthetic(env, args.scale)

    failures = []
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(CONTEXT))
        cr.execute("ANALYZE")  # plans as they are once autovacuum has seen the data
        user_env = env(user=env.ref("base.user_admin").id, su=False,
                       context=dict(CONTEXT, allowed_company_ids=[synthetic.id], lang="en_US"))
        cr.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        existing = {name for name, in cr.fetchall()}
        print(f"Indexes on {company_name(args.scale)!r} in {dbname}: EXPLAIN ANALYZE of the query each is for")
        done = {}
        for index, model, what, kind, must in INDEXES:
            print(f"\n== {index}: {model}, {what}")
            if index not in existing:
                failures.append(f"{index} does not exist")
                print("   MISSING")
                continue
            table = env[model]._table
            if (kind, model) not in done:
                cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
                rows = cr.fetchone()[0]
                queries = duplicate_queries(user_env, model) if kind == "duplicates" \
                    else [BUILDERS[kind](user_env, model)]
                done[kind, model] = rows, queries
            rows, queries = done[kind, model]
            used = show(cr, queries, index, f"{rows} rows in {table}")
            if used:
                print(f"   USED: {index}")
            elif must:
                failures.append(f"{index} is not used by the {what} of {model}")
                print(f"   NOT USED: {index}")
            else:
                print(f"   not chosen at {rows} rows; with sequential scans and sorts off:")
                cr.execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_sort = off")
                usable = show(cr, queries, index, "enable_seqscan = off, enable_sort = off")
                cr.execute("RESET enable_seqscan; RESET enable_sort")
                print(f"   {'USABLE' if usable else 'NOT USABLE'}: {index}")
                if not usable:
                    failures.append(f"{index} cannot serve the {what} of {model}")
        cr.rollback()
    for failure in failures:
        print(f"FAIL: {failure}")
    if not failures:
        print(f"\nOK: {len(INDEXES)} indexes exist and their queries use them")
    return 1 if failures else 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
