import random
from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import AshshashLivelihoodIndicatorCommon

# What each indicator of ashshash_livelihood means, in plain SQL (alias r).
SQL = {
    "SUPP_EMERGENCY": {
        "from": "ashshash_support r JOIN ashshash_support_type t ON t.id = r.support_type_id",
        "where": "t.category = 'emergency' AND r.state = 'delivered'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.delivery_date",
    },
    "CASH_PAID": {
        "from": "ashshash_cash_disbursement_line r JOIN ashshash_cash_disbursement b ON b.id = r.disbursement_id",
        "where": "b.state = 'paid'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "b.paid_date",
        "group": "b.campaign_id",
    },
    "SUPP_CONTRIBUTED": {
        "from": "ashshash_support r",
        "where": "r.provided_by = 'partner' AND r.contributor_id IS NOT NULL AND r.state = 'delivered'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.delivery_date",
        "group": "r.contributor_id",
    },
    "TRAIN_LIFESKILLS": {
        "from": "ashshash_training_enrolment r JOIN ashshash_training tr ON tr.id = r.training_id "
                "JOIN ashshash_training_type tt ON tt.id = tr.training_type_id",
        "where": "tt.category = 'life_skills' AND r.state = 'completed'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.completion_date",
    },
    "TRAIN_LEADERSHIP": {
        "from": "ashshash_training_enrolment r JOIN ashshash_training tr ON tr.id = r.training_id "
                "JOIN ashshash_training_type tt ON tt.id = tr.training_type_id",
        "where": "tt.category = 'leadership' AND r.state = 'completed'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.completion_date",
    },
    "SUPP_OTHER": {
        "from": "ashshash_support r JOIN ashshash_support_type t ON t.id = r.support_type_id",
        "where": "t.category IN ('livelihood', 'in_kind') AND r.provided_by = 'programme' AND r.state = 'delivered'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.delivery_date",
    },
}


@tagged("post_install", "-at_install")
class TestLivelihoodIndicators(AshshashLivelihoodIndicatorCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survivors = cls._make_livelihood_programme(seed=19, size=40)

    def test_every_livelihood_indicator_equals_plain_sql(self):
        """Support, cash and training indicators equal plain SQL for every filter (cash per
        campaign, contributions per contributor); drill-downs find exactly the counted records."""
        for code, sql in SQL.items():
            self.assertIndicatorEqualsSql(code, sql)

    def test_data_has_what_must_not_count(self):
        self.env.flush_all()
        self.env.cr.execute("""
            SELECT
              (SELECT COUNT(*) FROM ashshash_support WHERE state != 'delivered'),
              (SELECT COUNT(*) FROM ashshash_support WHERE state = 'delivered' AND is_contribution
                  AND category IN ('livelihood', 'in_kind') AND delivery_date BETWEEN %(f)s AND %(t)s),
              (SELECT COUNT(*) FROM ashshash_cash_disbursement_line WHERE state = 'cancelled'
                  AND paid_date BETWEEN %(f)s AND %(t)s),
              (SELECT COUNT(*) FROM ashshash_cash_disbursement_line WHERE state IN ('draft', 'submitted')),
              (SELECT COUNT(*) FROM ashshash_training_enrolment WHERE state != 'completed'),
              (SELECT COUNT(*) FROM (SELECT survivor_id FROM ashshash_cash_disbursement_line WHERE state = 'paid'
                  GROUP BY survivor_id HAVING COUNT(DISTINCT campaign_id) > 1) twice)
        """, {"f": self.date_start, "t": self.date_end})
        for figure in self.env.cr.fetchone():
            self.assertGreater(figure, 0)

    def test_one_survivor_counted_once_per_figure_and_campaign(self):
        """A survivor paid in two campaigns counts once in CASH_PAID and once per campaign;
        two life-skills trainings, two emergency supports: once each."""
        ngo = self.env["res.company"].create({"name": "Double NGO"})
        survivor, other = self._make_survivors(random.Random(7), 2, "D", companies=[ngo])
        day = self.date_start + timedelta(days=20)
        campaigns = self.env["ashshash.cash.campaign"].create([
            {"name": name, "company_id": ngo.id, "date_start": self.date_start, "date_end": self.today,
             "amount_per_beneficiary": 2500, "budget": 100000}
            for name in ("COVID-19 test", "Amphan test")
        ])
        batches = self.env["ashshash.cash.disbursement"].create([{
            "campaign_id": campaign.id,
            "line_ids": [Command.create({"survivor_id": s.id}) for s in survivors],
        } for campaign, survivors in ((campaigns[0], survivor | other), (campaigns[1], survivor))])
        batches.write({"state": "paid", "paid_date": day})
        health = self.env.ref("ashshash_livelihood.support_type_health_care")
        shelter = self.env.ref("ashshash_livelihood.support_type_shelter")
        food = self.env.ref("ashshash_livelihood.support_type_food")
        self.env["ashshash.support"].create([
            {"survivor_id": survivor.id, "support_type_id": support_type.id, "state": "delivered",
             "delivery_date": day, "date": day, **extra}
            for support_type, extra in ((health, {}), (shelter, {}), (food, {}),
                                        (food, {"provided_by": "partner", "contributor_id": self.contributors[0].id}),
                                        (food, {"provided_by": "partner", "contributor_id": self.contributors[1].id}))
        ])
        trainings = self.env["ashshash.training"].create([{
            "name": f"Life skills {index}", "training_type_id": self.training_types[0].id, "company_id": ngo.id,
            "date_start": self.today - timedelta(days=3), "date_end": self.today + timedelta(days=3),
        } for index in range(2)])
        self.env["ashshash.training.enrolment"].create([
            {"training_id": training.id, "survivor_id": survivor.id} for training in trainings
        ]).write({"state": "completed", "completion_date": day})

        values = self.Indicator.search([])._compute_values(self.date_start, self.date_end, companies=ngo,
                                                              by_gender=True)
        cash = values["CASH_PAID"]
        self.assertEqual(cash["total"], 2)
        self.assertEqual({key: figures["total"] for key, _label, figures in cash["groups"]},
                         {campaigns[0].id: 2, campaigns[1].id: 1})
        self.assertEqual([label for _key, label, _figures in cash["groups"]], ["Amphan test", "COVID-19 test"])
        self.assertEqual(values["SUPP_EMERGENCY"]["total"], 1)
        self.assertEqual(values["SUPP_EMERGENCY"][survivor.gender], 1)
        self.assertEqual(values["SUPP_OTHER"]["total"], 1)
        self.assertEqual(values["SUPP_CONTRIBUTED"]["total"], 1)
        self.assertEqual(len(values["SUPP_CONTRIBUTED"]["groups"]), 2)
        self.assertEqual(values["TRAIN_LIFESKILLS"]["total"], 1)
        self.assertEqual(values["TRAIN_LEADERSHIP"]["total"], 0)
        # the cash drill-down of one campaign lists that campaign's paid lines
        action = self.env.ref("ashshash_livelihood.indicator_cash_paid").action_drilldown(
            self.date_start, self.date_end, companies=ngo, group_value=campaigns[1].id)
        lines = self.env["ashshash.cash.disbursement.line"].search(action["domain"])
        self.assertEqual(lines.survivor_id, survivor)
        self.assertEqual(lines.campaign_id, campaigns[1])

    def test_only_programme_support_counts_as_other_support(self):
        """SUPP_OTHER is the programme's own livelihood and in-kind support: a company's
        donation counts in SUPP_CONTRIBUTED, emergency support in SUPP_EMERGENCY."""
        ngo = self.env["res.company"].create({"name": "Other NGO"})
        survivors = self._make_survivors(random.Random(9), 3, "O", companies=[ngo])
        day = self.date_end
        types = [self.env.ref(f"ashshash_livelihood.support_type_{name}")
                 for name in ("food", "short_term_employment", "health_care", "tubewell")]
        self.env["ashshash.support"].create([
            {"survivor_id": survivor.id, "support_type_id": support_type.id,
             "state": "delivered", "delivery_date": day, "date": day}
            for survivor, support_type in zip(survivors, types[:3], strict=False)
        ] + [
            {"survivor_id": survivors[2].id, "support_type_id": types[3].id,
             "state": "delivered", "delivery_date": day, "date": day,
             "provided_by": "partner", "contributor_id": self.contributors[0].id},
        ])
        values = self.Indicator.search([("code", "like", "SUPP_")])._compute_values(
            self.date_start, self.date_end, companies=ngo)
        self.assertEqual(values["SUPP_OTHER"]["total"], 2)
        self.assertEqual(values["SUPP_CONTRIBUTED"]["total"], 1)
        self.assertEqual(values["SUPP_EMERGENCY"]["total"], 1)
