"""Workflow-owned fields are written only by their workflow: for each model of the
addon, every field of its table is tried by every role that may write the model,
through create(), write() and import, and refused (tests generated from the
model's _workflow_fields() / _frozen_fields())."""
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AshshashCaseCommon, AshshashWorkflowGuardCommon


@tagged("post_install", "-at_install")
class TestSurvivorWorkflowGuard(AshshashWorkflowGuardCommon, AshshashCaseCommon):

    def _new_case_vals(self, user):
        return {
            "name": f"Guard test {user.login}", "gender": "female", "estimated_age": 30,
            "area_id": self.union_koyla.id, "identification_source": "peer_leader",
            "identification_date": self.today, "user_id": user.id,
        }

    def test_survivor_workflow_fields(self):
        programme_case = self._create_survivor(name="Chameli Begum", user=self.case_manager)
        self.assertWorkflowGuarded(
            "ashshash.survivor",
            writable={
                self.case_worker: self.survivor,
                self.case_manager: programme_case,
                self.programme_admin: programme_case,
            },
            creatable={user: self._new_case_vals(user) for user in (self.case_worker, self.case_manager)},
        )

    def test_case_worker_cannot_close_their_own_case_by_writing_its_state(self):
        with self.assertRefused(UserError, "Close"):
            self.survivor.with_user(self.case_worker).write({"state": "closed"})
        self.assertEqual(self.survivor.state, "identified")

    def test_case_worker_cannot_enrol_without_consent_by_writing_the_state(self):
        with self.assertRefused(UserError, "Enrol"):
            self.survivor.with_user(self.case_worker).write({"state": "enrolled"})
        with self.assertRefused(UserError, "consent"):
            self.survivor.with_user(self.case_worker).action_enrol()
        self.assertRecordValues(self.survivor, [{"state": "identified", "enrolment_date": False}])

    def test_case_worker_cannot_reassign_a_case(self):
        for vals in ({"user_id": self.case_worker_2.id}, {"case_worker_ids": [(4, self.case_worker_2.id)]}):
            with self.assertRefused(AccessError, "case manager"):
                self.survivor.with_user(self.case_worker).write(vals)
        self.assertRecordValues(self.survivor, [{"user_id": self.case_worker.id}])
        self.assertFalse(self.survivor.case_worker_ids)
        with self.assertRefused(AccessError, "case manager"):
            self.env["ashshash.survivor"].with_user(self.case_worker).create(
                self._new_case_vals(self.case_worker_2))

    def test_case_manager_reassigns_a_case(self):
        self.survivor.with_user(self.case_manager).write({
            "user_id": self.case_worker_2.id, "case_worker_ids": [(4, self.case_worker.id)],
        })
        self.assertRecordValues(self.survivor, [{"user_id": self.case_worker_2.id}])

    def test_the_enrol_button_still_works_for_the_case_worker_and_tracks_them(self):
        self._give_consent(self.survivor)
        self.survivor.with_user(self.case_worker).action_enrol()
        self.assertRecordValues(self.survivor, [{"state": "enrolled", "enrolment_date": self.today}])
        tracking = self.survivor.message_ids.filtered("tracking_value_ids")[:1]
        self.assertEqual(tracking.author_id, self.case_worker.partner_id)

    def test_a_context_key_opens_no_door(self):
        survivor = self.survivor.with_user(self.case_worker).with_context(
            default_state="closed", ashshash_workflow=True, tracking_disable=True)
        with self.assertRefused(UserError, "Close"):
            survivor.write({"state": "closed"})
        with self.assertRefused(UserError, "Status"):
            survivor.create({**self._new_case_vals(self.case_worker), "state": "closed"})
