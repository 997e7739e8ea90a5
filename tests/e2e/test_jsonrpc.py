"""Through the external JSON-RPC API, as a data-entry script or an integration
would: the demo users see what their role lets them see, nothing more."""
import pytest


def test_admin_logs_in(odoo):
    admin = odoo.login("admin", "admin")
    assert isinstance(admin.uid, int)


def test_case_worker_reads_names_of_own_cases_only(odoo):
    admin = odoo.login("admin", "admin")
    case_worker = odoo.login("caseworker", "caseworker")

    own = case_worker.execute(
        "ashshash.survivor", "search_read", [["user_id", "=", case_worker.uid]],
        fields=["code", "name"],
    )
    assert own, "the demo case worker has cases assigned"
    assert all(case["code"] and case["name"] for case in own)

    visible = case_worker.execute("ashshash.survivor", "search_count", [])
    everyone = admin.execute("ashshash.survivor", "search_count", [])
    assert visible < everyone, "a case worker does not see the cases of colleagues"


def test_me_officer_reads_case_codes_but_not_names(odoo):
    me_officer = odoo.login("meofficer", "meofficer")

    cases = me_officer.execute("ashshash.survivor", "search_read", [], fields=["code"])
    assert cases and all(case["code"] for case in cases)

    with pytest.raises(odoo.Error) as error:
        me_officer.execute("ashshash.survivor", "read", [cases[0]["id"]], fields=["name"])
    assert error.value.name == "odoo.exceptions.AccessError"
