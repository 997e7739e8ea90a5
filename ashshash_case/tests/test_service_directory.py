import base64
import io

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import AshshashReferralCommon


@tagged("post_install", "-at_install")
class TestServiceDirectory(AshshashReferralCommon):

    def _wizard(self, user=None, **vals):
        values = {"district_id": self.district_satkhira.id}
        values.update(vals)
        return self.env["ashshash.directory.export.wizard"].with_user(user or self.me_officer).create(values)

    def test_seeded_service_types_have_categories(self):
        categories = set(self.env["ashshash.service.type"].search([]).mapped("category"))
        self.assertTrue({"health", "legal", "shelter", "trauma_counselling", "other"} <= categories)

    def test_directory_groups_providers_by_service_type_and_district(self):
        groups = self.env["res.partner"].with_user(self.case_worker)._read_group(
            [("is_ashshash_provider", "=", True), ("id", "in", (self.hospital | self.legal_aid).ids)],
            ["provider_service_type_ids", "provider_district_id"], ["__count"],
        )
        self.assertIn((self.health, self.district_satkhira, 1), groups)
        self.assertIn((self.legal, self.district_satkhira, 1), groups)

    def test_directory_prints_by_service_type(self):
        wizard = self._wizard(export_format="pdf")
        action = wizard.action_export()
        self.assertEqual(action["report_name"], "ashshash_case.report_ashshash_directory")
        html, _kind = self.env["ir.actions.report"].with_user(self.me_officer)._render_qweb_html(
            "ashshash_case.action_report_ashshash_directory", wizard.ids)
        html = html.decode()
        self.assertIn("Test District Hospital", html)
        self.assertIn("Test Legal Aid Office", html)
        self.assertLess(html.index("Health care"), html.index("Test District Hospital"))
        self.assertLess(html.index("Test District Hospital"), html.index("Legal aid"))

    def test_directory_exports_to_xlsx(self):
        wizard = self._wizard(export_format="xlsx", service_type_ids=[(6, 0, [self.health.id])])
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn("download=true", action["url"])
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file_data)))
        rows = list(book.active.iter_rows(min_row=4, values_only=True))
        self.assertIn(("Health care", "Test District Hospital", "+880 471-99999"), [(r[0], r[1], r[4]) for r in rows])
        self.assertNotIn("Test Legal Aid Office", [r[1] for r in rows], "only the chosen service types")
        self.assertEqual({r[0] for r in rows}, {"Health care"})
        hospital_row = next(r for r in rows if r[1] == "Test District Hospital")
        self.assertEqual(hospital_row[9].date(), self.today, "last reviewed is a real date cell")

    def test_empty_district_is_refused_with_a_clear_message(self):
        wizard = self._wizard(district_id=self.env.ref("ashshash_case.area_dist_dhaka").id)
        with self.assertRaisesRegex(UserError, "No provider is listed in the Dhaka directory"):
            wizard.action_export()
        self.assertFalse(wizard.file_data)


@tagged("post_install", "-at_install")
class TestPdfReports(AshshashReferralCommon, HttpCase):
    """wkhtmltopdf fetches the report assets over HTTP: an HttpCase lets the server see the test data."""

    # Debian's wkhtmltopdf (unpatched Qt) warns that it ignores Odoo's header/footer switches;
    # the slip and the directory put everything in the body, so the warning is noise here.
    @mute_logger("odoo.addons.base.models.ir_actions_report")
    def _pdf(self, report, ids):
        pdf, kind = self.env["ir.actions.report"].with_context(force_report_rendering=True)._render_qweb_pdf(
            report, ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_referral_slip_prints_as_pdf(self):
        self._sharing_consent(provider=self.hospital)
        referral = self._referral()
        referral.action_send()
        self._pdf("ashshash_case.action_report_ashshash_referral_slip", referral.ids)

    def test_directory_prints_as_pdf(self):
        wizard = self.env["ashshash.directory.export.wizard"].create({
            "district_id": self.district_satkhira.id, "service_type_ids": [(6, 0, [self.health.id])],
        })
        self._pdf("ashshash_case.action_report_ashshash_directory", wizard.ids)
