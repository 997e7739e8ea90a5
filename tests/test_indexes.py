"""Every index that lists, name_search, the indicator report and the duplicate
check rely on exists in the test database (ASHSHASH_DB, set by scripts/test),
with the right access method. That they are *used* is shown by
tests/bench_indexes.py (EXPLAIN on a large programme), not here: on the small
test database PostgreSQL rightly reads whole tables.
"""
import configparser
import os

import psycopg2
import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# index name (Odoo's <table>__<field>_index) -> what the index definition must contain
EXPECTED = {
    # the session list's sort field (_order = "date desc, id desc")
    "ashshash_counselling_session__date_index": "USING btree (date)",
    # the sort fields of other lists (_order) of records that grow with the programme
    "ashshash_consent__given_on_index": "USING btree (given_on)",
    "ashshash_area__complete_name_index": "USING btree (complete_name)",
    "ashshash_event__date_start_index": "USING btree (date_start)",
    "ashshash_cash_disbursement__payment_date_index": "USING btree (payment_date)",
    # an indicator report filter (gender_field of the needs assessment indicators)
    "ashshash_needs_assessment__gender_index": "USING btree (gender)",
    # name_search on a fragment of a case code: code ILIKE '%...%' (index='trigram')
    "ashshash_survivor__code_index": "gin_trgm_ops",
    # the duplicate check of survivors
    "ashshash_survivor__name_normalized_index": "USING btree (name_normalized)",
    "ashshash_survivor__phone_normalized_index": "USING btree (phone_normalized)",
}


@pytest.fixture(scope="module")
def indexes():
    db = os.environ.get("ASHSHASH_DB")
    if not db:
        pytest.fail("ASHSHASH_DB is not set: run the tests with scripts/test")
    conf = configparser.ConfigParser()
    conf.read(os.environ.get("ODOO_CONF") or os.path.join(ROOT, "odoo.conf"))
    options = conf["options"]
    connection = psycopg2.connect(
        dbname=db, host=options.get("db_host") or None, port=options.get("db_port") or None,
        user=options.get("db_user") or None, password=options.get("db_password") or None,
    )
    try:
        with connection.cursor() as cr:
            cr.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()")
            return dict(cr.fetchall())
    finally:
        connection.close()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_index_exists(indexes, name):
    assert name in indexes, f"index {name} is missing"
    assert EXPECTED[name] in indexes[name], f"{name} is {indexes[name]!r}, expected {EXPECTED[name]!r} in it"
