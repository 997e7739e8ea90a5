from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


class AshshashCashCommon(AshshashCaseCommon, AccountTestInvoicingCommon):
    """The ASHSHASH programme of AshshashCaseCommon inside the company with a chart of
    accounts that AccountTestInvoicingCommon builds, plus finance officers and an open
    emergency cash campaign on Jugikhali union."""

    @classmethod
    def get_default_groups(cls):
        # The set-up user (accountman) also creates the programme's survivors and campaign.
        return super().get_default_groups() | cls.env.ref("ashshash_case.group_case_manager") \
            | cls.env.ref("ashshash_case.group_admin")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance_officer = new_test_user(
            cls.env, login="test_finance_officer", name="Finance Officer",
            groups="ashshash_livelihood.group_finance_officer",
        )
        cls.finance_officer_2 = new_test_user(
            cls.env, login="test_finance_officer_2", name="Finance Officer Two",
            groups="ashshash_livelihood.group_finance_officer",
        )
        cls.bank_journal = cls.company_data["default_journal_bank"]
        cls.expense_account = cls.company_data["default_account_expense"]
        project_plan, _other_plans = cls.env["account.analytic.plan"]._get_all_plans()
        cls.donor_project = cls.env["account.analytic.account"].create({
            "name": "CTIP donor project", "plan_id": project_plan.id,
        })
        cls.survivor_3 = cls._create_survivor(name="Champa Rani", user=cls.case_worker)
        cls.survivor_new = cls._create_survivor(name="Dilruba Khanam", user=cls.case_worker)
        for survivor in cls.survivor | cls.survivor_2 | cls.survivor_3:
            cls._enrol(survivor)
        cls.campaign = cls.env["ashshash.cash.campaign"].create({
            "name": "Cyclone test campaign",
            "date_from": cls.today,
            "date_to": cls.today,
            "amount_per_beneficiary": 3000,
            "budget": 9000,
            "area_ids": [Command.set(cls.union_jugikhali.ids)],
            "journal_id": cls.bank_journal.id,
            "expense_account_id": cls.expense_account.id,
            "analytic_distribution": {str(cls.donor_project.id): 100},
        })
        cls.campaign.action_open()

    def _create_batch(self, survivors, user=None, **line_vals):
        return self.env["ashshash.cash.disbursement"].with_user(user or self.case_manager).create({
            "campaign_id": self.campaign.id,
            "line_ids": [Command.create({"survivor_id": survivor.id, **line_vals}) for survivor in survivors],
        })

    def _approved_batch(self, survivors, **line_vals):
        batch = self._create_batch(survivors, **line_vals)
        batch.action_submit()
        batch.with_user(self.finance_officer).action_approve()
        return batch

    def _paid_batch(self, survivors, **line_vals):
        batch = self._approved_batch(survivors, **line_vals)
        batch.with_user(self.finance_officer).action_pay()
        return batch
