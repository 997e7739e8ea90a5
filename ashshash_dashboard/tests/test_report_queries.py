from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from odoo.addons.ashshash_case.tests.common import AshshashCaseIndicatorCommon
from odoo.addons.ashshash_events.tests.common import AshshashEventsIndicatorCommon
from odoo.addons.ashshash_livelihood.tests.common import AshshashLivelihoodIndicatorCommon


@tagged("post_install", "-at_install")
class TestWholeReportQueries(AshshashCaseIndicatorCommon, AshshashLivelihoodIndicatorCommon,
                             AshshashEventsIndicatorCommon):
    """The indicator report with every definition of every addon runs the same number of
    queries for a small and for a large organisation: it aggregates in SQL, it never loops
    over records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.small = cls.env["res.company"].create({"name": "Small NGO"})
        cls.large = cls.env["res.company"].create({"name": "Large NGO"})
        cls.me_officer.write({"company_ids": [Command.link(cls.small.id), Command.link(cls.large.id)]})
        for company, size, seed in ((cls.small, 4, 1), (cls.large, 40, 2)):
            cls._make_case_programme(seed=seed, size=size, companies=[company])
            survivors = cls._make_livelihood_programme(seed=seed, size=size, companies=[company])
            cls._make_events(seed=seed, size=size * 2, companies=[company])
            # every break-down (cash per campaign, contributions per contributor) has values
            cls.env["ashshash.support"].create([{
                "survivor_id": survivors[0].id, "support_type_id": cls.support_types[0].id,
                "state": "delivered", "date": cls.today, "delivery_date": cls.today,
                "provided_by": "partner", "contributor_id": contributor.id,
            } for contributor in cls.contributors])
        cls.period = {"date_start": cls.today - timedelta(days=400), "date_end": cls.today}

    def test_query_count_does_not_grow_with_records(self):
        Wizard = self.env["ashshash.indicator.report.wizard"].with_user(self.me_officer)
        wizards = Wizard.create([
            dict(self.period, company_ids=[Command.set(company.ids)]) for company in (self.small, self.large)
        ])
        indicators = self.Indicator.search([])
        self.assertGreaterEqual(len(indicators), 50)
        counts = self._report_query_counts(wizards)
        small, large = wizards
        for wizard in wizards:
            self.assertFalse(wizard.line_ids.filtered("note").mapped("note"))
            self.assertEqual(set(wizard.line_ids.mapped("code")), set(indicators.mapped("code")))
        # the large programme really is larger, figure by figure, and breaks down the same way
        totals = {
            wizard: {line.code: line.total for line in wizard.line_ids if not line.group_key} for wizard in wizards
        }
        for code in ("SURV_COUNS_IND", "CERT_ISSUED", "REF_HEALTH", "CASH_PAID", "SUPP_EMERGENCY",
                     "TRAIN_LIFESKILLS", "EVT_POT_SHOW_PEOPLE"):
            self.assertLess(totals[small][code], totals[large][code], code)
        self.assertEqual(len(small.line_ids), len(large.line_ids))
        self.assertEqual(counts[0], counts[1], "the report must not run more queries for more records")
        # one or two aggregate queries per indicator (plus the labels of the break-downs)
        self.assertLess(counts[1], 3 * len(indicators) + 20)
