"""Community events over the external JSON-RPC API, as the demo event officer: the
workflow fields of events and action items are refused on every path a script
has (create, write, import, any context), and nothing changes."""
import pytest


@pytest.fixture(scope="module")
def officer(odoo):
    return odoo.login("eventofficer", "eventofficer")


@pytest.fixture(scope="module")
def planned_event(officer):
    events = officer.execute("ashshash.event", "search_read", [["state", "=", "planned"]],
                             fields=["name", "event_type_id", "area_id", "state"], limit=1)
    assert events, "the demo data has a planned event"
    return events[0]


def _refused(odoo, session, model, method, *args, **kwargs):
    with pytest.raises(odoo.Error) as error:
        session.execute(model, method, *args, **kwargs)
    assert error.value.name in ("odoo.exceptions.UserError", "odoo.exceptions.AccessError",
                                "odoo.exceptions.ValidationError"), str(error.value)
    return str(error.value)


def test_event_officer_cannot_create_an_event_already_reported(odoo, officer, planned_event):
    count = officer.execute("ashshash.event", "search_count", [])
    vals = {
        "name": "RPC pot show", "event_type_id": planned_event["event_type_id"][0],
        "date_start": "2030-01-01 10:00:00", "attendance_women": 10,
    }
    for state in ("reported", "done"):
        message = _refused(odoo, officer, "ashshash.event", "create", {**vals, "state": state})
        assert "set by its workflow" in message
        _refused(odoo, officer, "ashshash.event", "create", vals, context={"default_state": state})
        result = officer.execute("ashshash.event", "load", ["name", "event_type_id/.id", "date_start", "state"],
                                 [[vals["name"], str(vals["event_type_id"]), vals["date_start"], state]])
        assert not result["ids"]
    assert officer.execute("ashshash.event", "search_count", []) == count


def test_event_officer_cannot_report_an_event_in_the_future_by_writing_its_state(odoo, officer, planned_event):
    event_id = planned_event["id"]
    for vals in ({"state": "reported"}, {"state": "done"}, {"date_reported": "2020-01-02"}):
        message = _refused(odoo, officer, "ashshash.event", "write", [event_id], vals,
                           context={"ashshash_workflow": True})
        assert "set by its workflow" in message
    [after] = officer.execute("ashshash.event", "read", [event_id], fields=["state", "date_reported"])
    assert after["state"] == "planned" and not after["date_reported"]


def test_an_action_item_is_not_closed_by_writing_done_whatever_the_context(odoo, officer):
    items = officer.execute("ashshash.event.action.item", "search_read", [["done", "=", False]],
                            fields=["event_id", "activity_id"], limit=1)
    assert items, "the demo data has an open action item"
    item = items[0]
    for context in ({}, {"ashshash_activity_done": True}):
        message = _refused(odoo, officer, "ashshash.event.action.item", "write", [item["id"]], {"done": True},
                           context=context)
        assert "Done and Reopen buttons" in message
    [after] = officer.execute("ashshash.event.action.item", "read", [item["id"]], fields=["done", "activity_id"])
    assert not after["done"] and after["activity_id"] == item["activity_id"]
