from odoo.tests import HttpCase, tagged

from .common import AshshashCounsellingCommon


@tagged("post_install", "-at_install")
class TestCertificateVerification(AshshashCounsellingCommon, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._complete_counselling()
        cls.certificate = cls.Certificate.create({"survivor_id": cls.survivor.id})
        cls.certificate.with_user(cls.case_manager).action_issue()

    def test_certificate_report_carries_the_number(self):
        # An HttpCase: wkhtmltopdf fetches the report styles from the test server.
        certificate = self.certificate
        report = self.env["ir.actions.report"].with_user(self.case_manager).with_context(force_report_rendering=True)
        html, _type = report._render_qweb_html("ashshash_case.ashshash_certificate_report", certificate.ids)
        html = html.decode()
        self.assertIn(certificate.name, html)
        self.assertIn("Ready-to-Go Certificate", html)
        self.assertIn("রেডি-টু-গো সনদপত্র", html)
        self.assertIn("data:image/png;base64,", html)  # the QR code
        # Debian's wkhtmltopdf (unpatched Qt) says it ignores the header and
        # footer: the certificate keeps everything in the body (readme/CONFIGURE.md).
        with self.assertLogs("odoo.addons.base.models.ir_actions_report", level="WARNING") as logs:
            pdf, report_type = report._render_qweb_pdf("ashshash_case.ashshash_certificate_report", certificate.ids)
        self.assertIn("unpatched qt", "".join(logs.output))
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def _verify(self, token):
        return self.url_open(f"/ashshash/certificate/verify/{token}")

    def test_valid_certificate_page_shows_no_name(self):
        response = self._verify(self.certificate.verification_token)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Valid", response.text)
        self.assertIn(self.certificate.name, response.text)
        self.assertIn(self.env.company.name, response.text)
        self.assertNotIn("Amena", response.text)
        self.assertNotIn(self.survivor.code, response.text)

    def test_revoked_certificate_page(self):
        self.certificate.write({"revoke_reason": "Issued in error."})
        self.certificate.with_user(self.case_manager).action_revoke()
        response = self._verify(self.certificate.verification_token)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Revoked", response.text)
        self.assertNotIn("Issued in error", response.text)

    def test_unknown_token_is_not_found(self):
        response = self._verify("x" * 43)
        self.assertEqual(response.status_code, 404)
        self.assertIn("Not found", response.text)
        self.assertNotIn(self.certificate.name, response.text)
        draft = self.Certificate.create({"survivor_id": self.survivor_2.id})
        response = self._verify(draft.verification_token)
        self.assertEqual(response.status_code, 404)
