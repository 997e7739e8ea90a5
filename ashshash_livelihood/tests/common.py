import base64
from datetime import timedelta

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


class AshshashLivelihoodCommon(AshshashCaseCommon):
    """The case programme plus seeded types, a life-skills training under way and
    a contributing company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._enrol(cls.survivor)
        cls._enrol(cls.survivor_2)
        cls.type_life_skills = cls.env.ref("ashshash_livelihood.training_type_life_skills")
        cls.type_leadership = cls.env.ref("ashshash_livelihood.training_type_leadership")
        cls.support_food = cls.env.ref("ashshash_livelihood.support_type_food")
        cls.support_hygiene = cls.env.ref("ashshash_livelihood.support_type_hygiene_kit")
        cls.support_health = cls.env.ref("ashshash_livelihood.support_type_health_care")
        cls.support_employment = cls.env.ref("ashshash_livelihood.support_type_short_term_employment")
        cls.company_partner = cls.env["res.partner"].create({"name": "Test Agro Ltd.", "is_company": True})
        cls.training = cls._create_training()
        cls.receipt = base64.b64encode(b"signed receipt")

    @classmethod
    def _create_training(cls, **vals):
        values = {
            "name": "Life skills test batch",
            "training_type_id": cls.type_life_skills.id,
            "date_start": cls.today - timedelta(days=9),
            "date_end": cls.today,
            "session_days": 10,
            "capacity": 2,
            "area_id": cls.union_jugikhali.id,
        }
        values.update(vals)
        return cls.env["ashshash.training"].create(values)

    @classmethod
    def _enrol_in(cls, training, survivor, **vals):
        values = {"training_id": training.id, "survivor_id": survivor.id}
        values.update(vals)
        return cls.env["ashshash.training.enrolment"].create(values)

    @classmethod
    def _support(cls, survivor=None, support_type=None, **vals):
        values = {
            "survivor_id": (survivor or cls.survivor).id,
            "support_type_id": (support_type or cls.support_health).id,
            "quantity": 1,
            "unit_value": 1000,
        }
        values.update(vals)
        return cls.env["ashshash.support"].create(values)

    @classmethod
    def _assess(cls, survivor, levels, days_ago=0):
        """A done assessment of ``survivor`` with the given {domain: level}."""
        assessment = cls.env["ashshash.needs.assessment"].create({
            "survivor_id": survivor.id,
            "date": cls.today - timedelta(days=days_ago),
            "line_ids": [(5, 0, 0)] + [(0, 0, {"domain": d, "level": lv}) for d, lv in levels.items()],
        })
        assessment.action_done()
        return assessment


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
