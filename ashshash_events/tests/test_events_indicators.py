from datetime import datetime, time, timedelta

from odoo.tests import tagged

from .common import AshshashEventsIndicatorCommon


def _sql(code, kind):
    """EVT_<code>_COUNT / _PEOPLE in plain SQL: done or reported events of the type."""
    sql = {
        "from": "ashshash_event r JOIN ashshash_event_type t ON t.id = r.event_type_id",
        "where": "t.code = %s AND r.state IN ('done', 'reported')",
        "params": (code,),
        "date": "r.date",
    }
    if kind == "COUNT":
        sql.update(count="COUNT(*)", gender=None)
    else:
        sql.update(sums=("r.attendance_women", "r.attendance_men", "r.attendance_others"))
    return sql


@tagged("post_install", "-at_install")
class TestEventsIndicators(AshshashEventsIndicatorCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # every type four to five times, in every state and date
        cls.events = cls._make_events(seed=20, size=len(cls.event_types) * 5)

    def test_every_event_type_has_its_two_indicators(self):
        codes = set(self.Indicator.search([("model_name", "=", "ashshash.event")]).mapped("code"))
        expected = {f"EVT_{code}_{kind}" for code in self.event_types.mapped("code") for kind in ("COUNT", "PEOPLE")}
        self.assertLessEqual(expected, codes)
        self.assertEqual(len(self.event_types), 17)

    def test_every_event_indicator_equals_plain_sql(self):
        """Events held and people reached per type equal plain SQL for every filter (events at
        district and upazila level are outside a union's figures); drill-downs find exactly
        the counted events."""
        for code in self.event_types.mapped("code"):
            for kind in ("COUNT", "PEOPLE"):
                self.assertIndicatorEqualsSql(f"EVT_{code}_{kind}", _sql(code, kind))

    def test_planned_and_cancelled_events_do_not_count(self):
        ngo = self.env["res.company"].create({"name": "Events NGO"})
        day = datetime.combine(self.date_end - timedelta(days=1), time(6))
        pot_show = self.env.ref("ashshash_events.event_type_pot_show")
        self.env["ashshash.event"].create([{
            "name": f"Pot show {state}", "event_type_id": pot_show.id, "company_id": ngo.id,
            "date_start": day, "date_end": day + timedelta(hours=2), "area_id": self.union_koyla.id,
            "attendance_women": women, "attendance_men": 10, "attendance_others": 1, "state": state,
        } for state, women in (("done", 100), ("reported", 200), ("planned", 400), ("cancelled", 800))])
        values = self.Indicator.search([("code", "in", ("EVT_POT_SHOW_COUNT", "EVT_POT_SHOW_PEOPLE"))])._compute_values(
            self.date_start, self.date_end, companies=ngo, by_gender=True)
        self.assertEqual(values["EVT_POT_SHOW_COUNT"]["total"], 2)
        self.assertEqual(self._figures(values["EVT_POT_SHOW_PEOPLE"]),
                         {"total": 322, "female": 300, "male": 20, "other": 2})
