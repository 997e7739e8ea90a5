from datetime import timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import AshshashReferralCommon


@tagged("post_install", "-at_install")
class TestActionDates(AshshashReferralCommon):
    """A past event entered later is given to the action (the paper form of last week),
    never written into the stamp afterwards; the action checks its rule on that day."""

    def test_case_worker_enters_last_weeks_enrolment(self):
        week_ago = self.today - timedelta(days=7)
        survivor = self._create_survivor(name="Rokeya Begum", identification_date=self.today - timedelta(days=10))
        self._give_consent(survivor, given_on=week_ago)
        survivor.with_user(self.case_worker).action_enrol(enrolment_date=week_ago)
        self.assertEqual((survivor.state, survivor.enrolment_date), ("enrolled", week_ago))

    def test_enrolment_is_not_back_dated_before_the_consent_the_identification_or_into_the_future(self):
        survivor = self._create_survivor(name="Shirin Akter", identification_date=self.today - timedelta(days=10))
        self._give_consent(survivor, given_on=self.today - timedelta(days=5))
        enrol = survivor.with_user(self.case_worker).action_enrol
        for day, pattern in ((self.today - timedelta(days=8), "consent to services"),
                             (self.today - timedelta(days=11), "before the identification date"),
                             (self.today + timedelta(days=1), "in the future")):
            with self.assertRefused(UserError, pattern):
                enrol(enrolment_date=day)
            self.assertEqual((survivor.state, survivor.enrolment_date), ("identified", False))

    def test_a_referral_sent_last_week_needs_the_consent_of_that_day(self):
        self._sharing_consent(given_on=self.today - timedelta(days=3))
        referral = self._referral(date=self.today - timedelta(days=10))
        send = referral.with_user(self.case_worker).action_send
        with self.assertRefused(UserError, "data-sharing consent"):
            send(sent_date=self.today - timedelta(days=7))
        with self.assertRefused(UserError, "before the referral date"):
            send(sent_date=self.today - timedelta(days=11))
        self.assertEqual((referral.state, referral.sent_date), ("draft", False))
        send(sent_date=self.today - timedelta(days=2))
        self.assertEqual((referral.state, referral.sent_date), ("sent", self.today - timedelta(days=2)))
        with self.assertRefused(UserError, "before the sending date"):
            referral.with_user(self.case_worker).action_accept(answer_date=self.today - timedelta(days=3))
        referral.with_user(self.case_worker).action_accept(answer_date=self.today - timedelta(days=1))
        self.assertEqual((referral.state, referral.answer_date), ("accepted", self.today - timedelta(days=1)))

    def test_without_a_date_the_actions_stamp_today(self):
        self._sharing_consent()
        referral = self._referral()
        referral.with_user(self.case_worker).action_send()
        self.assertEqual(referral.sent_date, self.today)
