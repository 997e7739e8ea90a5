#!/usr/bin/env python3
"""Load the ASHSHASH reference programme (synthetic, fictional) into a database.

    python3 data/load_dataset.py -d DB [-c odoo.conf] [--db_host ... any odoo option]

The database must have ashshash_case, ashshash_livelihood and ashshash_events
installed. The programme goes into its own company, "CWCS — reference programme"
(BDT, generic chart of accounts), so that demo data in the same database does not
change its figures: the indicator report filtered on that company over
2019-07-01 – 2023-06-30 gives exactly the figures of the programme's final report
(see data/README.md).

Idempotent: when the company exists already the command says so and exits 0
without writing anything (scripts/run calls it at every start). Everything is
written in one transaction, committed at the end; a failure leaves the database
as it was.
"""
import json
import logging
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

# The programme's company, with its figures in data/reference_figures.json.
with open(os.path.join(HERE, "reference_figures.json"), encoding="utf-8") as _file:
    COMPANY_NAME = json.load(_file)["company"]
PARAM = "ashshash_dataset.reference_loaded"
CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True,
           "mail_create_nosubscribe": True, "lang": "en_US"}


def reference_spec():
    from dataset_builder import Spec
    return Spec.reference(COMPANY_NAME)


def open_env(argv):
    """Parse Odoo's options from ``argv`` and return (registry, db name)."""
    import odoo
    from odoo.tools import config

    config.parse_config(argv)
    dbname = config["db_name"]
    if not dbname or "," in dbname:
        sys.exit("data/load_dataset.py: name one database with -d DB")
    return odoo.modules.registry.Registry(dbname), dbname


def check_installed(env):
    missing = [name for name in ("ashshash_case", "ashshash_livelihood", "ashshash_events")
               if not env["ir.module.module"].search_count([("name", "=", name), ("state", "=", "installed")])]
    if missing:
        sys.exit(f"data/load_dataset.py: install {', '.join(missing)} in this database first")


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    from odoo import SUPERUSER_ID, api

    registry, dbname = open_env(argv)
    logging.getLogger("ashshash.dataset").setLevel(logging.INFO)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, dict(CONTEXT))
        check_installed(env)
        existing = env["res.company"].search([("name", "=", COMPANY_NAME)], limit=1)
        if existing or env["ir.config_parameter"].get_param(PARAM):
            print(f"data/load_dataset.py: the reference programme is already loaded in {dbname} "
                  f"(company {COMPANY_NAME!r}); nothing to do.")
            return 0
        from dataset_builder import build
        company, timings = build(env, reference_spec())
        env["ir.config_parameter"].set_param(PARAM, str(company.id))
        cr.commit()  # pylint: disable=invalid-commit  # a command-line script: its own transaction
    elapsed = time.perf_counter() - started
    for label, seconds in timings:
        print(f"  {label:<34} {seconds:6.1f} s")
    print(f"data/load_dataset.py: loaded the reference programme into {dbname} "
          f"(company {COMPANY_NAME!r}, id {company.id}) in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
