import json

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


@tagged("post_install", "-at_install")
class TestDashboard(AshshashCaseCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dashboard = cls.env.ref("ashshash_dashboard.spreadsheet_dashboard_ashshash_programme")
        cls.data = json.loads(cls.dashboard.spreadsheet_data)

    def test_managers_and_m_and_e_open_the_dashboard_case_workers_do_not(self):
        for user in (self.me_officer, self.case_manager):
            dashboard = self.dashboard.with_user(user)
            self.assertEqual(dashboard.get_readonly_dashboard()["snapshot"]["sheets"][0]["name"], "Dashboard")
        Dashboard = self.env["spreadsheet.dashboard"]
        self.assertEqual(Dashboard.with_user(self.me_officer).search([("id", "=", self.dashboard.id)]), self.dashboard)
        self.assertFalse(Dashboard.with_user(self.case_worker).search([("id", "=", self.dashboard.id)]))
        with self.assertRaises(AccessError):
            self.dashboard.with_user(self.case_worker).check_access("read")

    def test_every_figure_and_chart_reads_valid_records(self):
        """Each pivot and chart's domain and group-bys work for M&E (read access by code)."""
        sources = [(pivot["model"], pivot["domain"], []) for pivot in self.data["pivots"].values()]
        for sheet in self.data["sheets"]:
            for figure in sheet["figures"]:
                meta = figure["data"].get("metaData")
                if meta:
                    sources.append((meta["resModel"], figure["data"]["searchParams"]["domain"], meta["groupBy"]))
        self.assertGreaterEqual(len(sources), 9)
        for model, domain, group_by in sources:
            with self.subTest(model=model, group_by=group_by):
                self.env[model].with_user(self.me_officer)._read_group(domain, group_by, ["__count"])

    def test_headline_figure_is_the_indicator(self):
        """The dashboard's 'Survivors enrolled' counts the same records as SURV_ENROLLED."""
        self._enrol(self.survivor)
        pivot = self.data["pivots"]["1"]
        indicator = self.env.ref("ashshash_case.indicator_surv_enrolled")
        self.assertEqual(
            self.env[pivot["model"]].search_count(pivot["domain"]),
            indicator._compute_values()["SURV_ENROLLED"]["total"],
        )


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):

    def test_manager_opens_the_dashboard(self):
        self.start_tour("/odoo/action-ashshash_dashboard.ashshash_dashboard_action", "ashshash_dashboard_tour",
                        login="admin")
