from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AshshashLivelihoodCommon


@tagged("post_install", "-at_install")
class TestSupport(AshshashLivelihoodCommon):

    def test_support_lifecycle(self):
        support = self._support(quantity=3, unit_value=250)
        self.assertEqual(support.state, "planned")
        self.assertEqual(support.total_value, 750)
        self.assertEqual(support.category, "emergency")
        self.assertEqual(support.currency_id, self.company.currency_id)
        self.assertEqual((support.gender, support.area_id), ("female", self.union_jugikhali))
        support.action_deliver()
        self.assertEqual(support.state, "delivered")
        self.assertEqual(support.delivery_date, self.today)
        with self.assertRaises(UserError):
            support.action_deliver()
        support.action_cancel()
        self.assertEqual(support.state, "cancelled")
        with self.assertRaises(UserError):
            support.action_cancel()
        support.action_draft()
        self.assertEqual(support.state, "planned")
        self.assertFalse(support.delivery_date)

    def test_default_unit_value_comes_from_the_type(self):
        self.support_food.default_unit_value = 60
        support = self.env["ashshash.support"].create({
            "survivor_id": self.survivor.id, "support_type_id": self.support_food.id, "quantity": 10,
        })
        self.assertEqual(support.unit_value, 60)
        self.assertEqual(support.total_value, 600)

    def test_acknowledgement_required_on_delivery(self):
        support = self._support(support_type=self.support_hygiene, quantity=2)
        self.assertTrue(support.requires_acknowledgement)
        with self.assertRaisesRegex(UserError, "acknowledgement of receipt"):
            support.action_deliver()
        self.assertEqual(support.state, "planned")
        self.assertFalse(support.delivery_date)
        support.write({"acknowledgement": self.receipt, "acknowledgement_date": self.today})
        with self.assertRaisesRegex(UserError, "acknowledgement of receipt"):
            support.action_deliver()
        support.received_by = "The survivor"
        support.action_deliver()
        self.assertEqual(support.state, "delivered")

    def test_writing_the_state_does_not_skip_the_acknowledgement(self):
        support = self._support(support_type=self.support_hygiene).with_user(self.case_worker)
        with self.assertRaisesRegex(UserError, "acknowledgement of receipt"):
            support.write({"state": "delivered"})
        self.assertEqual(support.state, "planned")

    def test_batch_delivery_is_all_or_nothing(self):
        ok = self._support()
        missing_receipt = self._support(support_type=self.support_hygiene)
        with self.assertRaises(UserError):
            (ok | missing_receipt).action_deliver()
        self.assertEqual((ok | missing_receipt).mapped("state"), ["planned", "planned"])

    def test_negative_quantity_or_value_is_refused(self):
        count = self.env["ashshash.support"].search_count([])
        with self.assertRaisesRegex(ValidationError, "must be positive"), self.env.cr.savepoint():
            self._support(quantity=-1)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            self._support(unit_value=-5)
        self.assertEqual(self.env["ashshash.support"].search_count([]), count)
        support = self._support()
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            support.quantity = -2
        support.invalidate_recordset()
        self.assertEqual(support.quantity, 1)

    def test_delivery_date_in_the_future_is_refused(self):
        support = self._support()
        with self.assertRaisesRegex(ValidationError, "in the future"), self.env.cr.savepoint():
            support.delivery_date = self.today + timedelta(days=2)
        support.invalidate_recordset()
        self.assertFalse(support.delivery_date)
        self.assertEqual(support.state, "planned")

    def test_contribution_needs_a_partner(self):
        with self.assertRaisesRegex(ValidationError, "contributing partner"), self.env.cr.savepoint():
            self._support(provided_by="partner")

    def test_need_must_be_the_survivors(self):
        other = self._assess(self.survivor_2, {"economic": "high"})
        with self.assertRaisesRegex(ValidationError, "assessment of"), self.env.cr.savepoint():
            self._support(need_line_id=other.line_ids.id)

    def test_support_for_an_identified_survivor_is_refused(self):
        newcomer = self._create_survivor(name="Dilruba Yeasmin", phone="01710000004")
        with self.assertRaisesRegex(ValidationError, "Enrol"), self.env.cr.savepoint():
            self._support(survivor=newcomer)

    def test_contribution_totals_per_partner(self):
        other_company = self.env["res.partner"].create({"name": "Other Donor Ltd.", "is_company": True})
        contributions = (
            self._support(support_type=self.support_food, quantity=2, unit_value=500,
                          provided_by="partner", contributor_id=self.company_partner.id)
            | self._support(support_type=self.support_food, quantity=1, unit_value=300,
                            provided_by="partner", contributor_id=self.company_partner.id)
            | self._support(survivor=self.survivor_2, support_type=self.support_food, quantity=4, unit_value=100,
                            provided_by="partner", contributor_id=self.company_partner.id)
        )
        planned = self._support(support_type=self.support_food, quantity=9, unit_value=999,
                                provided_by="partner", contributor_id=self.company_partner.id)
        other = self._support(support_type=self.support_food, quantity=1, unit_value=50,
                              provided_by="partner", contributor_id=other_company.id)
        other.write({"acknowledgement": self.receipt, "acknowledgement_date": self.today, "received_by": "Survivor"})
        other.action_deliver()
        programme = self._support(quantity=1, unit_value=10000)
        programme.action_deliver()
        contributions.write({"acknowledgement": self.receipt, "acknowledgement_date": self.today,
                             "received_by": "Survivor"})
        contributions.action_deliver()
        self.assertTrue(all(contributions.mapped("is_contribution")))
        self.assertFalse(programme.is_contribution)
        self.assertEqual(planned.state, "planned")
        partner = self.company_partner.with_user(self.case_manager)
        # Two survivors, 1000 + 300 + 400; planned support and other partners do not count.
        self.assertEqual(partner.ashshash_contribution_count, 2)
        self.assertEqual(partner.ashshash_contribution_value, 1700)
        # A case worker sees the totals of their own survivors only.
        partner = self.company_partner.with_user(self.case_worker)
        self.assertEqual(partner.ashshash_contribution_count, 1)
        self.assertEqual(partner.ashshash_contribution_value, 1300)
        # A contact person of the company shows the company's contributions.
        contact = self.env["res.partner"].create({"name": "Store keeper", "parent_id": self.company_partner.id})
        self.assertEqual(contact.with_user(self.case_manager).ashshash_contribution_value, 1700)
        # The report has one line per partner and survivor: its count is the number of survivors.
        Report = self.env["ashshash.contribution.report"].with_user(self.me_officer)
        [(count, value)] = Report._read_group(
            [("contributor_id", "=", self.company_partner.id)], [], ["__count", "total_value:sum"])
        self.assertEqual((count, value), (2, 1700))
        lines = self.env["ashshash.contribution.report"].with_user(self.case_worker).search(
            [("contributor_id", "=", self.company_partner.id)])
        self.assertEqual(lines.survivor_id, self.survivor)
        action = self.company_partner.action_view_ashshash_contributions()
        self.assertEqual(self.env["ashshash.support"].search(action["domain"]), contributions | planned)

    def test_display_name_shows_the_case_code(self):
        support = self._support()
        self.assertEqual(support.display_name, f"{self.survivor.code} · Health care")
