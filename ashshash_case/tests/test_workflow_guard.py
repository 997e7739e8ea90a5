"""Workflow-owned fields are written only by their workflow: for each model of the
addon, every field of its table is tried by every role that may write the model,
through create(), write() and import, and refused (tests generated from the
model's _workflow_fields() / _frozen_fields())."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AshshashCaseCommon, AshshashReferralCommon, AshshashWorkflowGuardCommon


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
        self.assertRecordValues(self.survivor, [{
            "state": "enrolled", "enrolment_date": self.today, "write_uid": self.case_worker.id,
        }])

    def test_a_context_key_opens_no_door(self):
        survivor = self.survivor.with_user(self.case_worker).with_context(
            default_state="closed", ashshash_workflow=True, tracking_disable=True)
        with self.assertRefused(UserError, "Close"):
            survivor.write({"state": "closed"})
        with self.assertRefused(UserError, "State of a new"):
            survivor.create({**self._new_case_vals(self.case_worker), "state": "closed"})


@tagged("post_install", "-at_install")
class TestCaseRecordsWorkflowGuard(AshshashWorkflowGuardCommon, AshshashReferralCommon):
    """Consent, family member, needs assessment, session, follow-up, referral and
    certificate: one generated test each, as every role that may write them."""

    def _writers(self, record):
        return {self.case_worker: record, self.case_manager: record}

    def _creators(self, vals):
        return {self.case_worker: vals, self.case_manager: vals}

    def test_consent(self):
        vals = {"survivor_id": self.survivor.id, "consent_type": "photos", "given_on": self.today,
                "given_by": "survivor", "method": "signed_form"}
        consent = self.env["ashshash.consent"].create(vals)
        self.assertWorkflowGuarded("ashshash.consent", self._writers(consent), self._creators(vals))

    def test_family_member(self):
        vals = {"survivor_id": self.survivor.id, "name": "Jamila", "relation": "sister", "gender": "female"}
        member = self.env["ashshash.family.member"].create(vals)
        self.assertWorkflowGuarded("ashshash.family.member", self._writers(member))

    def test_needs_assessment(self):
        vals = {"survivor_id": self.survivor.id}
        assessment = self.env["ashshash.needs.assessment"].create(vals)
        self.assertWorkflowGuarded("ashshash.needs.assessment", self._writers(assessment), self._creators(vals))

    def test_counselling_session(self):
        vals = {"survivor_id": self.survivor.id, "session_type": "individual",
                "date": fields.Datetime.now() - timedelta(hours=2), "user_id": self.case_worker.id}
        session = self.env["ashshash.counselling.session"].create(vals)
        self.assertWorkflowGuarded("ashshash.counselling.session", self._writers(session), self._creators(vals))

    def test_followup(self):
        vals = {"survivor_id": self.survivor.id, "date": self.today, "method": "phone",
                "present_status": "with_family"}
        followup = self.env["ashshash.followup"].create(vals)
        self.assertWorkflowGuarded("ashshash.followup", self._writers(followup))

    def test_referral(self):
        referral = self._referral()
        vals = {"survivor_id": self.survivor.id, "service_type_id": self.health.id, "provider_id": self.hospital.id}
        self.assertWorkflowGuarded("ashshash.referral", self._writers(referral), self._creators(vals))

    def test_certificate(self):
        vals = {"survivor_id": self.survivor.id}
        certificate = self.env["ashshash.certificate"].create(vals)
        self.assertWorkflowGuarded("ashshash.certificate", self._writers(certificate), self._creators(vals))


@tagged("post_install", "-at_install")
class TestCaseRecordsBypasses(AshshashReferralCommon):
    """The bypasses of issue 12 on case records, as the user who tried them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for survivor in cls.survivor | cls.survivor_2:
            if survivor.state == "identified":
                cls._enrol(survivor)

    def test_case_worker_cannot_send_a_referral_without_consent_by_writing_its_state(self):
        referral = self._referral()
        for vals in ({"state": "sent"}, {"sent_date": self.today - timedelta(days=30)}):
            with self.assertRefused(UserError, "Send"):
                referral.with_user(self.case_worker).write(vals)
        self.assertRecordValues(referral, [{"state": "draft", "sent_date": False}])

    def test_sent_date_is_the_day_the_consent_was_checked(self):
        self._sharing_consent()
        referral = self._referral()
        referral.with_user(self.case_worker).action_send()
        with self.assertRefused(UserError, "Send"):
            referral.with_user(self.case_worker).write({"sent_date": self.today - timedelta(days=400)})
        self.assertEqual(referral.sent_date, self.today)

    def test_case_worker_cannot_move_a_consent_into_a_colleagues_case(self):
        consent = self._sharing_consent(all_providers=True, provider_id=False)
        with self.assertRefused(UserError, "withdraw this consent"):
            consent.with_user(self.case_worker).write({"survivor_id": self.survivor_2.id})
        self.assertEqual(consent.survivor_id, self.survivor)
        self.assertFalse(self.survivor_2.consent_ids.filtered(lambda c: c.consent_type == "data_sharing"))

    def test_a_withdrawn_consent_stays_withdrawn(self):
        consent = self._sharing_consent()
        consent.with_user(self.case_worker).action_withdraw()
        for user in (self.case_worker, self.case_manager):
            with self.assertRefused(UserError, "Withdraw"):
                consent.with_user(user).write({"withdrawn_on": False})
        self.assertEqual(consent.withdrawn_on, self.today)
        self.assertFalse(consent.in_force)

    def test_case_manager_cannot_issue_a_certificate_by_writing_its_state(self):
        Certificate = self.env["ashshash.certificate"].with_user(self.case_manager)
        with self.assertRefused(UserError, "Issue"):
            Certificate.create({"survivor_id": self.survivor.id, "state": "issued"})
        certificate = Certificate.create({"survivor_id": self.survivor.id})
        for vals in ({"state": "issued"}, {"name": "RTG-2026-9999"}, {"issue_date": self.today}):
            with self.assertRefused(UserError, "Issue"):
                certificate.write(vals)
        self.assertRecordValues(certificate, [{"state": "draft", "name": "/", "issue_date": False}])
        with self.assertRefused(UserError, "completion rule"):
            certificate.action_issue()

    def test_case_worker_cannot_mark_a_future_session_done_by_writing_its_state(self):
        session = self.env["ashshash.counselling.session"].with_user(self.case_worker).create({
            "survivor_id": self.survivor.id, "session_type": "individual",
            "date": fields.Datetime.now() + timedelta(days=3),
        })
        with self.assertRefused(UserError, "Mark done"):
            session.write({"state": "done"})
        self.assertEqual(session.state, "planned")

    def test_case_worker_cannot_reset_a_done_assessment_by_writing_its_state(self):
        assessment = self.env["ashshash.needs.assessment"].with_user(self.case_worker).create({
            "survivor_id": self.survivor.id,
        })
        assessment.action_done()
        with self.assertRefused(UserError, "case manager"):
            assessment.write({"state": "draft"})
        with self.assertRefused(AccessError, "case manager"):
            assessment.action_draft()
        self.assertEqual(assessment.state, "done")
