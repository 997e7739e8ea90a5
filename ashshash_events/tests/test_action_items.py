from odoo import Command
from odoo.tests import tagged

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestActionItems(AshshashEventsCommon):

    def _add_item(self, **vals):
        values = {
            "name": "Share the police contact with case workers",
            "user_id": self.case_worker.id,
            "date_due": self.today,
        }
        values.update(vals)
        self.event.with_user(self.event_officer).write({"action_item_ids": [Command.create(values)]})
        return self.event.action_item_ids.filtered(lambda item: item.name == values["name"])

    def test_an_action_item_becomes_an_activity_of_its_owner(self):
        item = self._add_item()
        activity = item.activity_id
        self.assertTrue(activity)
        self.assertEqual(activity.res_model, "ashshash.event")
        self.assertEqual(activity.res_id, self.event.id)
        self.assertEqual(activity.user_id, self.case_worker)
        self.assertEqual(activity.date_deadline, self.today)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        self.assertIn(activity, self.event.activity_ids)
        self.assertEqual(self.event.action_item_open_count, 1)

    def test_changing_the_item_updates_its_activity(self):
        item = self._add_item()
        item.with_user(self.event_officer).write({"user_id": self.case_worker_2.id, "name": "Call the OC"})
        self.assertEqual(item.activity_id.user_id, self.case_worker_2)
        self.assertEqual(item.activity_id.summary, "Call the OC")

    def test_marking_the_item_done_marks_the_activity_done(self):
        item = self._add_item()
        activity = item.activity_id
        item.with_user(self.event_officer).action_mark_done()
        self.assertTrue(item.done)
        self.assertFalse(activity.exists())
        self.assertFalse(item.activity_id)
        self.assertFalse(self.event.activity_ids)
        done_messages = self.event.message_ids.filtered(lambda m: m.mail_activity_type_id)
        self.assertEqual(len(done_messages), 1, "the activity done is logged in the chatter")
        self.assertEqual(self.event.action_item_open_count, 0)

        item.with_user(self.event_officer).action_reopen()
        self.assertFalse(item.done)
        self.assertTrue(item.activity_id, "reopening the item gives its owner a new activity")

    def test_the_owner_marking_the_activity_done_closes_the_item(self):
        item = self._add_item()
        # The owner is a case worker: they may read the event but not write it.
        item.activity_id.with_user(self.case_worker).action_feedback(feedback="Shared by phone")
        self.assertTrue(item.done)
        self.assertFalse(item.activity_id)

    def test_deleting_an_open_item_deletes_its_activity(self):
        item = self._add_item()
        activity = item.activity_id
        item.with_user(self.event_officer).unlink()
        self.assertFalse(activity.exists())

    def test_a_done_item_creates_no_activity(self):
        # Created done as the superuser (a data import): users close items with the Done button.
        self.event.write({"action_item_ids": [Command.create({
            "name": "Already done", "user_id": self.case_worker.id, "done": True,
        })]})
        item = self.event.action_item_ids.filtered("done")
        self.assertFalse(item.activity_id)
        self.assertFalse(self.event.activity_ids)
