import base64
import secrets

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import CASE_MANAGER, SENSITIVE, action_date, action_day, check_groups, check_state

CERTIFICATE_STATES = [
    ("draft", "Draft"),
    ("issued", "Issued"),
    ("revoked", "Revoked"),
]


class AshshashCertificate(models.Model):
    _name = "ashshash.certificate"
    _description = "Ready-to-go certificate"
    _inherit = [
        "ashshash.workflow.mixin", "mail.thread", "mail.activity.mixin",
        "ashshash.need.to.know.mixin",
    ]
    _order = "issue_date desc, id desc"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, index=True, default="/",
        help="Given from a sequence when the certificate is issued.",
    )
    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="restrict", tracking=True,
    )
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    state = fields.Selection(
        CERTIFICATE_STATES, default="draft", required=True, index=True, tracking=True, copy=False,
    )
    issue_date = fields.Date(readonly=True, copy=False, index=True, tracking=True)
    issued_by_id = fields.Many2one("res.users", string="Issued by", readonly=True, copy=False)
    revoke_reason = fields.Text(tracking=True, copy=False, groups=SENSITIVE)
    revoked_date = fields.Date(readonly=True, copy=False)
    revoked_by_id = fields.Many2one("res.users", string="Revoked by", readonly=True, copy=False)
    verification_token = fields.Char(
        required=True, readonly=True, copy=False, index=True,
        default=lambda self: secrets.token_urlsafe(32),
        groups=SENSITIVE,
        help="Unguessable key of the public verification page printed as a QR code.",
    )
    verification_url = fields.Char(compute="_compute_verification_url", groups=SENSITIVE)

    # Summary frozen when the certificate is issued.
    session_count = fields.Integer(string="Individual sessions", readonly=True, copy=False)
    family_session_count = fields.Integer(string="Family sessions", readonly=True, copy=False)
    date_start = fields.Date(string="Counselling from", readonly=True, copy=False)
    date_end = fields.Date(string="Counselling to", readonly=True, copy=False)
    who5_start = fields.Integer(string="WHO-5 at start (%)", readonly=True, copy=False)
    who5_end = fields.Integer(string="WHO-5 at end (%)", readonly=True, copy=False)

    criteria_gaps = fields.Text(string="Criteria not met", compute="_compute_criteria_gaps")
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True, string="Union / village")

    _sql_constraints = [
        ("verification_token_uniq", "unique(verification_token)", "The verification token must be unique."),
    ]

    def init(self):
        # The database guards "one issued certificate per survivor" too, for
        # concurrent issuing; action_issue gives the readable message.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS ashshash_certificate_one_issued_per_survivor
            ON ashshash_certificate (survivor_id) WHERE state = 'issued'
        """)

    def _compute_display_name(self):
        for certificate in self:
            if certificate.name and certificate.name != "/":
                certificate.display_name = certificate.name
            else:
                certificate.display_name = self.env._("Draft certificate · %(code)s", code=certificate.survivor_id.code)

    def _compute_verification_url(self):
        base_url = self.get_base_url()
        for certificate in self:
            certificate.verification_url = f"{base_url}/ashshash/certificate/verify/{certificate.verification_token}"

    @api.depends("survivor_id", "state")
    def _compute_criteria_gaps(self):
        for certificate in self:
            if certificate.state == "draft" and certificate.survivor_id:
                certificate.criteria_gaps = "\n".join(certificate.survivor_id._counselling_completion_gaps())
            else:
                certificate.criteria_gaps = False

    def _qr_code_data_uri(self):
        """The QR code of the verification page, drawn by Odoo's barcode engine
        (reportlab, as the /report/barcode route) and embedded in the PDF so
        that wkhtmltopdf needs no HTTP round trip."""
        self.ensure_one()
        png = self.env["ir.actions.report"].barcode("QR", self.verification_url, width=240, height=240)
        return "data:image/png;base64," + base64.b64encode(png).decode()

    def _check_manager(self):
        check_groups(self.env, CASE_MANAGER, self.env._("issue or revoke ready-to-go certificates"))

    def action_issue(self, issue_date=None):
        """Issue, today or on ``issue_date`` (a certificate handed over before it was entered),
        never before the last counselling session."""
        self._check_manager()
        check_state(self, ["draft"], self.env._("issued"))
        issued = self.search([("survivor_id", "in", self.survivor_id.ids), ("state", "=", "issued")])
        if issued or len(self.survivor_id) < len(self):
            raise UserError(self.env._(
                "%(codes)s already has an issued certificate (%(numbers)s): a survivor gets at most one. "
                "Revoke it first if it must be replaced.",
                codes=", ".join((issued.survivor_id or self.survivor_id).mapped("code")),
                numbers=", ".join(issued.mapped("name")) or "-",
            ))
        for certificate in self:
            gaps = certificate.survivor_id._counselling_completion_gaps()
            if gaps:
                raise UserError(self.env._(
                    "%(code)s does not yet meet the completion rule:\n- %(gaps)s",
                    code=certificate.survivor_id.code, gaps="\n- ".join(gaps),
                ))

        def issued_values(certificate):
            summary = certificate.survivor_id._counselling_summary()
            sequence = self.env["ir.sequence"].with_company(certificate.company_id)
            return {
                "state": "issued",
                "name": sequence.next_by_code("ashshash.certificate") or "/",
                "issue_date": action_date(certificate, issue_date, self.env._("The issue date"),
                                          summary["date_end"], self.env._("the last counselling session")),
                "issued_by_id": self.env.user.id,
                **summary,
            }
        self._write_workflow_each(issued_values)
        self.survivor_id._advance_state("counselling_completed")
        return True

    def action_revoke(self, revoked_date=None):
        """Revoke, today or on ``revoked_date`` (on or after the issue)."""
        self._check_manager()
        check_state(self, ["issued"], self.env._("revoked"))
        for certificate in self:
            if not (certificate.revoke_reason or "").strip():
                raise UserError(self.env._(
                    "Write why certificate %(number)s is revoked (Revocation tab) before revoking it.",
                    number=certificate.name,
                ))
        for certificate in self:
            action_date(certificate, revoked_date, self.env._("The revocation date"), certificate.issue_date,
                        self.env._("the issue date"))
        self._write_workflow({
            "state": "revoked",
            "revoked_date": action_day(self, revoked_date),
            "revoked_by_id": self.env.user.id,
        })
        return True

    @api.model
    def _workflow_fields(self):
        issue = self.env._(
            "a case manager issues the certificate with the Issue button, which checks the completion rule."
        )
        fields_ = ("name", "issue_date", "issued_by_id", "verification_token", "session_count",
                   "family_session_count", "date_start", "date_end", "who5_start", "who5_end")
        return {
            **dict.fromkeys(fields_, issue),
            "state": self.env._(
                "a case manager issues the certificate with the Issue button (it checks the completion rule) "
                "and revokes it with the Revoke button."
            ),
            "revoked_date": self.env._("it is the day a case manager revoked the certificate."),
            "revoked_by_id": self.env._("it is the case manager who revoked the certificate."),
        }

    @api.model
    def _frozen_fields(self):
        return {"survivor_id": self.env._("a certificate stays with the survivor it was drafted for.")}


    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued_or_revoked(self):
        if any(certificate.state != "draft" for certificate in self):
            raise UserError(self.env._("Issued or revoked certificates are kept: revoke instead of deleting."))
