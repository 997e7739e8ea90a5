from datetime import date, datetime, timedelta
from unittest.mock import patch

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestInternationalDays(AshshashEventsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.partner_id.tz = "Asia/Dhaka"
        cls.days = cls.type_iwd | cls.type_wdatip | cls.type_imd
        # Start from a clean slate: no observance in the years the tests plan.
        cls.env["ashshash.event"].search([("event_type_id", "in", cls.days.ids)]).sudo().write({"state": "cancelled"})
        cls.env["ashshash.event"].search([("event_type_id", "in", cls.days.ids)]).sudo().unlink()

    def _observances(self):
        return self.env["ashshash.event"].search([("event_type_id", "in", self.days.ids)])

    def test_seeded_international_days(self):
        self.assertEqual(
            [(t.code, t.observance_day, t.observance_month) for t in self.days],
            [("IWD", 8, "3"), ("WDATIP", 30, "7"), ("IMD", 18, "12")],
        )

    def test_next_observance_date(self):
        self.assertEqual(self.type_iwd._next_observance_date(date(2026, 3, 7)), date(2026, 3, 8))
        self.assertEqual(self.type_iwd._next_observance_date(date(2026, 3, 8)), date(2026, 3, 8))
        self.assertEqual(self.type_iwd._next_observance_date(date(2026, 3, 9)), date(2027, 3, 8))
        self.assertEqual(self.type_imd._next_observance_date(date(2026, 12, 19)), date(2027, 12, 18))

    def test_the_yearly_action_plans_each_day_once(self):
        created = self.env["ashshash.event.type"]._cron_plan_international_days()
        mine = created.filtered(lambda e: e.company_id == self.company)
        self.assertEqual(mine.event_type_id, self.days)
        for event in mine:
            self.assertEqual(event.state, "planned")
            self.assertGreaterEqual(event.date, self.today - timedelta(days=1))
            self.assertLess(event.date, self.today + timedelta(days=367))
            self.assertEqual((event.date.day, str(event.date.month)),
                             (event.event_type_id.observance_day, event.event_type_id.observance_month))
            # 10:00 in Dhaka is 04:00 UTC.
            self.assertEqual(event.date_start.hour, 4)
            self.assertIn(str(event.date.year), event.name)

        # Running it again, or pressing the button, plans nothing more.
        self.assertFalse(self.env["ashshash.event.type"]._cron_plan_international_days())
        result = self.type_iwd.with_user(self.event_officer).action_plan_observance()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(len(self._observances().filtered(lambda e: e.company_id == self.company)), 3)

    def test_a_cancelled_observance_is_not_planned_again(self):
        event = self.type_wdatip._plan_observances(self.company)
        event.action_cancel()
        self.assertFalse(self.type_wdatip._plan_observances(self.company))

    def test_the_button_plans_the_next_observance(self):
        action = self.type_imd.with_user(self.event_officer).action_plan_observance()
        event = self.env["ashshash.event"].browse(action["res_id"])
        self.assertEqual(event.event_type_id, self.type_imd)
        self.assertEqual((event.date.month, event.date.day), (12, 18))
        with self.assertRefused(UserError, "Only international days"):
            self.type_school.action_plan_observance()

    def test_a_second_observance_in_the_same_year_is_refused(self):
        first = self.type_iwd._plan_observances(self.company)
        count = len(self._observances())
        with self.assertRefused(ValidationError, "already observed in %s" % first.observance_year):
            self._create_event(
                name="Second women's day", event_type_id=self.type_iwd.id,
                date_start=first.date_start + timedelta(days=20), date_end=False,
            )
        self.assertEqual(len(self._observances()), count)
        # Another year is fine.
        other = self._create_event(
            name="Women's day next year", event_type_id=self.type_iwd.id,
            date_start=first.date_start + timedelta(days=366), date_end=False,
        )
        self.assertEqual(other.observance_year, first.observance_year + 1)

    def test_two_observances_created_together_are_refused(self):
        start = datetime(2030, 3, 8, 4, 0)
        with self.assertRefused(ValidationError, "already observed in 2030"):
            self.env["ashshash.event"].create([{
                "name": name, "event_type_id": self.type_iwd.id, "date_start": start,
            } for name in ("Women's day rally", "Women's day seminar")])
        self.assertFalse(self._observances())
        # The same day in two companies, or two days in one company, is fine.
        other_company = self.env["res.company"].create({"name": "Other NGO"})
        events = self.env["ashshash.event"].create([
            {"name": "IWD", "event_type_id": self.type_iwd.id, "date_start": start},
            {"name": "IWD elsewhere", "event_type_id": self.type_iwd.id, "date_start": start,
             "company_id": other_company.id},
            {"name": "IMD", "event_type_id": self.type_imd.id, "date_start": start},
        ])
        self.assertEqual(len(events), 3)

    def test_a_cancelled_observance_is_not_reset_beside_another(self):
        first = self.type_iwd._plan_observances(self.company)
        first.action_cancel()
        second = self._create_event(
            name="Women's day, new date", event_type_id=self.type_iwd.id,
            date_start=first.date_start + timedelta(days=1), date_end=False,
        )
        with self.assertRefused(ValidationError, "already observed"):
            first.action_draft()
        self.assertEqual(first.state, "cancelled")
        self.assertEqual(second.state, "planned")

    def test_an_international_day_needs_a_valid_date(self):
        with self.assertRefused(ValidationError, "set the day and month"):
            self.env["ashshash.event.type"].create(
                {"name": "Day without date", "code": "NO_DATE", "category": "international_day"}
            )
        with self.assertRefused(ValidationError, "has no day 31"):
            self.env["ashshash.event.type"].create({
                "name": "Impossible day", "code": "BAD_DAY", "category": "international_day",
                "observance_day": 31, "observance_month": "4",
            })
        self.assertFalse(self.env["ashshash.event.type"].search([("code", "in", ("NO_DATE", "BAD_DAY"))]))

    def test_observance_dates_follow_the_company_time_zone(self):
        # 1 January 2027, 00:30 in Dhaka is still 31 December 2026 in UTC.
        fake_now = datetime(2026, 12, 31, 18, 30)
        with patch("odoo.addons.ashshash_events.models.ashshash_event_type.datetime") as mock_dt:
            mock_dt.now.side_effect = lambda tz=None: tz.fromutc(fake_now.replace(tzinfo=tz)) if tz else fake_now
            mock_dt.combine = datetime.combine
            events = self.days._plan_observances(self.company)
        self.assertEqual(
            sorted(events.mapped("date")), [date(2027, 3, 8), date(2027, 7, 30), date(2027, 12, 18)],
        )

    def test_the_scheduled_action_and_the_menu_plan_observances(self):
        cron = self.env.ref("ashshash_events.ir_cron_plan_international_days")
        self.assertEqual((cron.interval_number, cron.interval_type), (12, "months"))
        cron.method_direct_trigger()
        self.assertEqual(len(self._observances().filtered(lambda e: e.company_id == self.company)), 3)

        # The event officer's menu entry runs the same planning: nothing new this year.
        server_action = self.env.ref("ashshash_events.ashshash_event_type_action_plan_observances")
        result = server_action.with_user(self.event_officer).run()
        self.assertEqual(result["tag"], "display_notification")
        self.assertEqual(len(self._observances().filtered(lambda e: e.company_id == self.company)), 3)

    def test_the_code_of_a_used_type_cannot_change(self):
        self.type_iwd._plan_observances(self.company)
        with self.assertRefused(UserError, "cannot change"):
            self.type_iwd.write({"code": "WOMENS_DAY"})
        self.assertEqual(self.type_iwd.code, "IWD")
        with self.assertRefused(ValidationError, "upper-case letters"):
            self.env["ashshash.event.type"].create({"name": "Lower", "code": "lower_case"})
        # Unused types may still be renamed.
        unused = self.env["ashshash.event.type"].create({"name": "Street drama", "code": "STREET_DRAMA"})
        unused.code = "STREET_THEATRE"
        self.assertEqual(unused.code, "STREET_THEATRE")
