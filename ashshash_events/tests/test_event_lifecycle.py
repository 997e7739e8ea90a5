from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestEventLifecycle(AshshashEventsCommon):

    def test_event_officer_plans_holds_and_reports_an_event(self):
        # The event was created in this same transaction: end its creation as a commit would.
        self.env.cr.flush()
        event = self.event.with_user(self.event_officer)
        self.assertEqual(event.state, "planned")
        self.assertEqual(event.date, self.yesterday.date())
        self.assertEqual(event.upazila_id, self.upazila_kalaroa)
        self.assertEqual(event.district_id, self.district_satkhira)
        self.assertEqual(event.type_code, "POT_SHOW")

        event.action_done()
        self.assertEqual(event.state, "done")
        self.env.cr.flush()  # the officer reports later, in another request
        self._record_attendance(event)
        self.assertEqual(event.attendance_total, 202)
        self.assertEqual(event.audience_total, 190)
        event.action_report()
        self.assertEqual(event.state, "reported")
        self.assertEqual(event.date_reported, self.today)
        self.env.flush_all()
        self.env.cr.flush()  # tracking values are written when the transaction is flushed
        self.env.invalidate_all()
        tracked = self.event.message_ids.tracking_value_ids.filtered(lambda v: v.field_id.name == "state")
        self.assertEqual(len(tracked), 2, "each state change is tracked in the chatter")

    def test_end_defaults_to_two_hours_after_start(self):
        event = self._create_event(date_end=False)
        self.assertEqual(event.date_end, self.yesterday + timedelta(hours=2))

    def test_an_event_that_has_not_started_cannot_be_done(self):
        event = self._create_event(date_start=self.yesterday + timedelta(days=3), date_end=False)
        with self.assertRefused(UserError, "has not started yet"):
            event.with_user(self.event_officer).action_done()
        self.assertEqual(event.state, "planned")

    def test_an_event_needs_its_area_to_be_done(self):
        event = self._create_event(area_id=False)
        with self.assertRefused(UserError, "Set the union, upazila or district"):
            event.with_user(self.event_officer).action_done()
        self.assertEqual(event.state, "planned")

    def test_reporting_without_attendance_is_refused(self):
        event = self.event.with_user(self.event_officer)
        event.action_done()
        with self.assertRefused(UserError, "without attendance"):
            event.action_report()
        self.assertEqual(event.state, "done")
        self.assertFalse(event.date_reported)
        # Nor can the state be forced by a plain write (e.g. an import): the Report button sets it...
        with self.assertRefused(UserError, "set by its workflow.*Report once its attendance is entered"):
            event.write({"state": "reported"})
        self.assertEqual(event.state, "done")
        # ... and the rule holds for the superuser too (a data fix).
        with self.assertRefused(ValidationError, "without attendance"):
            self.event.write({"state": "reported"})
        self.assertEqual(event.state, "done")

    def test_a_planned_event_cannot_be_reported_directly(self):
        self._record_attendance(self.event)
        with self.assertRefused(UserError, "cannot be reported: it is planned \\(it must be done\\)"):
            self.event.with_user(self.event_officer).action_report()
        self.assertEqual(self.event.state, "planned")

    def test_cancel_and_reset(self):
        event = self.event.with_user(self.event_officer)
        event.action_cancel()
        self.assertEqual(event.state, "cancelled")
        with self.assertRefused(UserError, "cannot be cancelled: it is cancelled"):
            event.action_cancel()
        event.action_draft()
        self.assertEqual(event.state, "planned")
        with self.assertRefused(UserError, "cannot be reset to planned: it is planned"):
            event.action_draft()

    def test_a_reported_event_is_locked_for_the_event_officer(self):
        event = self.event.with_user(self.event_officer)
        event.action_done()
        self._record_attendance(event)
        event.action_report()
        self.assertTrue(event.is_locked)

        with self.assertRefused(UserError, "reported and locked"):
            event.write({"attendance_men": 500})
        self.assertEqual(event.attendance_men, 80)
        with self.assertRefused(UserError, "reported and locked"):
            event.audience_line_ids[0].write({"count": 1})
        self.assertEqual(event.audience_line_ids[0].count, 150)
        with self.assertRefused(UserError, "reported and locked"):
            event.audience_line_ids[0].unlink()
        self.assertEqual(len(event.audience_line_ids), 2)
        with self.assertRefused(UserError, "reported and locked"):
            self.env["ashshash.event.attendee"].with_user(self.event_officer).create({
                "event_id": event.id, "partner_id": self.upazila_office.id, "title": "UNO",
            })
        self.assertFalse(event.attendee_ids)
        with self.assertRefused(UserError, "cannot be cancelled"):
            event.action_cancel()
        with self.assertRefused(UserError, "reported and locked"):
            event.action_draft()
        self.assertEqual(event.state, "reported")
        with self.assertRefused(UserError, "donor reports"):
            event.unlink()

        # The chatter and action items stay open for follow-up.
        event.message_post(body="Photos of the show attached.")
        self.env["ashshash.event.action.item"].with_user(self.event_officer).create({
            "event_id": event.id, "name": "Visit the two families met at the show", "user_id": self.event_officer.id,
        })
        self.assertEqual(event.action_item_open_count, 1)

    def test_a_manager_corrects_a_reported_event(self):
        event = self.event.with_user(self.event_officer)
        event.action_done()
        self._record_attendance(event)
        event.action_report()
        for manager in (self.case_manager, self.programme_admin):
            managed = event.with_user(manager)
            self.assertFalse(managed.is_locked)
            managed.write({"attendance_men": 81 if manager == self.case_manager else 82})
        self.assertEqual(event.attendance_total, 204)
        event.with_user(self.case_manager).action_draft()
        self.assertEqual(event.state, "planned")
        self.assertFalse(event.date_reported)
