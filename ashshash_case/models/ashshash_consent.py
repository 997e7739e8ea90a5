from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import SENSITIVE

CONSENT_TYPES = [
    ("services", "Services"),
    ("data_sharing", "Data sharing with a referral partner"),
    ("photos", "Photos"),
]


class AshshashConsent(models.Model):
    _name = "ashshash.consent"
    _description = "Informed consent"
    _inherit = ["mail.thread", "ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "given_on desc, id desc"

    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade", tracking=True,
    )
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    consent_type = fields.Selection(CONSENT_TYPES, required=True, index=True, tracking=True)
    provider_id = fields.Many2one(
        "res.partner", string="Shared with", tracking=True,
        help="The referral partner the data may be shared with. Leave empty and tick 'All providers' "
             "for a consent that covers every provider.",
    )
    all_providers = fields.Boolean(tracking=True)
    given_on = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    given_by = fields.Selection(
        [("survivor", "Survivor"), ("guardian", "Guardian")], required=True, default="survivor", tracking=True,
    )
    guardian_name = fields.Char(groups=SENSITIVE)
    method = fields.Selection(
        [("signed_form", "Signed form"), ("witnessed_verbal", "Witnessed verbal")],
        required=True, default="signed_form", tracking=True,
    )
    witness_name = fields.Char(groups=SENSITIVE)
    attachment = fields.Binary(attachment=True, groups=SENSITIVE)
    attachment_name = fields.Char(groups=SENSITIVE)
    expiry_date = fields.Date(tracking=True)
    withdrawn_on = fields.Date(tracking=True)
    in_force = fields.Boolean(compute="_compute_in_force", search="_search_in_force")
    note = fields.Text(groups=SENSITIVE)

    @api.model
    def _workflow_fields(self):
        return {"withdrawn_on": self.env._(
            "use the Withdraw button; a withdrawn consent stays withdrawn (record a new consent if it is given again)."
        )}

    @api.model
    def _frozen_fields(self):
        hint = self.env._(
            "what was consented to is kept as it was given; withdraw this consent and record a new one instead."
        )
        return dict.fromkeys(("survivor_id", "consent_type", "provider_id", "all_providers", "given_on", "given_by"),
                             hint)

    @api.depends("given_on", "withdrawn_on", "expiry_date")
    def _compute_in_force(self):
        in_force = self._in_force(fields.Date.context_today(self))
        for consent in self:
            consent.in_force = consent in in_force

    def _search_in_force(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Search 'in force' with = True or = False."))
        today = fields.Date.context_today(self)
        domain = [
            ("given_on", "<=", today),
            "|", ("withdrawn_on", "=", False), ("withdrawn_on", ">", today),
            "|", ("expiry_date", "=", False), ("expiry_date", ">=", today),
        ]
        if (operator == "=") == value:
            return domain
        return [("id", "not in", self._search(domain))]

    def _in_force(self, on_date):
        """The consents of this recordset that were in force on ``on_date``."""
        return self.filtered(
            lambda c: c.given_on and c.given_on <= on_date
            and (not c.withdrawn_on or c.withdrawn_on > on_date)
            and (not c.expiry_date or c.expiry_date >= on_date)
        )

    def _covers_provider(self, provider):
        """Data-sharing consents of this recordset that cover ``provider``."""
        return self.filtered(
            lambda c: c.consent_type == "data_sharing"
            and (c.all_providers or c.provider_id == provider or c.provider_id == provider.commercial_partner_id)
        )

    @api.constrains("given_on", "withdrawn_on", "expiry_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for consent in self:
            if consent.given_on > today:
                raise ValidationError(self.env._("A consent cannot be given in the future: check the date given."))
            if consent.withdrawn_on and consent.withdrawn_on < consent.given_on:
                raise ValidationError(self.env._("A consent cannot be withdrawn before the day it was given."))
            if consent.expiry_date and consent.expiry_date < consent.given_on:
                raise ValidationError(self.env._("A consent cannot expire before the day it was given."))

    @api.constrains("consent_type", "provider_id", "all_providers")
    def _check_provider(self):
        for consent in self:
            if consent.consent_type == "data_sharing" and not consent.provider_id and not consent.all_providers:
                raise ValidationError(self.env._(
                    "A data-sharing consent must name the provider it covers, or tick 'All providers'.",
                ))

    def _compute_display_name(self):
        labels = dict(CONSENT_TYPES)
        for consent in self:
            consent.display_name = f"{consent.survivor_id.code} · {labels.get(consent.consent_type, '')}"

    def action_withdraw(self):
        withdrawn = self.filtered("withdrawn_on")
        if withdrawn:
            raise UserError(self.env._(
                "The consent %(consent)s was already withdrawn on %(date)s: its withdrawal date is kept.",
                consent=withdrawn[0].display_name, date=withdrawn[0].withdrawn_on,
            ))
        self._write_workflow({"withdrawn_on": fields.Date.context_today(self)})
        return True
