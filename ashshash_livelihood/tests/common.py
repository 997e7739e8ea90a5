"""The test bases of ASHSHASH Livelihood: trainings and support, emergency cash in
Accounting, and the livelihood part of a randomised programme for the indicator tests."""
import base64
import random
from datetime import timedelta

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon, AshshashIndicatorSqlCommon


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
            "line_ids": [(5, 0, 0)] + [(0, 0, {"need_domain": d, "level": lv}) for d, lv in levels.items()],
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
            "date_start": cls.today,
            "date_end": cls.today,
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


class AshshashLivelihoodIndicatorCommon(AshshashIndicatorSqlCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.support_types = [ref(f"ashshash_livelihood.support_type_{name}") for name in (
            "food", "hygiene_kit", "tubewell", "short_term_employment", "financial_support",
            "health_care", "trauma_counselling", "shelter", "livestock")]
        cls.training_types = [ref(f"ashshash_livelihood.training_type_{name}") for name in (
            "life_skills", "leadership", "vocational")]
        cls.contributors = cls.env["res.partner"].create([
            {"name": "Test Agro Foods Ltd.", "is_company": True},
            {"name": "Test Garments Ltd.", "is_company": True},
        ])

    @classmethod
    def _make_livelihood_programme(cls, seed, size, companies=None):
        """Support in every category and state (some by contributing partners), cash lines of
        paid, cancelled, draft and submitted batches in three campaigns, and training
        enrolments completed, dropped or still running, inside and outside the period."""
        rng = random.Random(seed)
        companies = companies or [cls.company, cls.company_b]
        survivors = cls._make_survivors(rng, size, f"L{seed}", companies=companies)
        support_vals = []
        for survivor in survivors:
            for _index in range(rng.choice([0, 1, 2, 3])):
                state = rng.choice(["delivered", "delivered", "planned", "cancelled"])
                by_partner = rng.random() < 0.3
                support_vals.append({
                    "survivor_id": survivor.id,
                    "support_type_id": rng.choice(cls.support_types).id,
                    "date": cls._random_day(rng),
                    "state": state,
                    "delivery_date": cls._random_day(rng) if state == "delivered" else False,
                    "quantity": rng.randint(1, 5), "unit_value": rng.choice([0, 500, 1200]),
                    "provided_by": "partner" if by_partner else "programme",
                    "contributor_id": rng.choice(cls.contributors).id if by_partner else False,
                })
        cls.env["ashshash.support"].create(support_vals)

        Campaign = cls.env["ashshash.cash.campaign"]
        campaigns = Campaign.create([
            {"name": f"Test {name} {seed} {company.name}", "company_id": company.id, "date_start": cls.date_start,
             "date_end": cls.today, "amount_per_beneficiary": amount, "budget": 10 ** 7}
            for company in companies for name, amount in (("COVID-19", 2500), ("Amphan", 3000))
        ])
        batches = []
        for campaign in campaigns:
            own = survivors.filtered(lambda s, c=campaign: s.company_id == c.company_id)
            taken = set()
            for state in ["paid", "paid", "paid", "cancelled", "draft", "submitted"]:
                pool = [s for s in own if s.id not in taken] if state in ("paid", "submitted") else list(own)
                chosen = rng.sample(pool, min(len(pool), rng.randint(2, 6)))
                if state in ("paid", "submitted"):
                    taken.update(s.id for s in chosen)
                batches.append((campaign, state, chosen))
        Batch = cls.env["ashshash.cash.disbursement"]
        created = Batch.create([{
            "campaign_id": campaign.id,
            "line_ids": [Command.create({"survivor_id": survivor.id}) for survivor in chosen],
        } for campaign, _state, chosen in batches])
        for batch, (_campaign, state, _chosen) in zip(created, batches, strict=False):
            if state != "draft":
                batch.write({"state": state, "paid_date": cls._random_day(rng) if state in ("paid", "cancelled")
                             else False})

        trainings = cls.env["ashshash.training"].create([{
            "name": f"Test {training_type.name} {company.name}",
            "training_type_id": training_type.id,
            "company_id": company.id,
            # enrolments are recorded while the batch runs; completion dates are set below
            "date_start": cls.today - timedelta(days=rng.randint(5, 30)),
            "date_end": cls.today + timedelta(days=5),
            "area_id": rng.choice(cls.unions).id,
        } for training_type in cls.training_types for company in companies for _i in range(2)])
        enrolment_vals = []
        for training in trainings:
            own = survivors.filtered(lambda s, t=training: s.company_id == t.company_id)
            for survivor in rng.sample(list(own), min(len(own), rng.randint(3, 8))):
                enrolment_vals.append({"training_id": training.id, "survivor_id": survivor.id})
        enrolments = cls.env["ashshash.training.enrolment"].create(enrolment_vals)
        for enrolment in enrolments:
            state = rng.choice(["completed", "completed", "dropped", "enrolled"])
            if state == "completed":
                enrolment.write({"state": "completed", "completion_date": cls._random_day(rng)})
            elif state == "dropped":
                enrolment.write({"state": "dropped", "drop_date": cls._random_day(rng), "drop_reason": "Moved"})
        return survivors
