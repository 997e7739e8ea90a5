"""The reference programme (data/load_dataset.py) gives the programme's final report
exactly: the indicator report is computed through the external JSON-RPC API, as a
manager pressing "Compute" would, filtered on the programme's company over the
programme period; a few figures are then checked against plain SQL counts.

Needs a server with the dataset loaded (scripts/test runs data/load_dataset.py on
its test database before starting the server): ASHSHASH_URL, ASHSHASH_DB, and
optionally ASHSHASH_LOGIN / ASHSHASH_PASSWORD (default admin / admin). The SQL
cross-check reads the database settings of odoo.conf, overridable with
ASHSHASH_DB_HOST, ASHSHASH_DB_PORT, ASHSHASH_DB_USER, ASHSHASH_DB_PASSWORD.
"""
import configparser
import json
import os
from pathlib import Path

import psycopg2
import pytest

# The final report's figures: data/reference_figures.json, which the dataset's
# builder reads too.
FIGURES = json.loads((Path(__file__).resolve().parent.parent / "data/reference_figures.json").read_text("utf-8"))
COMPANY = FIGURES["company"]
PERIOD = tuple(FIGURES["period"])

# code: total over the programme period.
EXPECTED = dict(FIGURES["indicators"])
# Event type code: (events, people); None where the report states no people figure
# (the dataset's people are then only plausible).
EVENTS = {code: (event["events"], event["people"] if event["people_in_final_report"] else None)
          for code, event in FIGURES["events"].items()}
for _code, (_count, _people) in EVENTS.items():
    EXPECTED[f"EVT_{_code}_COUNT"] = _count
    if _people is not None:
        EXPECTED[f"EVT_{_code}_PEOPLE"] = _people
# CASH_PAID: one line per campaign (its label contains the campaign's name).
CASH_BY_CAMPAIGN = {campaign["label"]: campaign["survivors"] for campaign in FIGURES["cash_paid_by_campaign"].values()}


@pytest.fixture(scope="module")
def admin(odoo):
    return odoo.login(os.environ.get("ASHSHASH_LOGIN", "admin"), os.environ.get("ASHSHASH_PASSWORD", "admin"))


@pytest.fixture(scope="module")
def company_id(admin):
    found = admin.execute("res.company", "search_read", [["name", "=", COMPANY]], fields=["id"])
    assert found, (f"the company {COMPANY!r} is missing: load the reference programme with "
                   f"`python3 data/load_dataset.py -c odoo.conf -d $DB` before starting the server")
    return found[0]["id"]


@pytest.fixture(scope="module")
def report(admin, company_id):
    """The report's lines: {code: line} and the break-down lines {code: [line, ...]}."""
    context = {"allowed_company_ids": [company_id], "lang": "en_US"}
    wizard_id = admin.execute("ashshash.indicator.report.wizard", "create", {
        "date_start": PERIOD[0], "date_end": PERIOD[1], "by_gender": True,
        "company_ids": [[6, 0, [company_id]]],
    }, context=context)
    admin.execute("ashshash.indicator.report.wizard", "action_compute", [wizard_id], context=context)
    lines = admin.execute(
        "ashshash.indicator.report.line", "search_read", [["wizard_id", "=", wizard_id]],
        fields=["code", "name", "total", "female", "male", "other", "group_key", "group_label", "note"],
        context=context,
    )
    totals, groups = {}, {}
    for line in lines:
        if line["group_label"]:
            groups.setdefault(line["code"], []).append(line)
        else:
            totals[line["code"]] = line
    return totals, groups


def test_every_figure_of_the_final_report(report):
    totals, _groups = report
    missing = sorted(set(EXPECTED) - set(totals))
    assert not missing, f"indicators missing from the report: {missing}"
    errors = {code: totals[code]["note"] for code in EXPECTED if totals[code]["note"]}
    assert not errors, f"indicators that could not be computed: {errors}"
    wrong = {code: (totals[code]["total"], expected) for code, expected in EXPECTED.items()
             if totals[code]["total"] != expected}
    assert not wrong, f"figures (got, expected) that differ from the final report: {wrong}"


def test_community_people_by_gender(report):
    line = report[0]["COMM_PEOPLE"]
    people = FIGURES["community_people"]
    assert (line["female"], line["male"], line["other"]) == (people["women"], people["men"], 0)


def test_event_people_split_by_gender_sums_up(report):
    totals, _groups = report
    for code, (_count, people) in EVENTS.items():
        line = totals[f"EVT_{code}_PEOPLE"]
        assert line["female"] + line["male"] + line["other"] == line["total"], code
        assert line["total"] > 0, code
        if people is not None:
            assert line["total"] == people, code


def test_emergency_cash_per_campaign(report):
    totals, groups = report
    assert "CASH_PAID" in totals and not totals["CASH_PAID"]["note"]
    per_campaign = {}
    for line in groups.get("CASH_PAID", []):
        for name in CASH_BY_CAMPAIGN:
            if name in line["group_label"]:
                per_campaign[name] = line["total"]
    assert per_campaign == CASH_BY_CAMPAIGN
    # A survivor paid in both campaigns counts once in the total.
    assert max(CASH_BY_CAMPAIGN.values()) <= totals["CASH_PAID"]["total"] <= sum(CASH_BY_CAMPAIGN.values())


def test_noise_is_in_the_database_but_not_counted(admin, company_id):
    """The dataset holds records that must not count: make sure they are really there."""
    context = {"allowed_company_ids": [company_id]}

    def count(model, domain):
        return admin.execute(model, "search_count", [["company_id", "=", company_id], *domain], context=context)

    assert count("ashshash.survivor", [["state", "=", "identified"]]) >= FIGURES["not_counted"]["identified_only"]
    assert count("ashshash.needs.assessment", [["state", "=", "draft"]]) > 0
    assert count("ashshash.counselling.session", [["state", "=", "cancelled"]]) > 0
    assert count("ashshash.referral", [["state", "=", "draft"]]) > 0
    assert count("ashshash.support", [["state", "=", "cancelled"]]) > 0
    assert count("ashshash.certificate", [["state", "=", "revoked"]]) == FIGURES["not_counted"]["certificates_revoked"]
    assert count("ashshash.cash.disbursement", [["state", "=", "cancelled"]]) > 0
    assert count("ashshash.survivor", [["enrolment_date", ">", PERIOD[1]]]) > 0
    assert count("ashshash.event", [["state", "=", "cancelled"]]) > 0


def test_cash_is_posted_in_accounting(admin, company_id):
    context = {"allowed_company_ids": [company_id]}
    moves = admin.execute("account.move", "search_read", [
        ["company_id", "=", company_id], ["state", "=", "posted"],
    ], fields=["amount_total", "date"], context=context)
    assert len(moves) == sum(CASH_BY_CAMPAIGN.values())
    assert all("2020-04-01" <= move["date"] <= "2020-12-31" for move in moves)


# ----------------------------------------------------------------------
# Plain SQL cross-check (psycopg2 straight on the database)
# ----------------------------------------------------------------------
def _db_settings():
    parser = configparser.ConfigParser()
    parser.read(Path(__file__).resolve().parent.parent / "odoo.conf")
    options = parser["options"] if parser.has_section("options") else {}
    return {
        "host": os.environ.get("ASHSHASH_DB_HOST", options.get("db_host", "localhost")),
        "port": int(os.environ.get("ASHSHASH_DB_PORT", options.get("db_port", "5432"))),
        "user": os.environ.get("ASHSHASH_DB_USER", options.get("db_user", "odoo")),
        "password": os.environ.get("ASHSHASH_DB_PASSWORD", options.get("db_password", "odoo")),
    }


SQL = {
    "SURV_ENROLLED": """
        SELECT COUNT(*) FROM ashshash_survivor
         WHERE company_id = %(company)s AND state != 'identified'
           AND enrolment_date BETWEEN %(start)s AND %(end)s""",
    "SURV_ASSESSED": """
        SELECT COUNT(*) FROM ashshash_needs_assessment
         WHERE company_id = %(company)s AND state = 'done' AND date BETWEEN %(start)s AND %(end)s""",
    "SURV_COUNS_IND": """
        SELECT COUNT(DISTINCT survivor_id) FROM ashshash_counselling_session
         WHERE company_id = %(company)s AND session_type = 'individual' AND state = 'done'
           AND session_date BETWEEN %(start)s AND %(end)s""",
    "FAM_MEMBERS_COUNS": """
        SELECT COUNT(DISTINCT rel.family_member_id)
          FROM ashshash_counselling_session s
          JOIN ashshash_counselling_session_family_member_rel rel ON rel.session_id = s.id
         WHERE s.company_id = %(company)s AND s.session_type = 'family' AND s.state = 'done'
           AND s.session_date BETWEEN %(start)s AND %(end)s""",
    "CERT_ISSUED": """
        SELECT COUNT(*) FROM ashshash_certificate
         WHERE company_id = %(company)s AND state = 'issued' AND issue_date BETWEEN %(start)s AND %(end)s""",
    "COMM_PEOPLE": """
        SELECT COALESCE(SUM(COALESCE(attendance_women, 0) + COALESCE(attendance_men, 0)
                          + COALESCE(attendance_others, 0)), 0)
          FROM ashshash_counselling_session
         WHERE company_id = %(company)s AND session_type = 'community' AND state = 'done'
           AND session_date BETWEEN %(start)s AND %(end)s""",
    "REF_HEALTH": """
        SELECT COUNT(DISTINCT r.survivor_id) FROM ashshash_referral r
          JOIN ashshash_service_type t ON t.id = r.service_type_id
         WHERE r.company_id = %(company)s AND t.category = 'health' AND r.state != 'draft'
           AND r.sent_date BETWEEN %(start)s AND %(end)s""",
    "SUPP_CONTRIBUTED": """
        SELECT COUNT(DISTINCT survivor_id) FROM ashshash_support
         WHERE company_id = %(company)s AND state = 'delivered' AND provided_by = 'partner'
           AND contributor_id IS NOT NULL AND delivery_date BETWEEN %(start)s AND %(end)s""",
    "EVT_POT_SHOW_PEOPLE": """
        SELECT COALESCE(SUM(COALESCE(e.attendance_women, 0) + COALESCE(e.attendance_men, 0)
                            + COALESCE(e.attendance_others, 0)), 0)
          FROM ashshash_event e
          JOIN ashshash_event_type t ON t.id = e.event_type_id
         WHERE e.company_id = %(company)s AND t.code = 'POT_SHOW' AND e.state IN ('done', 'reported')
           AND e.date BETWEEN %(start)s AND %(end)s""",
}


def test_sql_counts_match_the_report(odoo, report, company_id):
    totals, _groups = report
    connection = psycopg2.connect(dbname=odoo.db, **_db_settings())
    try:
        with connection.cursor() as cr:
            for code, query in SQL.items():
                cr.execute(query, {"company": company_id, "start": PERIOD[0], "end": PERIOD[1]})
                (value,) = cr.fetchone()
                report_value = totals[code]["total"]
                assert value == EXPECTED[code] == report_value, f"{code}: SQL {value}, report {report_value}"
    finally:
        connection.close()


def test_me_officer_gets_the_same_figures(odoo, company_id):
    """The demo M&E officer works in the programme's company and reads the report in aggregate."""
    me_officer = odoo.login("meofficer", "meofficer")
    context = {"allowed_company_ids": [company_id], "lang": "en_US"}
    wizard_id = me_officer.execute("ashshash.indicator.report.wizard", "create", {
        "date_start": PERIOD[0], "date_end": PERIOD[1], "by_gender": True,
        "company_ids": [[6, 0, [company_id]]],
    }, context=context)
    me_officer.execute("ashshash.indicator.report.wizard", "action_compute", [wizard_id], context=context)
    lines = me_officer.execute(
        "ashshash.indicator.report.line", "search_read",
        [["wizard_id", "=", wizard_id], ["group_label", "=", False]],
        fields=["code", "total", "note"], context=context,
    )
    figures = {line["code"]: line["total"] for line in lines if not line["note"]}
    for code in ("SURV_ENROLLED", "SURV_COUNS_IND", "CERT_ISSUED", "REF_HEALTH", "TRAIN_LIFESKILLS",
                 "EVT_POT_SHOW_PEOPLE"):
        assert figures.get(code) == EXPECTED[code], code
