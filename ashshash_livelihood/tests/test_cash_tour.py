from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCashTour(HttpCase):

    def test_finance_officer_approves_and_pays_in_the_browser(self):
        company = self.env.company
        journal = self.env["account.journal"].search([
            ("type", "=", "bank"), ("company_id", "=", company.id), ("default_account_id", "!=", False),
        ], limit=1)
        if not journal:
            self.skipTest("The main company has no bank journal (no chart of accounts).")
        new_test_user(self.env, login="tour_finance_officer", password="tour_finance_officer",
                      name="Tour Finance Officer", groups="ashshash_livelihood.group_finance_officer")
        manager = new_test_user(self.env, login="tour_case_manager", groups="ashshash_case.group_case_manager")
        survivor = self.env["ashshash.survivor"].create({
            "name": "Tour Survivor Jesmin", "gender": "female", "estimated_age": 26,
            "area_id": self.env.ref("ashshash_case.area_union_kalaroa_koyla").id,
            "identification_source": "self",
        })
        today = fields.Date.context_today(survivor)
        # Only survivors in the programme are eligible for emergency cash (checked again at approval).
        self.env["ashshash.consent"].create({"survivor_id": survivor.id, "consent_type": "services", "given_on": today})
        survivor.action_enrol()
        campaign = self.env["ashshash.cash.campaign"].create({
            "name": "Tour campaign", "date_start": today, "date_end": today,
            "amount_per_beneficiary": 1500, "budget": 1500,
            "journal_id": journal.id,
            "expense_account_id": self.env["account.account"].create({
                "name": "Tour emergency cash", "code": "699986", "account_type": "expense",
            }).id,
        })
        campaign.action_open()
        batch = self.env["ashshash.cash.disbursement"].with_user(manager).create({
            "campaign_id": campaign.id,
            "line_ids": [Command.create({"survivor_id": survivor.id})],
        })
        batch.action_submit()

        self.start_tour(f"/odoo/action-ashshash_livelihood.ashshash_cash_disbursement_action/{batch.id}",
                        "ashshash_cash_approve_and_pay", login="tour_finance_officer")
        batch = batch.with_user(self.env.user)
        self.assertEqual(batch.state, "paid")
        self.assertEqual(batch.approved_by_id.login, "tour_finance_officer")
        self.assertEqual(batch.line_ids.move_id.state, "posted")
