from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestEventAccess(AshshashEventsCommon):

    def test_event_officer_creates_and_edits_events_but_not_types(self):
        event = self._create_event(name="School session", event_type_id=self.type_school.id)
        event.with_user(self.event_officer).write({"venue": "Koyla High School"})
        self.assertEqual(event.venue, "Koyla High School")
        with self.assertRaises(AccessError):
            self.type_school.with_user(self.event_officer).write({"name": "Renamed"})
        self.assertEqual(self.type_school.name, "School/madrasah/college session")

    def test_case_worker_reads_events_but_cannot_change_them(self):
        event = self.event.with_user(self.case_worker)
        self.assertEqual(event.name, "Pot show at Jugikhali bazar")
        with self.assertRaises(AccessError):
            event.write({"venue": "Elsewhere"})
        with self.assertRaises(AccessError):
            self._create_event(user=self.case_worker)
        with self.assertRaises(AccessError):
            event.action_done()
        self.assertEqual(self.event.state, "planned")

    def test_me_officer_reads_all_events_and_nothing_more(self):
        other = self._create_event(user=self.case_manager, name="Manager's event")
        events = self.env["ashshash.event"].with_user(self.me_officer).search([("id", "in", (self.event | other).ids)])
        self.assertEqual(events, self.event | other)
        with self.assertRaises(AccessError):
            self.event.with_user(self.me_officer).write({"attendance_women": 3})
        with self.assertRaises(AccessError):
            self.event.with_user(self.me_officer).unlink()
        self.assertTrue(self.event.exists())

    def test_a_user_without_ashshash_groups_sees_nothing(self):
        for model in ("ashshash.event", "ashshash.event.type", "ashshash.event.audience",
                      "ashshash.event.attendee", "ashshash.event.action.item", "ashshash.event.outreach.method"):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.outsider).search([])
        with self.assertRaises(AccessError):
            self.event.with_user(self.outsider).read(["name"])

    def test_survivors_who_took_part_show_by_code_to_whom_may_see_them(self):
        self.event.survivor_ids = self.survivor | self.survivor_2
        self.env.invalidate_all()
        # The case worker sees only their own survivor, by code.
        seen = self.event.with_user(self.case_worker).survivor_ids
        self.assertEqual(seen, self.survivor)
        self.assertEqual(seen.display_name, self.survivor.code)
        # The event officer does not see the field at all.
        event = self.event.with_user(self.event_officer)
        self.assertNotIn("survivor_ids", event.fields_get(attributes=["type"]))
        with self.assertRaises(AccessError):
            event.read(["survivor_ids"])

    def test_events_stay_in_their_company(self):
        other_company = self.env["res.company"].create({"name": "Other NGO"})
        officer = new_test_user(
            self.env, login="test_other_officer", groups="ashshash_events.group_event_officer",
            company_id=other_company.id, company_ids=[other_company.id],
        )
        self.assertFalse(self.env["ashshash.event"].with_user(officer).search([("id", "=", self.event.id)]))
        with self.assertRaises(AccessError):
            self.event.with_user(officer).read(["name"])
