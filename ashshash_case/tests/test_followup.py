from datetime import timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AshshashCounsellingCommon


@tagged("post_install", "-at_install")
class TestFollowupAndDropout(AshshashCounsellingCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dropout_type = cls.env.ref("ashshash_case.mail_activity_type_dropout_risk")
        cls.followup_type = cls.env.ref("ashshash_case.mail_activity_type_followup_due")

    def _activities(self, survivor, activity_type):
        return self.env["mail.activity"].search([
            ("res_model", "=", "ashshash.survivor"), ("res_id", "=", survivor.id),
            ("activity_type_id", "=", activity_type.id),
        ])

    def _followup(self, survivor=None, **vals):
        values = {"survivor_id": (survivor or self.survivor).id, "present_status": "with_family", "method": "phone"}
        values.update(vals)
        return self.Followup.with_user(self.case_worker).create(values)

    def test_next_followup_date_schedules_one_todo_for_the_case_worker(self):
        followup = self._followup(next_date=self.today + timedelta(days=30))
        activity = self._activities(self.survivor, self.followup_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.case_worker)
        self.assertEqual(activity.date_deadline, self.today + timedelta(days=30))
        followup.next_date = self.today + timedelta(days=20)
        activity = self._activities(self.survivor, self.followup_type)
        self.assertEqual(activity.date_deadline, self.today + timedelta(days=20))
        # The next contact closes the to-do; its own next date opens a new one.
        self._followup(next_date=self.today + timedelta(days=40))
        activity = self._activities(self.survivor, self.followup_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, self.today + timedelta(days=40))

    def test_followup_in_future_is_refused(self):
        with self.assertRefused(ValidationError, "cannot be in the future"):
            self._followup(date=self.today + timedelta(days=1))
        with self.assertRefused(ValidationError, "must come after"):
            self._followup(next_date=self.today)
        self.assertFalse(self.survivor.followup_ids)

    def test_followup_who5_items_outside_range_are_refused(self):
        with self.assertRefused(ValidationError, "from 0"):
            self._followup(**self._who5(1, 2, 9, 1, 1))
        self.assertFalse(self.survivor.followup_ids)

    def test_followup_risks_and_contact(self):
        followup = self._followup(risk_retrafficking=True, risk_financial=True)
        self.assertEqual(followup.risk_count, 2)
        self.assertEqual(self.survivor.last_contact_date, self.today)
        self.assertEqual(self.survivor.days_since_contact, 0)

    def test_cron_flags_survivors_without_contact_once(self):
        self._session(days_ago=90)
        self._session(self.survivor_2, days_ago=10)
        Survivor = self.env["ashshash.survivor"]
        Survivor._cron_flag_dropout_risk()
        self.assertTrue(self.survivor.at_risk_dropout)
        self.assertFalse(self.survivor_2.at_risk_dropout)
        warning = self._activities(self.survivor, self.dropout_type)
        self.assertEqual(len(warning), 1)
        self.assertEqual(warning.user_id, self.case_worker)
        self.assertIn(self.survivor, Survivor.search([("at_risk_dropout", "=", True)]))
        # Running it again adds no second to-do.
        Survivor._cron_flag_dropout_risk()
        self.assertEqual(self._activities(self.survivor, self.dropout_type), warning)
        self.assertFalse(self._activities(self.survivor_2, self.dropout_type))

    def test_new_contact_clears_the_risk(self):
        self._session(days_ago=90)
        self.env["ashshash.survivor"]._cron_flag_dropout_risk()
        self.assertTrue(self.survivor.at_risk_dropout)
        self._followup()
        self.assertFalse(self.survivor.at_risk_dropout)
        self.assertFalse(self._activities(self.survivor, self.dropout_type))

    def test_threshold_is_a_setting(self):
        self._session(days_ago=45)
        Survivor = self.env["ashshash.survivor"]
        Survivor._cron_flag_dropout_risk()
        self.assertFalse(self.survivor.at_risk_dropout)
        self.icp.set_param("ashshash_case.dropout_threshold_days", 30)
        Survivor._cron_flag_dropout_risk()
        self.assertTrue(self.survivor.at_risk_dropout)

    def test_closed_cases_are_not_flagged(self):
        self._session(days_ago=90)
        self.survivor.write({"close_reason": "moved_away"})
        self.survivor.action_close()
        self.env["ashshash.survivor"]._cron_flag_dropout_risk()
        self.assertFalse(self.survivor.at_risk_dropout)
        self.assertFalse(self._activities(self.survivor, self.dropout_type))
