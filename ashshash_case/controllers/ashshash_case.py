from odoo import http
from odoo.http import request


class AshshashCertificateVerification(http.Controller):

    @http.route("/ashshash/certificate/verify/<string:token>", type="http", auth="public", methods=["GET"])
    def certificate_verify(self, token, **kwargs):
        # sudo: the page is public (anyone holding the printed certificate may scan
        # it); it reads one certificate by its unguessable token and shows only
        # its number, state, issue date and organisation, never the survivor.
        certificate = request.env["ashshash.certificate"].sudo().search([
            ("verification_token", "=", token), ("state", "in", ("issued", "revoked")),
        ], limit=1) if 20 <= len(token) <= 128 else None
        if not certificate:
            return request.render("ashshash_case.certificate_verify_page", {"found": False}, status=404)
        return request.render("ashshash_case.certificate_verify_page", {
            "found": True,
            "valid": certificate.state == "issued",
            "number": certificate.name,
            "issue_date": certificate.issue_date,
            "revoked_date": certificate.revoked_date,
            "organisation": certificate.company_id.name,
        })
