from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AshshashReferralCommon


@tagged("post_install", "-at_install")
class TestReferralAccess(AshshashReferralCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sharing_consent(all_providers=True)
        cls.referral = cls._referral()
        cls.referral_2 = cls._referral(survivor=cls.survivor_2, user=cls.case_worker_2)

    def test_case_worker_refers_own_survivors_only(self):
        Referral = self.env["ashshash.referral"].with_user(self.case_worker)
        self.assertEqual(Referral.search([]), self.referral)
        with self.assertRaises(AccessError):
            self.referral_2.with_user(self.case_worker).read(["state"])
        with self.assertRaises(AccessError):
            self._referral(survivor=self.survivor_2, user=self.case_worker)
        with self.assertRaises(AccessError):
            self.referral_2.with_user(self.case_worker).write({"urgency": "urgent"})
        self.assertEqual(self.referral_2.urgency, "normal")

    def test_colleague_added_to_the_case_can_refer(self):
        self.survivor_2.case_worker_ids = [(4, self.case_worker.id)]
        referral = self._referral(survivor=self.survivor_2, user=self.case_worker)
        self.assertEqual(referral.survivor_id, self.survivor_2)

    def test_case_worker_cannot_delete_a_referral(self):
        with self.assertRaises(AccessError):
            self.referral.with_user(self.case_worker).unlink()

    def test_case_manager_sees_and_manages_every_referral(self):
        Referral = self.env["ashshash.referral"].with_user(self.case_manager)
        self.assertEqual(Referral.search([("id", "in", (self.referral | self.referral_2).ids)]),
                         self.referral | self.referral_2)
        self.referral.with_user(self.case_manager).action_send()
        self.assertEqual(self.referral.state, "sent")

    def test_me_officer_reads_referrals_by_code_but_not_the_reason(self):
        referrals = (self.referral | self.referral_2).with_user(self.me_officer)
        self.assertEqual(len(referrals.search([("id", "in", referrals.ids)])), 2)
        values = referrals.read(["state", "service_type_id", "gender", "area_id", "sent_date"])
        self.assertEqual(len(values), 2)
        self.assertNotIn("Amena", self.referral.with_user(self.me_officer).display_name)
        with self.assertRaises(AccessError):
            self.referral.with_user(self.me_officer).read(["reason"])
        with self.assertRaises(AccessError):
            self.referral.with_user(self.me_officer).write({"urgency": "urgent"})
        with self.assertRaises(AccessError):
            self.referral.with_user(self.me_officer).action_send()
        self.assertEqual(self.referral.state, "draft")

    def test_programme_admin_without_a_case_role_sees_no_referral(self):
        with self.assertRaises(AccessError):
            self.referral.with_user(self.programme_admin).read(["state"])


@tagged("post_install", "-at_install")
class TestProviderDirectoryAccess(AshshashReferralCommon):

    def test_all_programme_staff_read_the_directory(self):
        for user in (self.case_worker, self.case_manager, self.me_officer, self.programme_admin):
            providers = self.env["res.partner"].with_user(user).search([("is_ashshash_provider", "=", True)])
            self.assertIn(self.hospital, providers, user.login)
            self.assertEqual(self.hospital.with_user(user).provider_service_type_ids, self.health)

    def test_case_manager_and_admin_edit_provider_entries(self):
        self.hospital.with_user(self.case_manager).write({"provider_opening_hours": "24 hours", "phone": "111"})
        self.hospital.with_user(self.programme_admin).write({"provider_fee": "paid"})
        self.assertEqual((self.hospital.provider_opening_hours, self.hospital.provider_fee), ("24 hours", "paid"))
        clinic = self.env["res.partner"].with_user(self.case_manager).create({
            "name": "New Clinic", "is_company": True, "is_ashshash_provider": True,
        })
        self.assertTrue(clinic.is_ashshash_provider)

    def test_case_worker_and_me_officer_cannot_edit_provider_entries(self):
        for user in (self.case_worker, self.me_officer):
            with self.assertRaises(AccessError):
                self.hospital.with_user(user).write({"provider_opening_hours": "closed"})
        self.assertFalse(self.hospital.provider_opening_hours)

    def test_contact_editors_without_a_manager_role_cannot_edit_provider_entries(self):
        # A case worker who may edit contacts in general still may not change the directory.
        self.case_worker.groups_id = [(4, self.env.ref("base.group_partner_manager").id)]
        partner = self.env["res.partner"].create({"name": "A shop"})
        partner.with_user(self.case_worker).write({"phone": "0123"})
        self.assertEqual(partner.phone, "0123")
        with self.assertRaises(AccessError):
            self.hospital.with_user(self.case_worker).write({"phone": "0000"})
        with self.assertRaises(AccessError):
            partner.with_user(self.case_worker).write({"is_ashshash_provider": True})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.case_worker).create({"name": "X", "is_ashshash_provider": True})
        with self.assertRaises(AccessError):
            self.env["res.partner"].with_user(self.case_worker).create({
                "name": "Y", "provider_service_type_ids": [(6, 0, self.health.ids)],
            })
        self.env["res.partner"].with_user(self.case_worker).create({"name": "Z", "provider_note": False})
        with self.assertRaises(AccessError):
            self.hospital.with_user(self.case_worker).unlink()
        self.assertEqual(self.hospital.phone, "+880 471-99999")
        self.assertFalse(partner.is_ashshash_provider)

    def test_every_role_opens_the_directory_and_sees_the_referrals_it_may_see(self):
        self._referral(provider=self.hospital)
        expected = {self.case_worker: 1, self.case_worker_2: 0, self.case_manager: 1, self.me_officer: 1,
                    self.programme_admin: 0}
        for user, count in expected.items():
            self.env["res.partner"].with_user(user).get_views([(False, "form"), (False, "list")])
            self.assertEqual(self.hospital.with_user(user).provider_referral_count, count, user.login)
        for user in (self.case_worker, self.case_manager, self.me_officer):
            self.env["ashshash.referral"].with_user(user).get_views(
                [(False, "form"), (False, "list"), (False, "kanban"), (False, "search")])
