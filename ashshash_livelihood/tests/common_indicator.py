import random
from datetime import timedelta

from odoo import Command

from odoo.addons.ashshash_case.tests.common_indicator import AshshashIndicatorSqlCommon


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
            {"name": f"Test {name} {seed} {company.name}", "company_id": company.id, "date_from": cls.date_from,
             "date_to": cls.today, "amount_per_beneficiary": amount, "budget": 10 ** 7}
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
        for batch, (_campaign, state, _chosen) in zip(created, batches):
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
