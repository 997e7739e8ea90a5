"""Need to know on the side doors, over the wire: an M&E officer reads case codes
through the external JSON-RPC API, but neither the chatter nor the files of a case."""
import base64

import pytest


@pytest.fixture
def case_with_a_scan(odoo):
    """A case of the demo case worker with a passport scan posted in its chatter (by the
    admin, a case manager with an email address to post from), removed afterwards."""
    admin = odoo.login("admin", "admin")
    case_worker = odoo.login("caseworker", "caseworker")
    [case] = case_worker.execute(
        "ashshash.survivor", "search_read", [["user_id", "=", case_worker.uid]], fields=["code"], limit=1,
    )
    attachment_id = admin.execute("ir.attachment", "create", {
        "name": "passport-e2e.pdf", "datas": base64.b64encode(b"%PDF-1.4 passport").decode(),
        "res_model": "ashshash.survivor", "res_id": case["id"],
    })
    message_id = admin.execute(
        "ashshash.survivor", "message_post", [case["id"]],
        body="Passport number A7654321 seen (e2e)", attachment_ids=[attachment_id],
        message_type="comment", subtype_xmlid="mail.mt_note",
    )
    yield {"case": case, "attachment_id": attachment_id, "message_id": message_id, "case_worker": case_worker}
    admin.execute("mail.message", "unlink", [message_id])
    admin.execute("ir.attachment", "unlink", [attachment_id])


def test_me_officer_reads_neither_the_chatter_nor_the_files_of_a_case(odoo, case_with_a_scan):
    me_officer = odoo.login("meofficer", "meofficer")
    case = case_with_a_scan["case"]

    # The case itself, by code, as before.
    [row] = me_officer.execute("ashshash.survivor", "read", [case["id"]], fields=["code"])
    assert row["code"] == case["code"]

    assert me_officer.execute(
        "mail.message", "search_read",
        [["model", "=", "ashshash.survivor"], ["res_id", "=", case["id"]]], fields=["body"],
    ) == []
    assert me_officer.execute("mail.message", "search_read", [["body", "ilike", "A7654321"]], fields=["id"]) == []
    with pytest.raises(odoo.Error) as error:
        me_officer.execute("mail.message", "read", [case_with_a_scan["message_id"]], fields=["body"])
    assert error.value.name == "odoo.exceptions.AccessError"

    assert me_officer.execute(
        "ir.attachment", "search_read", [["res_model", "=", "ashshash.survivor"], ["res_id", "=", case["id"]]],
        fields=["name"],
    ) == []
    with pytest.raises(odoo.Error) as error:
        me_officer.execute("ir.attachment", "read", [case_with_a_scan["attachment_id"]], fields=["datas"])
    assert error.value.name == "odoo.exceptions.AccessError"


def test_the_case_worker_on_the_case_reads_them(odoo, case_with_a_scan):
    case_worker = case_with_a_scan["case_worker"]
    [message] = case_worker.execute("mail.message", "read", [case_with_a_scan["message_id"]], fields=["body"])
    assert "A7654321" in message["body"]
    [attachment] = case_worker.execute("ir.attachment", "read", [case_with_a_scan["attachment_id"]], fields=["datas"])
    assert base64.b64decode(attachment["datas"]) == b"%PDF-1.4 passport"


def test_me_officer_learns_no_case_code_from_a_phone_number(odoo):
    admin = odoo.login("admin", "admin")
    me_officer = odoo.login("meofficer", "meofficer")
    [case] = admin.execute(
        "ashshash.survivor", "search_read", [["phone", "!=", False]], fields=["code", "phone", "company_id"], limit=1,
    )
    values = {"phone": case["phone"], "company_id": case["company_id"][0]}
    spec = {"duplicate_warning": {}, "phone": {}, "company_id": {}}
    try:
        answer = me_officer.execute("ashshash.survivor", "onchange", [], values, ["phone"], spec)
    except odoo.Error as error:
        answer = str(error)
    assert case["code"] not in str(answer)
    # The same question from a case manager names the case: the check itself works.
    answer = admin.execute("ashshash.survivor", "onchange", [], values, ["phone"], spec)
    assert case["code"] in answer["value"]["duplicate_warning"]
