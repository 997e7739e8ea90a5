from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import AshshashLivelihoodCommon


@tagged("post_install", "-at_install")
class TestLivelihoodAccess(AshshashLivelihoodCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.support_own = cls._support()
        cls.support_other = cls._support(survivor=cls.survivor_2)

    def test_case_worker_records_support_for_own_survivors_only(self):
        Support = self.env["ashshash.support"].with_user(self.case_worker)
        self.assertEqual(Support.search([("id", "in", (self.support_own | self.support_other).ids)]), self.support_own)
        support = Support.create({
            "survivor_id": self.survivor.id, "support_type_id": self.support_health.id, "unit_value": 100,
        })
        support.action_deliver()
        self.assertEqual(support.state, "delivered")
        with self.assertRaises(AccessError):
            Support.create({"survivor_id": self.survivor_2.id, "support_type_id": self.support_health.id})
        with self.assertRaises(AccessError):
            self.support_other.with_user(self.case_worker).read(["total_value"])
        with self.assertRaises(AccessError):
            self.support_other.with_user(self.case_worker).write({"quantity": 3})

    def test_delivered_support_is_locked_except_for_case_managers(self):
        self.support_own.action_deliver()
        own = self.support_own.with_user(self.case_worker)
        with self.assertRaisesRegex(UserError, "locked"):
            own.write({"quantity": 5})
        with self.assertRaisesRegex(UserError, "locked"):
            own.action_cancel()
        with self.assertRaisesRegex(UserError, "locked"):
            own.unlink()
        self.assertEqual((self.support_own.quantity, self.support_own.state), (1, "delivered"))
        # Messages in the chatter are still possible on a locked record.
        own.message_post(body="Receipt checked by the field officer.")
        manager = self.support_own.with_user(self.case_manager)
        manager.write({"quantity": 2, "cancel_reason": "Counted twice"})
        self.assertEqual(self.support_own.total_value, 2000)
        manager.action_cancel()
        self.assertEqual(self.support_own.state, "cancelled")

    def test_case_manager_sees_all_support(self):
        Support = self.env["ashshash.support"].with_user(self.case_manager)
        both = self.support_own | self.support_other
        self.assertEqual(Support.search([("id", "in", both.ids)]), both)
        self.support_other.with_user(self.case_manager).action_deliver()

    def test_me_officer_reads_but_never_writes(self):
        both = self.support_own | self.support_other
        Support = self.env["ashshash.support"].with_user(self.me_officer)
        self.assertEqual(Support.search([("id", "in", both.ids)]), both)
        self.assertEqual(Support.browse(both.ids).mapped("total_value"), [1000, 1000])
        with self.assertRaises(AccessError):
            Support.browse(self.support_own.id).write({"quantity": 2})
        with self.assertRaises(AccessError):
            Support.create({"survivor_id": self.survivor.id, "support_type_id": self.support_health.id})
        with self.assertRaises(AccessError):
            Support.browse(self.support_own.id).read(["received_by"])
        with self.assertRaises(AccessError):
            self.training.with_user(self.me_officer).write({"capacity": 5})
        self.assertEqual(self.training.with_user(self.me_officer).name, "Life skills test batch")

    def test_trainings_readable_by_staff_editable_by_case_workers(self):
        training = self.training.with_user(self.case_worker)
        training.write({"venue": "Union hall"})
        new = self.env["ashshash.training"].with_user(self.case_worker).create({
            "name": "Leadership batch", "training_type_id": self.type_leadership.id,
            "date_start": self.today, "date_end": self.today,
        })
        self.assertEqual(new.session_days, 1)
        with self.assertRaises(AccessError):
            new.unlink()
        self.assertEqual(self.training.with_user(self.programme_admin).venue, "Union hall")
        with self.assertRaises(AccessError):
            self.training.with_user(self.programme_admin).write({"venue": "Elsewhere"})
        new.with_user(self.case_manager).unlink()

    def test_case_worker_enrols_own_survivors_and_seats_count_everyone(self):
        self._enrol_in(self.training, self.survivor_2)
        Enrolment = self.env["ashshash.training.enrolment"].with_user(self.case_worker)
        enrolment = Enrolment.create({"training_id": self.training.id, "survivor_id": self.survivor.id})
        self.assertEqual(Enrolment.search([("training_id", "=", self.training.id)]), enrolment)
        # The colleague's participant is invisible but takes a place.
        self.assertEqual(self.training.with_user(self.case_worker).enrolment_count, 2)
        with self.assertRaises(AccessError):
            Enrolment.create({"training_id": self._create_training().id, "survivor_id": self.survivor_2.id})

    def test_only_admins_configure_types(self):
        with self.assertRaises(AccessError):
            self.support_food.with_user(self.case_manager).write({"requires_acknowledgement": False})
        self.support_food.with_user(self.programme_admin).write({"unit": "kg"})
        self.assertEqual(self.type_life_skills.with_user(self.case_worker).code, "LIFE_SKILLS")

    def test_partner_contribution_fields_are_for_programme_staff(self):
        other_user = self.env["res.users"].create({
            "name": "Sales user", "login": "test_sales_user",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
        })
        partner = self.company_partner.with_user(other_user)
        self.assertEqual(partner.name, "Test Agro Ltd.")
        with self.assertRaises(AccessError):
            partner.read(["ashshash_contribution_value"])

    def test_other_company_records_stay_hidden(self):
        company_b = self.env["res.company"].create({"name": "Agrogoti Sangstha (test)"})
        survivor_b = self._create_survivor(name="Hasina Begum", phone="01710000009", company_id=company_b.id)
        self._enrol(survivor_b)
        support_b = self._support(survivor=survivor_b)
        self.assertEqual(support_b.company_id, company_b)
        Support = self.env["ashshash.support"].with_user(self.case_manager)
        self.assertFalse(Support.search([("id", "=", support_b.id)]))
        self.assertFalse(self.env["ashshash.support"].with_user(self.me_officer).search([("id", "=", support_b.id)]))
