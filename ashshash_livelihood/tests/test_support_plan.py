from datetime import timedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AshshashLivelihoodCommon


@tagged("post_install", "-at_install")
class TestSupportPlan(AshshashLivelihoodCommon):

    def test_needs_met_by_support_and_training(self):
        assessment = self._assess(self.survivor, {
            "health": "high", "education": "medium", "legal": "low", "shelter": "none",
        })
        health = assessment.line_ids.filtered(lambda line: line.need_domain == "health")
        education = assessment.line_ids.filtered(lambda line: line.need_domain == "education")
        self.assertEqual(self.survivor.support_plan_line_ids, health | education)
        self.assertTrue(self.survivor.needs_not_met)
        self.assertEqual(set(self.survivor.support_plan_line_ids.mapped("plan_status")), {"open"})
        Survivor = self.env["ashshash.survivor"]
        self.assertIn(self.survivor, Survivor.search([("needs_not_met", "=", True)]))

        support = self._support(need_line_id=health.id)
        self.assertEqual(health.plan_status, "in_progress")
        self.assertIn("Health care", health.answered_by)
        support.action_deliver()
        self.assertEqual(health.plan_status, "met")
        self.assertTrue(self.survivor.needs_not_met, "the education need is still open")

        enrolment = self._enrol_in(self.training, self.survivor, need_line_id=education.id, days_attended=10)
        self.assertEqual(education.plan_status, "in_progress")
        self.training.action_start()
        enrolment.action_complete()
        self.assertEqual(education.plan_status, "met")
        self.assertFalse(self.survivor.needs_not_met)
        self.assertNotIn(self.survivor, Survivor.search([("needs_not_met", "=", True)]))

        # Cancelling the support reopens the need (a case manager corrects it).
        support.with_user(self.case_manager).action_cancel()
        self.assertEqual(health.plan_status, "open")
        self.assertTrue(self.survivor.needs_not_met)

    def test_only_the_latest_done_assessment_counts(self):
        self._assess(self.survivor, {"health": "high"}, days_ago=30)
        self.assertTrue(self.survivor.needs_not_met)
        latest = self._assess(self.survivor, {"health": "low", "economic": "medium"})
        economic_need = latest.line_ids.filtered(lambda line: line.need_domain == "economic")
        self.assertEqual(self.survivor.support_plan_line_ids, economic_need)
        economic = self.survivor.support_plan_line_ids
        self._support(support_type=self.support_employment, need_line_id=economic.id).action_deliver()
        self.assertFalse(self.survivor.needs_not_met)

    def test_no_assessment_no_open_need(self):
        self.assertFalse(self.survivor.support_plan_line_ids)
        self.assertFalse(self.survivor.needs_not_met)

    def test_counts_on_the_survivor(self):
        self._support()
        self._enrol_in(self.training, self.survivor)
        self.assertEqual(self.survivor.support_count, 1)
        self.assertEqual(self.survivor.training_enrolment_count, 1)
        action = self.survivor.action_view_support()
        self.assertEqual(action["domain"], [("survivor_id", "=", self.survivor.id)])


@tagged("post_install", "-at_install")
class TestEconomicOutcome(AshshashLivelihoodCommon):

    def _create_outcome(self, **vals):
        values = {"survivor_id": self.survivor.id, "kind": "employment", "employer": "Garment factory",
                  "date_start": self.today, "monthly_income": 8000}
        values.update(vals)
        return self.env["ashshash.economic.outcome"].create(values)

    def test_income_before_and_now(self):
        self.survivor.income_before_programme = 1500
        self._create_outcome(kind="self_employment", employer="Tailoring", date_start=self.today - timedelta(days=60),
                      monthly_income=3000)
        self.assertEqual(self.survivor.current_monthly_income, 3000)
        job = self._create_outcome()
        self.assertEqual(self.survivor.current_monthly_income, 8000)
        self.assertEqual(self.survivor.income_before_programme, 1500)
        job.date_end = self.today
        self.assertEqual(self.survivor.current_monthly_income, 3000)
        self.assertEqual(job.display_name, f"{self.survivor.code} · Employment")

    def test_bad_outcomes_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            self._create_outcome(monthly_income=-1)
        with self.assertRaisesRegex(ValidationError, "in the future"), self.env.cr.savepoint():
            self._create_outcome(date_start=self.today + timedelta(days=1))
        with self.assertRaisesRegex(ValidationError, "end before"), self.env.cr.savepoint():
            self._create_outcome(date_start=self.today - timedelta(days=5), date_end=self.today - timedelta(days=6))
        self.survivor.invalidate_recordset()
        self.assertFalse(self.survivor.economic_outcome_ids)


@tagged("post_install", "-at_install")
class TestLivelihoodPerformance(AshshashLivelihoodCommon):

    def test_survivor_counts_do_not_query_per_survivor(self):
        survivors = self.survivor | self.survivor_2
        for survivor in survivors:
            self._support(survivor=survivor)
            self._enrol_in(self._create_training(capacity=0), survivor)
        survivors = survivors.with_user(self.case_manager)
        survivors.mapped("support_count")  # warm up access rules and flush pending writes
        survivors.invalidate_recordset(["support_count", "training_enrolment_count", "economic_outcome_count"])
        # One grouped query per counted model, whatever the number of survivors.
        with self.assertQueryCount(3):
            self.assertEqual(survivors.mapped("support_count"), [1, 1])
            self.assertEqual(survivors.mapped("training_enrolment_count"), [1, 1])
            self.assertEqual(survivors.mapped("economic_outcome_count"), [0, 0])


@tagged("post_install", "-at_install")
class TestSupportFromReferral(AshshashLivelihoodCommon):
    """Referrals made from the case file answer the needs of the support plan, and the support
    a provider gives can name the referral it came from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.provider = cls.env["res.partner"].create({
            "name": "Test Upazila Health Complex", "is_company": True, "is_ashshash_provider": True,
            "provider_service_type_ids": [Command.set([
                cls.env.ref(f"ashshash_case.service_type_{key}").id
                for key in ("health", "legal", "loan", "trauma_counselling", "skills_training")
            ])],
        })
        for survivor in cls.survivor | cls.survivor_2:
            cls._give_consent(survivor, consent_type="data_sharing", all_providers=True,
                              given_on=cls.today - timedelta(days=1))

    def _referral(self, service, survivor=None):
        survivor = survivor or self.survivor
        return self.env["ashshash.referral"].with_user(survivor.user_id).create({
            "survivor_id": survivor.id,
            "provider_id": self.provider.id,
            "service_type_id": self.env.ref(f"ashshash_case.service_type_{service}").id,
            "reason": "Needs the service",
        })

    def test_accepted_and_completed_referrals_answer_the_need_of_their_domain(self):
        assessment = self._assess(self.survivor, {"health": "high", "economic": "medium", "legal": "medium",
                                                  "psychosocial": "high"})
        lines = {line.need_domain: line for line in assessment.line_ids}
        health = self._referral("health")
        self.assertEqual(lines["health"].plan_status, "open", "a draft referral answers nothing yet")
        health.action_send()
        self.assertEqual(lines["health"].plan_status, "in_progress")
        self.assertIn("Referral for", lines["health"].answered_by)
        health.action_accept()
        self.assertEqual(lines["health"].plan_status, "met")

        loan = self._referral("loan")
        loan.action_send()
        loan.action_accept()
        loan.service_date = self.today
        loan.action_complete()
        self.assertEqual(lines["economic"].plan_status, "met", "a loan answers an economic need")

        counselling = self._referral("trauma_counselling")
        counselling.action_send()
        counselling.action_accept()
        self.assertEqual(lines["psychosocial"].plan_status, "met")

        # A health referral answers neither the legal need nor another survivor's needs.
        self.assertEqual(lines["legal"].plan_status, "open")
        self.assertTrue(self.survivor.needs_not_met)
        legal = self._referral("legal")
        legal.action_send()
        legal.action_reject()
        self.assertEqual(lines["legal"].plan_status, "open", "a rejected referral answers nothing")
        self._referral("legal").action_send()
        self.assertEqual(lines["legal"].plan_status, "in_progress")
        other = self._assess(self.survivor_2, {"health": "high"}).line_ids
        self.assertEqual(other.plan_status, "open")

    def test_skills_training_referral_answers_education_and_economic_needs(self):
        assessment = self._assess(self.survivor, {"education": "medium", "economic": "high", "shelter": "high"})
        referral = self._referral("skills_training")
        referral.action_send()
        referral.action_accept()
        status = {line.need_domain: line.plan_status for line in assessment.line_ids}
        self.assertEqual(status, {"education": "met", "economic": "met", "shelter": "open"})

    def test_support_names_the_referral_it_came_from(self):
        referral = self._referral("health")
        support = self._support(referral_id=referral.id)
        self.assertEqual(support.referral_id, referral)
        self.assertEqual(referral.survivor_id, support.survivor_id)

    def test_support_cannot_come_from_another_survivors_referral(self):
        referral = self._referral("health", survivor=self.survivor_2)
        with self.assertRaisesRegex(ValidationError, "must be a referral of"), self.env.cr.savepoint():
            self._support(referral_id=referral.id)
        self.assertFalse(self.env["ashshash.support"].search([("referral_id", "=", referral.id)]))
        support = self._support()
        with self.assertRaisesRegex(ValidationError, "must be a referral of"), self.env.cr.savepoint():
            support.referral_id = referral
        support.invalidate_recordset()
        self.assertFalse(support.referral_id)
