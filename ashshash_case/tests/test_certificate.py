from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AshshashCounsellingCommon


@tagged("post_install", "-at_install")
class TestCertificate(AshshashCounsellingCommon):

    def _draft(self, survivor=None):
        return self.Certificate.with_user(self.case_worker).create({"survivor_id": (survivor or self.survivor).id})

    def test_issue_when_counselling_is_complete(self):
        self._complete_counselling()
        certificate = self._draft()
        self.assertEqual(certificate.state, "draft")
        self.assertFalse(certificate.criteria_gaps)
        certificate.with_user(self.case_manager).action_issue()
        self.assertEqual(certificate.state, "issued")
        self.assertTrue(certificate.name.startswith("RTG-"))
        self.assertEqual(certificate.issue_date, self.today)
        self.assertEqual(certificate.issued_by_id, self.case_manager)
        self.assertEqual(certificate.session_count, 6)
        self.assertEqual(certificate.who5_start, 28)
        self.assertEqual(certificate.who5_end, 76)
        self.assertEqual(certificate.date_end, self.survivor.last_session_date)
        self.assertEqual(self.survivor.state, "counselling_completed")
        self.assertEqual(certificate.display_name, certificate.name)

    def test_issuing_lists_every_unmet_criterion(self):
        self._session()  # one session, no WHO-5
        certificate = self._draft()
        with self.assertRaises(UserError) as error:
            certificate.with_user(self.case_manager).action_issue()
        message = str(error.exception)
        self.assertIn("1 done individual sessions, 6 required", message)
        self.assertIn("No WHO-5 recorded at the start", message)
        self.assertIn("No WHO-5 recorded at the end", message)
        self.assertEqual(certificate.state, "draft")
        self.assertEqual(certificate.name, "/")
        self.assertEqual(self.survivor.state, "in_counselling")

    def test_who5_at_the_end_must_follow_the_last_session(self):
        self._complete_counselling(end=(4, 4, 3, 4, 4))
        self._session(days_ago=0)  # a later session without WHO-5
        certificate = self._draft()
        with self.assertRefused(UserError, "No WHO-5 recorded at the end") as error:
            certificate.with_user(self.case_manager).action_issue()
        self.assertNotIn("individual sessions", str(error.exception))
        self.assertEqual(certificate.state, "draft")

    def test_minimum_end_score_and_improvement(self):
        self.icp.set_param("ashshash_case.certificate_min_end_score", 60)
        self.icp.set_param("ashshash_case.certificate_min_improvement", 40)
        self._complete_counselling(start=(2, 2, 2, 2, 2), end=(2, 2, 2, 3, 3))
        certificate = self._draft()
        with self.assertRaises(UserError) as error:
            certificate.with_user(self.case_manager).action_issue()
        message = str(error.exception)
        self.assertIn("WHO-5 at the end is 48%, at least 60% required", message)
        self.assertIn("improved by 8 points", message)
        self.assertNotIn("individual sessions", message)
        self.assertEqual(certificate.state, "draft")
        # A better score at a follow-up after the last session meets both.
        self.Followup.create({
            "survivor_id": self.survivor.id, "present_status": "with_family", **self._who5(4, 4, 4, 4, 4),
        })
        certificate.with_user(self.case_manager).action_issue()
        self.assertEqual(certificate.state, "issued")
        self.assertEqual(certificate.who5_end, 80)

    def test_who5_not_required_when_unticked(self):
        self.icp.set_param("ashshash_case.certificate_who5_required", False)
        self.icp.set_param("ashshash_case.certificate_min_sessions", 2)
        self._session(days_ago=3)
        self._session(days_ago=2)
        certificate = self._draft()
        certificate.with_user(self.case_manager).action_issue()
        self.assertEqual(certificate.state, "issued")

    def test_survivor_not_in_counselling_cannot_be_certified(self):
        certificate = self._draft()
        with self.assertRefused(UserError, "only a survivor in counselling"):
            certificate.with_user(self.case_manager).action_issue()
        self.assertEqual(certificate.state, "draft")

    def test_case_worker_cannot_issue_or_set_state(self):
        self._complete_counselling()
        certificate = self._draft()
        with self.assertRaises(AccessError):
            certificate.with_user(self.case_worker).action_issue()
        # The state is the workflow's, for a case worker as for anyone: the refusal says which button.
        with self.assertRefused(UserError, "Issue button"):
            certificate.with_user(self.case_worker).write({"state": "issued"})
        with self.assertRefused(UserError, "Issue button"):
            self.Certificate.with_user(self.case_worker).create({"survivor_id": self.survivor.id, "state": "issued"})
        self.assertEqual(certificate.state, "draft")
        self.assertEqual(self.survivor.state, "in_counselling")

    def test_second_issued_certificate_is_refused(self):
        self._complete_counselling()
        first = self._draft()
        first.with_user(self.case_manager).action_issue()
        second = self._draft()
        with self.assertRefused(UserError, "at most one"):
            second.with_user(self.case_manager).action_issue()
        self.assertEqual(second.state, "draft")
        self.assertEqual(second.name, "/")

    def test_revoke_needs_reason_then_a_new_one_can_be_issued(self):
        self._complete_counselling()
        first = self._draft()
        first.with_user(self.case_manager).action_issue()
        with self.assertRefused(UserError, "Write why"):
            first.with_user(self.case_manager).action_revoke()
        self.assertEqual(first.state, "issued")
        with self.assertRaises(AccessError):
            first.with_user(self.case_worker).action_revoke()
        first.with_user(self.case_manager).write({"revoke_reason": "Issued on the wrong case file."})
        first.with_user(self.case_manager).action_revoke()
        self.assertEqual(first.state, "revoked")
        self.assertEqual(first.revoked_by_id, self.case_manager)
        second = self._draft()
        second.with_user(self.case_manager).action_issue()
        self.assertEqual(second.state, "issued")
        self.assertNotEqual(second.name, first.name)

    def test_issued_certificate_cannot_be_deleted(self):
        self._complete_counselling()
        certificate = self._draft()
        certificate.with_user(self.case_manager).action_issue()
        with self.assertRaises(UserError):
            certificate.with_user(self.case_manager).unlink()

    def test_verification_token_is_unguessable_and_not_copied(self):
        first, second = self._draft(), self._draft()
        self.assertGreaterEqual(len(first.verification_token), 40)
        self.assertNotEqual(first.verification_token, second.verification_token)
        self.assertIn(f"/ashshash/certificate/verify/{first.verification_token}", first.verification_url)

    def test_settings_store_the_completion_rule(self):
        settings = self.env["res.config.settings"].create({
            "ashshash_certificate_min_sessions": 8,
            "ashshash_certificate_who5_required": False,
            "ashshash_certificate_min_end_score": 52,
            "ashshash_dropout_threshold_days": 45,
        })
        settings.execute()
        rule = self.survivor._completion_settings()
        self.assertEqual(rule["min_sessions"], 8)
        self.assertFalse(rule["who5_required"])
        self.assertEqual(rule["min_end_score"], 52)
        self.assertEqual(self.icp.get_param("ashshash_case.dropout_threshold_days"), "45")
