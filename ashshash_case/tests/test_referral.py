from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AshshashReferralCommon


@tagged("post_install", "-at_install")
class TestReferralLifecycle(AshshashReferralCommon):

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_referral_goes_from_draft_to_closed(self):
        self._sharing_consent()
        referral = self._referral()
        self._flush_tracking()
        self.assertEqual(referral.state, "draft")
        self.assertTrue(referral.name.startswith("REF/"))
        self.assertEqual(referral.display_name, f"{referral.name} · {self.survivor.code}")
        self.assertNotIn("Amena", referral.display_name)
        self.assertEqual(referral.gender, "female")
        self.assertEqual(referral.area_id, self.union_jugikhali)
        self.assertEqual(referral.service_category, "health")

        referral.action_send()
        self._flush_tracking()
        self.assertEqual((referral.state, referral.sent_date), ("sent", self.today))
        referral.action_accept()
        self._flush_tracking()
        self.assertEqual((referral.state, referral.answer_date), ("accepted", self.today))
        referral.write({"service_date": self.today, "outcome": "Treated", "satisfaction": "5"})
        referral.action_complete()
        self._flush_tracking()
        self.assertEqual(referral.state, "completed")
        referral.action_close()
        self._flush_tracking()
        self.assertEqual(referral.state, "closed")
        tracked = referral.sudo().message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "state")
        self.assertEqual(len(tracked), 4, "every state change is tracked in the chatter")

    def test_provider_rejects_and_case_worker_redirects(self):
        self._sharing_consent(all_providers=True)
        referral = self._referral()
        referral.action_send()
        referral.action_reject()
        self.assertEqual(referral.state, "rejected")
        referral.action_draft()
        self.assertEqual((referral.state, referral.sent_date), ("draft", False))
        referral.write({"provider_id": self.legal_aid.id, "service_type_id": self.legal.id})
        referral.action_send()
        self.assertEqual(referral.state, "sent")

    def test_survivor_counts_referrals(self):
        self._sharing_consent()
        sent = self._referral()
        sent.action_send()
        self._referral()
        survivor = self.survivor.with_user(self.case_worker)
        self.assertEqual((survivor.referral_count, survivor.referral_open_count), (2, 2))
        sent.action_close()
        survivor.invalidate_recordset(["referral_count", "referral_open_count"])
        self.assertEqual((survivor.referral_count, survivor.referral_open_count), (2, 1))
        action = survivor.action_view_referrals()
        self.assertEqual(len(self.env["ashshash.referral"].search(action["domain"])), 2)

    def test_counting_referrals_of_many_survivors_is_one_query(self):
        survivors = self.survivor | self.survivor_2 | self._create_survivor(name="Third Survivor", phone="0190000003")
        self._referral()
        survivors.invalidate_recordset(["referral_count"])
        with self.assertQueryCount(1):
            survivors.mapped("referral_count")

    def test_health_and_legal_referrals_count_distinct_survivors_sent_or_later(self):
        self._sharing_consent(all_providers=True)
        self._sharing_consent(survivor=self.survivor_2, all_providers=True)
        first = self._referral()
        second = self._referral()
        (first | second).action_send()
        self._referral(survivor=self.survivor_2, user=self.case_worker_2)  # draft: not referred yet
        legal = self._referral(survivor=self.survivor_2, provider=self.legal_aid, service_type=self.legal,
                               user=self.case_worker_2)
        legal.action_send()
        legal.action_reject()  # a rejected referral was still made
        groups = dict(self.env["ashshash.referral"]._read_group(
            [("state", "in", ("sent", "accepted", "rejected", "completed", "closed")),
             ("sent_date", "=", self.today)],
            ["service_category"], ["survivor_id:count_distinct"],
        ))
        self.assertEqual(groups, {"health": 1, "legal": 1})
        health_action = self.env.ref("ashshash_case.ashshash_referral_action_health")
        survivors = [("survivor_id", "in", (self.survivor | self.survivor_2).ids)]
        self.assertEqual(
            self.env["ashshash.referral"].search(safe_eval(health_action.domain) + survivors), first | second)


@tagged("post_install", "-at_install")
class TestReferralConsent(AshshashReferralCommon):

    def assertSendRefused(self, referral, *fragments):
        with self.assertRaises(UserError) as caught:
            referral.action_send()
        for fragment in fragments:
            self.assertIn(fragment, str(caught.exception))
        self.assertEqual((referral.state, referral.sent_date), ("draft", False), "nothing changed")

    def test_no_consent_no_sending_and_the_error_names_what_is_missing(self):
        referral = self._referral()
        self.assertSendRefused(referral, "record a data-sharing consent of", self.survivor.code, self.hospital.name)

    def test_consent_to_services_is_not_consent_to_share_data(self):
        # The survivor was enrolled with a services consent only.
        self.assertSendRefused(self._referral(), "data-sharing consent")

    def test_consent_given_for_that_provider_allows_sending(self):
        self._sharing_consent(provider=self.hospital)
        referral = self._referral()
        referral.action_send()
        self.assertEqual(referral.state, "sent")

    def test_consent_given_to_the_provider_company_covers_its_branch(self):
        branch = self.env["res.partner"].create({
            "name": "Outpatients", "parent_id": self.hospital.id, "type": "other",
            "is_ashshash_provider": True, "provider_service_type_ids": [(6, 0, [self.health.id])],
        })
        self._sharing_consent(provider=self.hospital)
        referral = self._referral(provider=branch)
        referral.action_send()
        self.assertEqual(referral.state, "sent")

    def test_withdrawn_consent_does_not_allow_sending(self):
        consent = self._sharing_consent(provider=self.hospital)
        consent.action_withdraw()
        self.assertSendRefused(self._referral(), self.hospital.name)

    def test_consent_for_another_provider_does_not_allow_sending(self):
        self._sharing_consent(provider=self.legal_aid)
        self.assertSendRefused(self._referral(provider=self.hospital), self.hospital.name)

    def test_consent_for_all_providers_allows_sending(self):
        self._sharing_consent(all_providers=True)
        referral = self._referral(provider=self.legal_aid, service_type=self.legal)
        referral.action_send()
        self.assertEqual(referral.state, "sent")

    def test_expired_consent_does_not_allow_sending(self):
        self._sharing_consent(provider=self.hospital, given_on=self.today - timedelta(days=60),
                              expiry_date=self.today - timedelta(days=1))
        self.assertSendRefused(self._referral(), self.hospital.name)

    def test_another_survivors_consent_does_not_count(self):
        self._sharing_consent(survivor=self.survivor_2, all_providers=True)
        self.assertSendRefused(self._referral(), self.survivor.code)


@tagged("post_install", "-at_install")
class TestReferralBadInput(AshshashReferralCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sharing_consent(all_providers=True)

    def test_completing_a_referral_never_accepted_is_refused(self):
        referral = self._referral(service_date=self.today)
        referral.action_send()
        with self.assertRaisesRegex(UserError, "cannot be completed: it is sent \\(it must be accepted\\)"):
            referral.action_complete()
        self.assertEqual(referral.state, "sent")
        draft = self._referral(service_date=self.today)
        with self.assertRaises(UserError):
            draft.action_complete()
        self.assertEqual(draft.state, "draft")

    def test_completing_without_the_service_date_is_refused(self):
        referral = self._referral()
        referral.action_send()
        referral.action_accept()
        with self.assertRaisesRegex(UserError, "Enter the date the survivor received the service"):
            referral.action_complete()
        self.assertEqual(referral.state, "accepted")

    def test_service_date_before_referral_date_is_refused(self):
        referral = self._referral(date=self.today - timedelta(days=3))
        referral.action_send()
        referral.action_accept()
        with self.assertRaises(ValidationError) as caught:
            referral.write({"service_date": self.today - timedelta(days=5)})
        self.assertIn("before the referral date", str(caught.exception))
        referral.invalidate_recordset()
        self.assertFalse(referral.service_date, "nothing written")
        with self.assertRaises(ValidationError):
            self._referral(date=self.today, service_date=self.today - timedelta(days=1))

    def test_referral_date_in_the_future_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "in the future"):
            self._referral(date=self.today + timedelta(days=2))

    def test_sending_twice_is_refused(self):
        referral = self._referral()
        referral.action_send()
        with self.assertRaisesRegex(UserError, "cannot be sent"):
            referral.action_send()

    def test_a_batch_with_one_bad_referral_sends_nothing(self):
        good = self._referral()
        bad = self._referral(survivor=self.survivor_2, user=self.case_worker_2)  # no consent
        with self.assertRaises(UserError):
            (good | bad).sudo().action_send()
        self.assertEqual((good | bad).sudo().mapped("state"), ["draft", "draft"])

    def test_a_sent_referral_keeps_its_provider(self):
        referral = self._referral()
        referral.action_send()
        with self.assertRaises(UserError):
            referral.write({"provider_id": self.legal_aid.id, "service_type_id": self.legal.id})
        referral.invalidate_recordset()
        self.assertEqual(referral.provider_id, self.hospital)

    def test_a_sent_referral_keeps_its_referral_date(self):
        referral = self._referral()
        referral.action_send()
        with self.assertRaisesRegex(UserError, "referral date"):
            referral.write({"date": self.today - timedelta(days=3)})
        referral.invalidate_recordset()
        self.assertEqual(referral.date, self.today)

    def test_closed_case_cannot_be_referred(self):
        referral = self._referral()
        self.survivor.write({"close_reason": "moved_away"})
        self.survivor.action_close()
        with self.assertRaisesRegex(UserError, "is closed"):
            referral.action_send()
        self.assertEqual(referral.state, "draft")

    def test_provider_not_offering_the_service_needs_a_case_managers_override(self):
        referral = self._referral(provider=self.legal_aid, service_type=self.health)
        self.assertTrue(referral.provider_mismatch)
        with self.assertRaisesRegex(UserError, "does not offer Health care"):
            referral.action_send()
        self.assertEqual(referral.state, "draft")

        with self.assertRaises(AccessError):
            referral.write({"provider_mismatch_override": True})
        self.assertFalse(referral.provider_mismatch_override)

        referral.with_user(self.case_manager).write({"provider_mismatch_override": True})
        referral.action_send()
        self.assertEqual(referral.state, "sent")

    def test_changing_the_provider_drops_the_override(self):
        referral = self._referral(provider=self.legal_aid, service_type=self.health)
        referral.with_user(self.case_manager).write({"provider_mismatch_override": True})
        shelter = self.env["res.partner"].create({
            "name": "Test Shelter", "is_company": True, "is_ashshash_provider": True,
            "provider_service_type_ids": [(6, 0, [self.shelter.id])],
        })
        referral.write({"provider_id": shelter.id})
        self.assertFalse(referral.provider_mismatch_override)
        with self.assertRaises(UserError):
            referral.action_send()

    def test_case_worker_cannot_create_a_referral_with_an_override(self):
        with self.assertRaises(AccessError):
            self._referral(provider=self.legal_aid, provider_mismatch_override=True)


@tagged("post_install", "-at_install")
class TestReferralNoAnswer(AshshashReferralCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sharing_consent(all_providers=True)
        cls.activity_type = cls.env.ref("ashshash_case.mail_activity_type_referral_no_answer")

    def _sent(self, days_ago):
        referral = self._referral(date=self.today - timedelta(days=days_ago))
        referral.action_send()
        referral.sudo().sent_date = self.today - timedelta(days=days_ago)
        return referral

    def _chase_activities(self, referrals):
        return self.env["mail.activity"].search([
            ("res_model", "=", "ashshash.referral"), ("res_id", "in", referrals.ids),
            ("activity_type_id", "=", self.activity_type.id),
        ])

    def test_unanswered_referral_gets_one_activity_for_the_case_worker(self):
        late = self._sent(days_ago=8)
        recent = self._sent(days_ago=3)
        self.env["ashshash.referral"]._cron_no_answer_activity()
        activities = self._chase_activities(late | recent)
        self.assertEqual(len(activities), 1)
        self.assertEqual((activities.res_id, activities.user_id), (late.id, self.case_worker))
        self.assertIn(self.hospital.name, activities.summary)

        self.env["ashshash.referral"]._cron_no_answer_activity()
        self.assertEqual(len(self._chase_activities(late | recent)), 1, "running the cron again adds nothing")

    def test_answered_referral_gets_no_activity(self):
        accepted = self._sent(days_ago=10)
        accepted.action_accept()
        self.env["ashshash.referral"]._cron_no_answer_activity()
        self.assertFalse(self._chase_activities(accepted))

    def test_threshold_is_a_setting(self):
        referral = self._sent(days_ago=3)
        self.env["res.config.settings"].create({"ashshash_referral_no_answer_days": 2}).execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("ashshash_case.referral_no_answer_days"), "2")
        self.env["ashshash.referral"]._cron_no_answer_activity()
        self.assertEqual(len(self._chase_activities(referral)), 1)

    def test_cron_is_scheduled_daily(self):
        cron = self.env.ref("ashshash_case.ir_cron_ashshash_referral_no_answer")
        self.assertTrue(cron.active)
        self.assertEqual((cron.interval_number, cron.interval_type), (1, "days"))


@tagged("post_install", "-at_install")
class TestReferralSlip(AshshashReferralCommon):

    def _slip_html(self, referral):
        html, _kind = self.env["ir.actions.report"].with_user(self.case_worker)._render_qweb_html(
            "ashshash_case.action_report_ashshash_referral_slip", referral.ids)
        return html.decode()

    def test_slip_shows_identity_only_with_a_covering_consent(self):
        self._sharing_consent(provider=self.hospital)
        referral = self._referral()
        referral.action_send()
        html = self._slip_html(referral)
        self.assertIn(self.survivor.code, html)
        self.assertIn("Amena Khatun", html)
        self.assertIn("01711000111", html)
        self.assertIn("Untreated injury", html)

    def test_slip_without_a_covering_consent_shows_the_case_code_only(self):
        self._sharing_consent(provider=self.legal_aid)
        referral = self._referral(provider=self.hospital)
        html = self._slip_html(referral)
        self.assertIn(self.survivor.code, html)
        self.assertIn(self.hospital.name, html)
        self.assertNotIn("Amena", html)
        self.assertNotIn("01711000111", html)
        self.assertNotIn("Untreated injury", html)
        self.assertIn("o_slip_no_consent", html)
