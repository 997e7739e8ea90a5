import base64
import io
import random
from datetime import timedelta

import openpyxl
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.ashshash_case.tools import GENDER_KEYS

from .common import AshshashCaseCommon, AshshashIndicatorSqlCommon


@tagged("post_install", "-at_install")
class TestIndicatorCommon(AshshashIndicatorSqlCommon):
    """A randomised programme across two partner organisations and several unions,
    with records outside the period, survivors never enrolled, archived survivors,
    draft assessments and survivors assessed twice."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.enrolled = cls.env.ref("ashshash_case.indicator_surv_enrolled")
        cls.assessed = cls.env.ref("ashshash_case.indicator_surv_assessed")

    @classmethod
    def _make_programme(cls, seed, size, company=None, prefix="R"):
        """``size`` survivors with random gender, union, organisation, state and dates,
        and 0–2 needs assessments each (done or draft, inside or outside the period)."""
        rng = random.Random(seed)
        companies = [company] if company else [cls.company, cls.company_b]
        survivor_vals = []
        for index in range(size):
            identified = cls.today - timedelta(days=rng.randint(60, 500))
            enrolled = rng.random() < 0.8
            survivor_vals.append({
                "name": f"{prefix} survivor {seed}-{index:04d}",
                "gender": rng.choice(GENDER_KEYS),
                "estimated_age": rng.randint(14, 60),
                "area_id": rng.choice(cls.unions).id,
                "identification_source": "peer_leader",
                "identification_date": identified,
                "user_id": cls.case_worker.id,
                "company_id": rng.choice(companies).id,
                "state": rng.choice(["enrolled", "assessed", "closed"]) if enrolled else "identified",
                "enrolment_date": identified + timedelta(days=rng.randint(0, 25)) if enrolled else False,
                # a few archived duplicates that no report may count
                "active": rng.random() > 0.05,
            })
        survivors = cls.env["ashshash.survivor"].create(survivor_vals)
        assessment_vals = []
        for survivor in survivors.filtered("enrolment_date"):
            for _i in range(rng.choice([0, 1, 1, 2])):
                assessment_vals.append({
                    "survivor_id": survivor.id,
                    "date": survivor.enrolment_date + timedelta(days=rng.randint(0, 20)),
                    "state": rng.choice(["done", "done", "draft"]),
                    "line_ids": [],
                })
        cls.env["ashshash.needs.assessment"].create(assessment_vals)
        return survivors

    def _sql_filters(self, alias, date_column, area=None, companies=None):
        where = [f"{alias}.{date_column} BETWEEN %s AND %s"]
        params = [self.date_start, self.date_end]
        if area:
            where.append(f"{alias}.area_id IN %s")
            params.append(self._area_ids(area))
        if companies:
            where.append(f"{alias}.company_id IN %s")
            params.append(tuple(companies.ids))
        return " AND ".join(where), params

    def _sql_gender_figures(self, query, params):
        """Run a query returning (gender, figure) rows plus the total row, into figures."""
        self.env.flush_all()
        self.env.cr.execute(query, params)
        figures = {"total": 0, "female": 0, "male": 0, "other": 0}
        for is_total, gender, figure in self.env.cr.fetchall():
            if is_total:
                figures["total"] = figure or 0
            elif gender in GENDER_KEYS:
                figures[gender] = figure or 0
        return figures

    def _sql_enrolled(self, area=None, companies=None):
        where, params = self._sql_filters("s", "enrolment_date", area, companies)
        return self._sql_gender_figures(f"""
            SELECT GROUPING(s.gender) = 1, s.gender, COUNT(DISTINCT s.id)
              FROM ashshash_survivor s
             WHERE s.active AND s.state != 'identified' AND s.enrolment_date IS NOT NULL AND {where}
          GROUP BY GROUPING SETS ((s.gender), ())
        """, params)

    def _sql_assessed(self, area=None, companies=None):
        where, params = self._sql_filters("a", "date", area, companies)
        return self._sql_gender_figures(f"""
            SELECT GROUPING(a.gender) = 1, a.gender, COUNT(*)
              FROM ashshash_needs_assessment a
             WHERE a.state = 'done' AND {where}
          GROUP BY GROUPING SETS ((a.gender), ())
        """, params)

    def _compute(self, indicators, area=None, companies=None, by_gender=True, user=None):
        if user:
            indicators = indicators.with_user(user)
        return indicators._compute_values(self.date_start, self.date_end, area, companies, by_gender)


@tagged("post_install", "-at_install")
class TestIndicatorValues(TestIndicatorCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survivors = cls._make_programme(seed=8, size=120)

    def test_indicators_equal_plain_sql_counts(self):
        """Every indicator equals a plain SQL count of the same records, for every filter."""
        upazila = self.upazila_kalaroa
        cases = [
            (None, None),
            (self.union_koyla, None),
            (upazila, None),
            (self.district_satkhira, self.company_b),
            (None, self.company | self.company_b),
            (self.union_jugikhali, self.company),
        ]
        for area, companies in cases:
            with self.subTest(area=area and area.name, companies=companies and companies.mapped("name")):
                values = self._compute(self.enrolled | self.assessed, area, companies)
                self.assertEqual(self._figures(values["SURV_ENROLLED"]), self._sql_enrolled(area, companies))
                self.assertEqual(self._figures(values["SURV_ASSESSED"]), self._sql_assessed(area, companies))
                self.assertFalse(values["SURV_ENROLLED"]["error"])
        # The data really exercises the filters: something is counted and something is left out.
        whole = self._compute(self.enrolled)["SURV_ENROLLED"]["total"]
        self.assertGreater(whole, 0)
        self.assertLess(whole, len(self.survivors.filtered("enrolment_date")))

    def test_records_count_twice_distinct_counts_once(self):
        """Two done assessments of one survivor: SURV_ASSESSED counts 2 (assessments),
        SURV_ENROLLED and a distinct-survivor indicator count the survivor once."""
        company = self.env["res.company"].create({"name": "CWCS"})
        survivor = self._create_survivor(name="Rahima Twice", company_id=company.id,
                                         identification_date=self.date_start)
        survivor.write({"state": "assessed", "enrolment_date": self.date_start + timedelta(days=1)})
        self.env["ashshash.needs.assessment"].create([
            {"survivor_id": survivor.id, "date": self.date_start + timedelta(days=days), "state": state, "line_ids": []}
            for days, state in [(2, "done"), (40, "done"), (50, "draft"), (280, "done")]
        ])
        distinct_assessed = self.Indicator.create({
            "code": "TEST_SURV_ASSESSED_DISTINCT",
            "name": "Survivors assessed",
            "model_id": self.env.ref("ashshash_case.model_ashshash_needs_assessment").id,
            "domain": "[('state', '=', 'done')]",
            "count_type": "distinct",
            "distinct_field": "survivor_id",
            "date_field": "date",
            "gender_field": "gender",
        })
        values = self._compute(self.enrolled | self.assessed | distinct_assessed, companies=company)
        self.assertEqual(self._figures(values["SURV_ASSESSED"]), {"total": 2, "female": 2, "male": 0, "other": 0})
        self.assertEqual(values["SURV_ENROLLED"]["total"], 1)
        self.assertEqual(self._figures(values["TEST_SURV_ASSESSED_DISTINCT"]),
                         {"total": 1, "female": 1, "male": 0, "other": 0})

    def test_drilldown_returns_exactly_the_counted_records(self):
        for area, companies in [(None, None), (self.union_koyla, self.company_b)]:
            where, params = self._sql_filters("s", "enrolment_date", area, companies)
            self.env.flush_all()
            self.env.cr.execute(f"""SELECT s.id FROM ashshash_survivor s WHERE s.active
                AND s.state != 'identified' AND s.enrolment_date IS NOT NULL AND {where}""", params)
            expected = {row[0] for row in self.env.cr.fetchall()}
            action = self.enrolled.action_drilldown(self.date_start, self.date_end, area, companies)
            self.assertEqual(action["res_model"], "ashshash.survivor")
            self.assertEqual(set(self.env["ashshash.survivor"].search(action["domain"]).ids), expected)

            where, params = self._sql_filters("a", "date", area, companies)
            self.env.cr.execute(f"SELECT a.id FROM ashshash_needs_assessment a WHERE a.state = 'done' AND {where}",
                                params)
            expected = {row[0] for row in self.env.cr.fetchall()}
            action = self.assessed.action_drilldown(self.date_start, self.date_end, area, companies)
            found = self.env["ashshash.needs.assessment"].search(action["domain"])
            self.assertEqual(set(found.ids), expected)
            self.assertEqual(len(found), self._compute(self.assessed, area, companies)["SURV_ASSESSED"]["total"])
        female_domain = self.enrolled._get_drilldown_domain(self.date_start, self.date_end, gender="female")
        self.assertEqual(self.env["ashshash.survivor"].search_count(female_domain),
                         self._compute(self.enrolled)["SURV_ENROLLED"]["female"])

    def test_distinct_over_many2many_and_gendered_sums_equal_sql(self):
        """The framework's other count types: distinct values of a many2many (as for family
        members in family sessions) and sums split by gender from count fields (as for
        people attending community sessions)."""
        self.survivors[:30].write({"case_worker_ids": [(4, self.case_worker_2.id)]})
        self.survivors[10:50].write({"case_worker_ids": [(4, self.case_manager.id)]})
        workers = self.Indicator.create({
            "code": "TEST_CASE_WORKERS",
            "name": "Case workers on enrolled cases",
            "model_id": self.env.ref("ashshash_case.model_ashshash_survivor").id,
            "domain": "[('state', '!=', 'identified')]",
            "count_type": "distinct",
            "distinct_field": "case_worker_ids",
            "date_field": "enrolment_date",
            "gender_field": "gender",
        })
        needs = self.Indicator.create({
            "code": "TEST_NEEDS",
            "name": "Needs found, split as if by gender",
            "model_id": self.env.ref("ashshash_case.model_ashshash_needs_assessment").id,
            "domain": "[('state', '=', 'done')]",
            "count_type": "sum",
            "sum_field_female": "high_need_count",
            "sum_field_male": "medium_need_count",
            "sum_field_other": "high_need_count",
            "date_field": "date",
        })
        assessments = self.env["ashshash.needs.assessment"].search([("survivor_id", "in", self.survivors.ids)])
        rng = random.Random(3)
        for assessment in assessments:
            assessment.write({"line_ids": [(0, 0, {"need_domain": "health", "level": rng.choice(["high", "medium"])}),
                                           (0, 0, {"need_domain": "legal", "level": rng.choice(["high", "low"])})]})
        values = self._compute(workers | needs)

        where, params = self._sql_filters("s", "enrolment_date")
        self.env.flush_all()
        self.env.cr.execute(f"""
            SELECT GROUPING(s.gender) = 1, s.gender, COUNT(DISTINCT rel.user_id)
              FROM ashshash_survivor s JOIN ashshash_survivor_case_worker_rel rel ON rel.survivor_id = s.id
             WHERE s.active AND s.state != 'identified' AND {where}
          GROUP BY GROUPING SETS ((s.gender), ())""", params)
        rows = self.env.cr.fetchall()
        expected = {"total": 0, "female": 0, "male": 0, "other": 0}
        for is_total, gender, figure in rows:
            expected["total" if is_total else gender] = figure
        self.assertEqual(self._figures(values["TEST_CASE_WORKERS"]), expected)
        self.assertEqual(expected["total"], 2)

        where, params = self._sql_filters("a", "date")
        self.env.cr.execute(f"""SELECT COALESCE(SUM(high_need_count), 0), COALESCE(SUM(medium_need_count), 0)
            FROM ashshash_needs_assessment a WHERE a.state = 'done' AND {where}""", params)
        high, medium = self.env.cr.fetchone()
        self.assertGreater(high, 0)
        self.assertEqual(self._figures(values["TEST_NEEDS"]),
                         {"total": 2 * high + medium, "female": high, "male": medium, "other": high})

    def test_break_down_by_a_field(self):
        by_area = self.Indicator.create({
            "code": "TEST_ENROLLED_BY_UNION",
            "name": "Survivors enrolled by union",
            "model_id": self.env.ref("ashshash_case.model_ashshash_survivor").id,
            "domain": self.enrolled.domain,
            "count_type": "distinct",
            "distinct_field": "id",
            "date_field": "enrolment_date",
            "gender_field": "gender",
            "groupby_field": "area_id",
        })
        values = self._compute(by_area)["TEST_ENROLLED_BY_UNION"]
        self.assertEqual(self._figures(values), self._sql_enrolled())
        self.assertEqual(sum(figures["total"] for _key, _label, figures in values["groups"]), values["total"])
        key, label, figures = values["groups"][0]
        self.assertIn("Kalaroa", label)
        self.assertEqual(figures, self._sql_enrolled(area=self.env["ashshash.area"].browse(key)))
        action = by_area.action_drilldown(self.date_start, self.date_end, group_value=key)
        self.assertEqual(self.env["ashshash.survivor"].search_count(action["domain"]), figures["total"])

    def test_query_count_does_not_grow_with_records(self):
        """The report's queries do not depend on the number of records: 10 vs 200 survivors."""
        small = self.env["res.company"].create({"name": "Small NGO"})
        large = self.env["res.company"].create({"name": "Large NGO"})
        self.me_officer.write({"company_ids": [(4, small.id), (4, large.id)]})
        self._make_programme(seed=10, size=10, company=small, prefix="S")
        self._make_programme(seed=200, size=200, company=large, prefix="L")
        indicators = self.enrolled | self.assessed
        wizards = self.env["ashshash.indicator.report.wizard"].with_user(self.me_officer).create([{
            "date_start": self.date_start, "date_end": self.date_end,
            "company_ids": [(6, 0, company.ids)], "indicator_ids": [(6, 0, indicators.ids)],
        } for company in (small, large)])
        counts = self._report_query_counts(wizards)
        for wizard in wizards:
            self.assertEqual(wizard.line_ids.mapped("code"), ["SURV_ENROLLED", "SURV_ASSESSED"])
        small_total, large_total = (wizard.line_ids[0].total for wizard in wizards)
        self.assertLess(small_total * 5, large_total)
        self.assertEqual(counts[0], counts[1], "the report must not run more queries for more records")


@tagged("post_install", "-at_install")
class TestIndicatorReport(TestIndicatorCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._make_programme(seed=42, size=60)
        cls.me_officer.write({"company_ids": [(4, cls.company_b.id)]})

    def _wizard(self, user=None, **vals):
        values = {"date_start": self.date_start, "date_end": self.date_end,
                  "company_ids": [(6, 0, (self.company | self.company_b).ids)]}
        values.update(vals)
        return self.env["ashshash.indicator.report.wizard"].with_user(user or self.me_officer).create(values)

    def test_me_officer_computes_the_report_in_odoo(self):
        wizard = self._wizard()
        action = wizard.action_compute()
        self.assertEqual((action["res_model"], action["res_id"]), (wizard._name, wizard.id))
        line = wizard.line_ids.filtered(lambda line: line.code == "SURV_ENROLLED")
        expected = self._sql_enrolled(companies=self.company | self.company_b)
        self.assertEqual(
            (line.total, line.female, line.male, line.other),
            (expected["total"], expected["female"], expected["male"], expected["other"]),
        )
        self.assertEqual(line.section, "Survivors identified and assessed")
        drill = line.action_drilldown()
        self.assertEqual(drill["res_model"], "ashshash.survivor")
        self.assertEqual(self.env["ashshash.survivor"].with_user(self.me_officer).search_count(drill["domain"]),
                         expected["total"])

    def test_xlsx_export_reads_back(self):
        wizard = self._wizard(area_id=self.upazila_kalaroa.id)
        action = wizard.action_export_xlsx()
        self.assertTrue(action["url"].startswith("/web/content/"))
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        workbook = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        sheet = workbook.active
        rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
        self.assertEqual(rows[0][0], f"Indicator report {self.date_start} – {self.date_end}")
        filters = {row[0]: row[1] for row in rows[2:6]}
        self.assertEqual(filters["Area"], self.upazila_kalaroa.complete_name)
        self.assertEqual(filters["Period"], f"{self.date_start} – {self.date_end}")
        header = next(row for row in rows if row[0] == "Code")
        self.assertEqual(list(header[:7]), ["Code", "Indicator", "Unit", "Total", "Women", "Men", "Others"])
        self.assertIn("Survivors identified and assessed", [row[0] for row in rows])
        by_code = {row[0]: row for row in rows}
        enrolled = self._sql_enrolled(self.upazila_kalaroa, self.company | self.company_b)
        self.assertEqual(list(by_code["SURV_ENROLLED"][3:7]),
                         [enrolled["total"], enrolled["female"], enrolled["male"], enrolled["other"]])
        assessed = self._sql_assessed(self.upazila_kalaroa, self.company | self.company_b)
        self.assertEqual(by_code["SURV_ASSESSED"][3], assessed["total"])
        self.assertGreater(enrolled["total"], 0)

    def test_pdf_report_shows_the_lines(self):
        wizard = self._wizard(by_gender=False)
        wizard.action_print_pdf()
        self.assertTrue(wizard.line_ids)
        html, _format = self.env["ir.actions.report"].with_user(self.me_officer)._render_qweb_html(
            "ashshash_case.ashshash_indicator_report_document", wizard.ids,
        )
        html = html.decode()
        total = self._sql_enrolled(companies=self.company | self.company_b)["total"]
        self.assertIn("SURV_ENROLLED", html)
        self.assertIn(f"{total:,}", html)
        # no gender columns (indicator names may say "Women", e.g. International Women's Day)
        self.assertNotRegex(html, r"<th[^>]*>\s*Women\s*</th>")

    def test_period_must_not_end_before_it_starts(self):
        with self.assertRaises(ValidationError):
            self._wizard(date_start=self.date_end, date_end=self.date_start)

    def test_case_worker_may_not_run_the_report(self):
        with self.assertRaises(AccessError):
            self._wizard(user=self.case_worker)
        self._wizard(user=self.case_manager, company_ids=[(5,)]).action_compute()
        self._wizard(user=self.programme_admin, company_ids=[(5,)]).action_compute()

    def test_case_manager_counts_only_their_companies(self):
        """The computation runs as the user: a case manager of the first organisation
        counts the records of the organisations they may see, never the others."""
        wizard = self._wizard(user=self.case_manager, company_ids=[(5,)])
        wizard.action_compute()
        line = wizard.line_ids.filtered(lambda line: line.code == "SURV_ENROLLED")
        self.assertEqual(line.total, self._sql_enrolled(companies=self.company)["total"])

    def test_unreadable_model_is_reported_not_counted(self):
        secret = self.Indicator.create({
            "code": "TEST_SECRET",
            "name": "System parameters",
            "model_id": self.env.ref("base.model_ir_config_parameter").id,
            "count_type": "records",
            "area_field": False,
            "company_field": False,
        })
        wizard = self._wizard(indicator_ids=[(6, 0, (secret | self.enrolled).ids)])
        wizard.action_compute()
        line = wizard.line_ids.filtered(lambda line: line.code == "TEST_SECRET")
        self.assertIn("You may not read", line.note)
        self.assertEqual(line.total, 0)
        self.assertFalse(wizard.line_ids.filtered(lambda line: line.code == "SURV_ENROLLED").note)


@tagged("post_install", "-at_install")
class TestIndicatorDefinition(AshshashCaseCommon):

    def _vals(self, **vals):
        values = {
            "code": "TEST_DEF",
            "name": "Test definition",
            "model_id": self.env.ref("ashshash_case.model_ashshash_needs_assessment").id,
            "domain": "[('state', '=', 'done')]",
            "count_type": "records",
            "date_field": "date",
        }
        values.update(vals)
        return values

    def test_programme_admin_defines_an_indicator_m_and_e_reads_it(self):
        indicator = self.env["ashshash.indicator"].with_user(self.programme_admin).create(self._vals())
        self.assertEqual(indicator.model_name, "ashshash.needs.assessment")
        self.assertEqual(indicator.with_user(self.me_officer).code, "TEST_DEF")
        with self.assertRaises(AccessError):
            indicator.with_user(self.me_officer).write({"name": "Changed"})
        with self.assertRaises(AccessError):
            self.env["ashshash.indicator"].with_user(self.case_manager).create(self._vals(code="TEST_DEF2"))

    def test_bad_definitions_are_refused_with_a_clear_message(self):
        bad = [
            ({"domain": "[('no_such_field', '=', 1)]"}, "does not fit"),
            ({"domain": "[('state', '=', "}, "cannot be evaluated"),
            ({"domain": "'done'"}, "must be a list"),
            ({"count_type": "distinct"}, "set the field to count"),
            ({"count_type": "distinct", "distinct_field": "no_such_field"}, "has no field no_such_field"),
            ({"count_type": "distinct", "distinct_field": "survivor_id.gender"}, "not a path"),
            ({"count_type": "sum"}, "set the sum field"),
            ({"count_type": "sum", "sum_field": "state"}, "expected one of"),
            ({"count_type": "sum", "sum_field_female": "high_need_count"}, "all three"),
            ({"date_field": "state"}, "is not a date"),
            ({"date_field": "survivor_id.nothing"}, "has no field nothing"),
            ({"date_field": "state.date"}, "not a relational field"),
            ({"area_field": "survivor_id"}, "must lead to an area"),
            ({"company_field": "area_id"}, "must lead to a company"),
            ({"gender_field": "survivor_id.gender"}, "not a path"),
            ({"gender_field": "survivor_id"}, "expected one of"),
        ]
        for vals, message in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as caught:
                self.env["ashshash.indicator"].create(self._vals(**vals))
            self.assertIn(message, str(caught.exception))
        self.assertFalse(self.env["ashshash.indicator"].search([("code", "=", "TEST_DEF")]))

    def test_a_domain_runs_no_code_and_reads_nothing(self):
        """A programme admin who may edit definitions gets no record to call: the
        domain sees plain values only, and the refusal does not show what it read."""
        Indicator = self.env["ashshash.indicator"].with_user(self.programme_admin)
        attempts = [
            "[('id', 'in', user.sudo().env['res.users'].search([]).ids)]",
            "[('id', '=', env.ref('base.user_admin').id)]",
            "[('assessor_id', '=', self.env.uid)]",
        ]
        for domain in attempts:
            with self.subTest(domain=domain), self.assertRefused(ValidationError, "cannot use"):
                Indicator.create(self._vals(domain=domain))
        with self.assertRefused(ValidationError, "cannot be evaluated") as caught:
            Indicator.create(self._vals(domain="[('id', '=', datetime.datetime.now().year.nope)]"))
        self.assertNotIn(str(self.today.year), str(caught.exception).split("cannot be evaluated")[-1])
        self.assertFalse(self.env["ashshash.indicator"].search([("code", "=", "TEST_DEF")]))

    def test_a_domain_uses_today_and_relativedelta(self):
        indicator = self.env["ashshash.indicator"].with_user(self.programme_admin).create(self._vals(
            domain="[('date', '>=', today - relativedelta(years=1)), ('assessor_id', '!=', uid)]",
        ))
        self.assertEqual(len(indicator._eval_domain()), 2)

    def test_restricted_and_free_text_fields_are_refused_with_the_field_named(self):
        """Broken down by the survivor's name, a donor report would print names."""
        survivor_model = self.env.ref("ashshash_case.model_ashshash_survivor").id
        bad = [
            ({"model_id": survivor_model, "date_field": "identification_date", "groupby_field": "name"},
             "name is restricted"),
            ({"model_id": survivor_model, "date_field": "identification_date", "count_type": "distinct",
              "distinct_field": "phone"}, "phone is restricted"),
            ({"model_id": survivor_model, "date_field": "identification_date", "groupby_field": "code"},
             "code is a free-text field"),
            ({"model_id": survivor_model, "date_field": "identification_date", "gender_field": "code"},
             "expected one of"),
            ({"model_id": survivor_model, "date_field": "identification_date", "gender_field": "trafficking_status"},
             "trafficking_status is restricted"),
        ]
        for vals, message in bad:
            with self.subTest(vals=vals), self.assertRefused(ValidationError, message):
                self.env["ashshash.indicator"].with_user(self.programme_admin).create(self._vals(**vals))
        self.assertFalse(self.env["ashshash.indicator"].search([("code", "=", "TEST_DEF")]))

    def test_path_fields_are_accepted(self):
        indicator = self.env["ashshash.indicator"].create(self._vals(
            date_field="survivor_id.enrolment_date", area_field="survivor_id.area_id",
            company_field="survivor_id.company_id",
        ))
        long_ago = self.today - timedelta(days=3000)
        self.assertEqual(indicator._compute_values(long_ago, long_ago)["TEST_DEF"]["total"], 0)
        self.env.flush_all()
        self.env.cr.execute("""
            SELECT COUNT(*) FROM ashshash_needs_assessment a JOIN ashshash_survivor s ON s.id = a.survivor_id
             WHERE a.state = 'done' AND s.enrolment_date = %s AND s.active AND s.area_id IN %s""",
            [self.today, tuple(self.env["ashshash.area"].search([("id", "child_of", self.upazila_kalaroa.id)]).ids)])
        expected = self.env.cr.fetchone()[0]
        values = indicator._compute_values(self.today, self.today, self.upazila_kalaroa)["TEST_DEF"]
        self.assertEqual(values["total"], expected)

    def test_m_and_e_finds_the_definitions_under_configuration(self):
        menus = self.env["ir.ui.menu"].with_user(self.me_officer)._visible_menu_ids()
        self.assertIn(self.env.ref("ashshash_case.ashshash_indicator_menu").id, menus)
        self.assertIn(self.env.ref("ashshash_case.ashshash_indicator_report_menu").id, menus)
        self.assertNotIn(self.env.ref("ashshash_case.ashshash_indicator_section_menu").id, menus)
        worker_menus = self.env["ir.ui.menu"].with_user(self.case_worker)._visible_menu_ids()
        self.assertNotIn(self.env.ref("ashshash_case.ashshash_indicator_report_menu").id, worker_menus)

    def test_a_definition_broken_later_is_reported_on_its_line(self):
        """A field that disappears after the definition was saved (e.g. an addon update)
        gives a line that says what to fix instead of breaking the whole report."""
        indicator = self.env["ashshash.indicator"].create(self._vals(gender_field="gender"))
        self.env.cr.execute("UPDATE ashshash_indicator SET gender_field = 'gone' WHERE id = %s", [indicator.id])
        indicator.invalidate_recordset()
        enrolled = self.env.ref("ashshash_case.indicator_surv_enrolled")
        values = (indicator | enrolled)._compute_values(self.today, self.today, by_gender=True)
        self.assertIn("no longer fits", values["TEST_DEF"]["error"])
        self.assertFalse(values["SURV_ENROLLED"]["error"])

    def test_codes_are_unique(self):
        self.env["ashshash.indicator"].create(self._vals())
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["ashshash.indicator"].create(self._vals(name="Again"))
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestIndicatorTours(HttpCase):

    def test_manager_computes_and_drills_down(self):
        survivor = self.env.ref("ashshash_case.survivor_demo_01")
        self.assertTrue(survivor.enrolment_date, "the demo survivors 01-10 are enrolled")
        self.start_tour("/odoo/action-ashshash_case.ashshash_indicator_report_wizard_action",
                        "ashshash_indicator_report_tour", login="admin")

    def test_admin_opens_and_edits_a_definition(self):
        self.start_tour("/odoo/action-ashshash_case.ashshash_indicator_action?debug=0",
                        "ashshash_indicator_definition_tour", login="admin")
        self.assertEqual(self.env.ref("ashshash_case.indicator_surv_enrolled").unit, "people")
