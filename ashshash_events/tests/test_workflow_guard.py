"""Workflow-owned fields of events are written only by their workflow: for each model
of the addon, every field of its table (_workflow_fields() / _frozen_fields()) is
tried by every role that may write the model, through create(), write() and import,
and refused; then the user stories of the issue."""
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.ashshash_case.tests.common import AshshashWorkflowGuardCommon

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestEventWorkflowGuard(AshshashWorkflowGuardCommon, AshshashEventsCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.editors = (cls.event_officer, cls.case_manager, cls.programme_admin)
        # The event the generated tests try to move lines and items to.
        cls.other_event = cls._create_event(name="School session at Koyla", event_type_id=cls.type_school.id)

    def _event_vals(self, user, **vals):
        return {
            "name": f"Guard test {user.login}", "event_type_id": self.type_pot_show.id,
            "date_start": self.yesterday, "date_end": self.yesterday + timedelta(hours=2),
            "area_id": self.union_koyla.id, **vals,
        }

    def _reported_event(self):
        event = self.event.with_user(self.event_officer)
        event.action_done()
        self._record_attendance(event)
        event.action_report()
        return self.event

    def _add_items(self, *names):
        return self.env["ashshash.event.action.item"].with_user(self.event_officer).create([
            {"event_id": self.event.id, "name": name, "user_id": self.case_worker.id} for name in names
        ]).with_env(self.env)

    # ------------------------------------------------------------------
    # Generated: every field of each model's table, every role with write access
    # ------------------------------------------------------------------
    def test_event_workflow_fields(self):
        self.assertWorkflowGuarded(
            "ashshash.event",
            writable=dict.fromkeys(self.editors, self.event),
            creatable={user: self._event_vals(user) for user in self.editors},
        )

    def test_reported_event_workflow_fields(self):
        # A reported event: the managers may correct it, its workflow fields stay the buttons'.
        event = self._reported_event()
        self.assertWorkflowGuarded(
            "ashshash.event",
            writable={self.event_officer: event, self.case_manager: event, self.programme_admin: event},
        )

    def test_action_item_workflow_fields(self):
        item, _other = self._add_items("Call the OC", "Visit the school")
        self.assertWorkflowGuarded(
            "ashshash.event.action.item",
            writable=dict.fromkeys(self.editors, item),
            creatable={user: {"event_id": self.event.id, "name": "New item", "user_id": user.id}
                       for user in self.editors},
        )

    def test_event_lines_keep_their_event(self):
        self._record_attendance(self.event)
        attendee = self.env["ashshash.event.attendee"].create({
            "event_id": self.event.id, "partner_id": self.upazila_office.id, "title": "UNO",
        })
        for model, line in (("ashshash.event.audience", self.event.audience_line_ids[0]),
                            ("ashshash.event.attendee", attendee)):
            self.assertWorkflowGuarded(model, writable=dict.fromkeys(self.editors, line))

    # ------------------------------------------------------------------
    # User stories
    # ------------------------------------------------------------------
    def test_event_officer_cannot_create_an_event_already_reported(self):
        Event = self.env["ashshash.event"].with_user(self.event_officer)
        count = Event.search_count([])
        for state in ("reported", "done"):
            with self.assertRefused(UserError, "of a new Community event is set by its workflow.*Report"):
                Event.create(self._event_vals(self.event_officer, state=state, attendance_women=10))
            # Nor through the context's default, nor by import.
            with self.assertRefused(UserError, "of a new Community event is set by its workflow"):
                Event.with_context(default_state=state).create(self._event_vals(self.event_officer))
            result = Event.load(["name", "event_type_id/.id", "date_start", "area_id/.id", "state"], [[
                "Imported pot show", str(self.type_pot_show.id), str(self.yesterday), str(self.union_koyla.id), state,
            ]])
            self.assertFalse(result["ids"])
            self.assertRegex(result["messages"][0]["message"], "set by its workflow")
        with self.assertRefused(UserError, "the day the Report button was pressed"):
            Event.create(self._event_vals(self.event_officer, date_reported=self.today))
        self.assertEqual(Event.search_count([]), count)
        # A planned event is created as today.
        self.assertEqual(Event.create(self._event_vals(self.event_officer)).state, "planned")

    def test_event_officer_cannot_report_an_event_in_the_future_by_writing_its_state(self):
        future = self._create_event(date_start=self.yesterday + timedelta(days=5), date_end=False)
        self._record_attendance(future)
        officer_future = future.with_user(self.event_officer)
        for state in ("reported", "done"):
            with self.assertRefused(UserError, "set by its workflow.*Mark done once it has taken place"):
                officer_future.write({"state": state})
        with self.assertRefused(UserError, "set by its workflow"):
            officer_future.write({"date_reported": self.today})
        with self.assertRefused(UserError, "has not started yet"):
            officer_future.action_done()
        self.assertRecordValues(future, [{"state": "planned", "date_reported": False}])

    def test_a_done_event_cannot_be_moved_to_the_future_or_lose_its_area_then_reported(self):
        event = self.event.with_user(self.event_officer)
        event.action_done()
        self._record_attendance(event)
        with self.assertRefused(UserError, "has not started yet"):
            event.write({"date_start": self.yesterday + timedelta(days=5),
                         "date_end": self.yesterday + timedelta(days=5, hours=2)})
        with self.assertRefused(UserError, "Set the union, upazila or district"):
            event.write({"area_id": False})
        self.assertRecordValues(self.event, [{
            "state": "done", "date_start": self.yesterday, "area_id": self.union_jugikhali.id,
        }])
        # Changed all the same (by a data fix as superuser): the Report button checks again.
        self.event.write({"area_id": False})
        with self.assertRefused(UserError, "Set the union, upazila or district.*cannot be reported"):
            event.action_report()
        self.event.write({"area_id": self.union_jugikhali.id, "date_start": self.yesterday + timedelta(days=5),
                          "date_end": self.yesterday + timedelta(days=5, hours=2)})
        with self.assertRefused(UserError, "has not started yet.*can be reported once it has taken place"):
            event.action_report()
        self.assertRecordValues(self.event, [{"state": "done", "date_reported": False}])

    def test_a_manager_cannot_move_a_reported_event_to_the_future_or_clear_its_area(self):
        event = self._reported_event()
        for manager in (self.case_manager, self.programme_admin):
            managed = event.with_user(manager)
            with self.assertRefused(UserError, "has not started yet"):
                managed.write({"date_start": self.yesterday + timedelta(days=5),
                               "date_end": self.yesterday + timedelta(days=5, hours=2)})
            with self.assertRefused(UserError, "Set the union, upazila or district"):
                managed.write({"area_id": False})
            with self.assertRefused(UserError, "set by its workflow"):
                managed.write({"state": "done"})
            # What a manager may correct stays correctable.
            managed.write({"venue": f"Corrected by {manager.login}"})
        self.assertRecordValues(event, [{
            "state": "reported", "date_start": self.yesterday, "area_id": self.union_jugikhali.id,
            "date_reported": self.today,
        }])

    def test_the_reported_attendance_rule_still_holds_for_the_superuser(self):
        event = self.event.with_user(self.event_officer)
        event.action_done()
        with self.assertRefused(ValidationError, "without attendance"):
            self.event.write({"state": "reported"})
        self.assertEqual(self.event.state, "done")

    def test_the_buttons_still_work_and_track_the_user(self):
        # The event was created in this same transaction: end its creation as a commit would.
        self.env.cr.flush()
        event = self.event.with_user(self.event_officer)
        event.action_done()
        self.env.cr.flush()  # the officer reports later, in another request
        self._record_attendance(event)
        event.action_report()
        self.assertRecordValues(event, [{"state": "reported", "date_reported": self.today}])
        self.env.flush_all()
        self.env.cr.flush()  # tracking values are written when the transaction is flushed
        self.env.invalidate_all()
        tracking = event.sudo().message_ids.filtered(
            lambda m: "state" in m.tracking_value_ids.field_id.mapped("name"))
        self.assertEqual(len(tracking), 2)
        self.assertEqual(tracking.author_id, self.event_officer.partner_id)
        event.with_user(self.case_manager).action_draft()
        self.assertRecordValues(event, [{"state": "planned", "date_reported": False}])

    def test_an_audience_line_cannot_move_out_of_a_reported_event(self):
        event = self._reported_event()
        other = self.other_event
        line = event.audience_line_ids[0]
        for user in (self.case_manager, self.programme_admin, self.event_officer):
            with self.assertRefused(UserError, "stays on its event|reported and locked"):
                line.with_user(user).write({"event_id": other.id})
        with self.assertRefused(UserError, "stays on its event|reported and locked"):
            other.with_user(self.case_manager).write({"audience_line_ids": [Command.link(line.id)]})
        self.assertEqual(line.event_id, event)
        self.assertEqual(event.audience_total, 190)

    def test_an_action_item_is_closed_by_its_buttons_not_by_writing_done(self):
        item = self._add_items("Call the OC")
        officer_item = item.with_user(self.event_officer)
        with self.assertRefused(UserError, "Done and Reopen buttons"):
            officer_item.write({"done": True})
        # A context key opens no door (the one the activity used to set).
        with self.assertRefused(UserError, "Done and Reopen buttons"):
            officer_item.with_context(ashshash_activity_done=True).write({"done": True})
        with self.assertRefused(UserError, "Done and Reopen buttons"):
            self.env["ashshash.event.action.item"].with_user(self.event_officer).with_context(default_done=True).create(
                {"event_id": self.event.id, "name": "Already done", "user_id": self.case_worker.id})
        self.assertRecordValues(item, [{"done": False}])
        self.assertTrue(item.activity_id)
        # The owner (a case worker, who may only read the event) cannot press the button either...
        with self.assertRaises(AccessError):
            item.with_user(self.case_worker).action_mark_done()
        self.assertFalse(item.done)
        # ... but finishing their activity closes it; the button does it for the event officer.
        item.activity_id.with_user(self.case_worker).action_feedback(feedback="Called")
        self.assertRecordValues(item, [{"done": True, "activity_id": False}])
        officer_item.action_reopen()
        self.assertFalse(item.done)
        self.assertTrue(item.activity_id)
        officer_item.action_mark_done()
        self.assertRecordValues(item, [{"done": True, "activity_id": False}])

    def test_an_action_item_stays_on_its_event(self):
        item = self._add_items("Call the OC")
        other = self.other_event
        for user in self.editors:
            with self.assertRefused(UserError, "stays on the event that decided it"):
                item.with_user(user).write({"event_id": other.id})
        self.assertEqual(item.event_id, self.event)
        self.assertEqual(item.activity_id.res_id, self.event.id)

    def test_an_action_item_cannot_take_another_activity(self):
        item, other = self._add_items("Call the OC", "Visit the school")
        activity = item.activity_id
        with self.assertRefused(UserError, "owner's activity"):
            item.with_user(self.event_officer).write({"activity_id": other.activity_id.id})
        self.assertEqual(item.activity_id, activity)
