import json
import re

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon, AshshashCaseIndicatorCommon
from odoo.addons.ashshash_events.tests.common import AshshashEventsIndicatorCommon
from odoo.addons.ashshash_livelihood.tests.common import AshshashLivelihoodIndicatorCommon


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

    def test_every_measure_and_filter_field_exists(self):
        """Pivot measures, chart measures and the fields the global filters match are real
        fields of their model (a typo would show an error in the dashboard)."""
        filter_ids = {f["id"] for f in self.data["globalFilters"]}
        sources = [(pivot["model"], [m["fieldName"] for m in pivot["measures"]], pivot["fieldMatching"])
                   for pivot in self.data["pivots"].values()]
        for sheet in self.data["sheets"]:
            for figure in sheet["figures"]:
                meta = figure["data"].get("metaData")
                if meta:
                    sources.append((meta["resModel"], [meta["measure"]], figure["data"]["fieldMatching"]))
        for model, measures, matching in sources:
            with self.subTest(model=model, measures=measures):
                self.assertEqual(set(matching), filter_ids)
                for fname in measures:
                    if fname != "__count":
                        self.assertIn(fname, self.env[model]._fields)
                for match in matching.values():
                    Model = self.env[model]
                    for name in match["chain"].split("."):
                        field = Model._fields[name]
                        Model = self.env[field.comodel_name] if field.relational else None
                    self.assertEqual(field.type, match["type"])

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
class TestDashboardHeadlines(AshshashCaseIndicatorCommon, AshshashLivelihoodIndicatorCommon,
                             AshshashEventsIndicatorCommon):
    """Each headline figure counts what the indicator of the same code counts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_case_programme(seed=31, size=15)
        cls._make_livelihood_programme(seed=32, size=15)
        cls._make_events(seed=33, size=40)
        dashboard = cls.env.ref("ashshash_dashboard.spreadsheet_dashboard_ashshash_programme")
        cls.data = json.loads(dashboard.spreadsheet_data)

    def test_headline_figures_equal_their_indicators(self):
        codes = set(self.Indicator.search([]).mapped("code"))
        headlines = {}
        for pivot in self.data["pivots"].values():
            match = re.search(r"\(([A-Z_]+)\)$", pivot["name"])
            if match and match.group(1) in codes:
                headlines[match.group(1)] = pivot
        self.assertGreaterEqual(len(headlines), 12)
        values = self.Indicator.search([("code", "in", list(headlines))])._compute_values()
        for code, pivot in headlines.items():
            with self.subTest(code=code):
                measure = pivot["measures"][0]
                spec = "__count" if measure["fieldName"] == "__count" else \
                    f"{measure['fieldName']}:{measure['aggregator']}"
                [(figure,)] = self.env[pivot["model"]]._read_group(pivot["domain"], [], [spec])
                self.assertEqual(figure, values[code]["total"])
                self.assertGreater(figure, 0)
        # the Data sheet names the indicator next to its figure
        data_sheet = next(sheet for sheet in self.data["sheets"] if sheet["name"] == "Data")
        self.assertLessEqual(set(headlines), {cell["content"] for cell in data_sheet["cells"].values()})


@tagged("post_install", "-at_install")
class TestDashboardTour(HttpCase):

    def test_manager_opens_the_dashboard(self):
        self.start_tour("/odoo/action-ashshash_dashboard.ashshash_dashboard_action", "ashshash_dashboard_tour",
                        login="admin")
