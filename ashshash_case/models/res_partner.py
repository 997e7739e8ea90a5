from odoo import api, fields, models

from ..tools import CASE_MANAGER, PROGRAMME_ADMIN, check_groups

PROVIDER_KINDS = [
    ("government", "Government"),
    ("ngo", "NGO"),
    ("private", "Private"),
]

# The directory entry of a provider: only case managers and programme admins change it.
PROVIDER_FIELDS = {
    "is_ashshash_provider",
    "provider_service_type_ids",
    "provider_area_ids",
    "provider_district_id",
    "provider_kind",
    "provider_contact_id",
    "provider_opening_hours",
    "provider_fee",
    "provider_last_reviewed",
    "provider_note",
}
# Ordinary contact fields that are part of a provider's directory entry.
DIRECTORY_FIELDS = PROVIDER_FIELDS | {
    "name", "phone", "mobile", "email", "website", "street", "street2", "city", "zip",
    "state_id", "country_id", "active",
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    is_ashshash_provider = fields.Boolean(
        string="Service provider", index=True,
        help="Listed in the ASHSHASH district service directory; survivors can be referred to it.",
    )
    provider_service_type_ids = fields.Many2many(
        "ashshash.service.type", "ashshash_provider_service_type_rel", "partner_id", "service_type_id",
        string="Services offered",
    )
    provider_area_ids = fields.Many2many(
        "ashshash.area", "ashshash_provider_area_rel", "partner_id", "area_id", string="Areas covered",
    )
    provider_district_id = fields.Many2one(
        "ashshash.area", string="Directory district", index=True,
        domain="[('level', '=', 'district')]",
        help="The district service directory this provider is listed in.",
    )
    provider_kind = fields.Selection(PROVIDER_KINDS, string="Provider kind", index=True)
    provider_contact_id = fields.Many2one(
        "res.partner", string="Contact person", domain="[('is_company', '=', False)]",
    )
    provider_opening_hours = fields.Char(string="Opening hours", help="e.g. Sat-Thu 9:00-17:00")
    provider_fee = fields.Selection([("free", "Free"), ("paid", "Paid")], string="Free or paid")
    provider_last_reviewed = fields.Date(
        string="Last reviewed", help="The day the entry was last checked with the provider (e.g. at a workshop).",
    )
    provider_note = fields.Text(string="Directory note")
    provider_referral_count = fields.Integer(compute="_compute_provider_referral_count")

    @api.depends_context("uid")
    def _compute_provider_referral_count(self):
        if not self.env["ashshash.referral"].has_access("read"):
            # Anyone may open a contact; only programme staff count its referrals.
            self.provider_referral_count = 0
            return
        counts = dict(self.env["ashshash.referral"]._read_group(
            [("provider_id", "in", self.ids)], ["provider_id"], ["__count"],
        ))
        for partner in self:
            partner.provider_referral_count = counts.get(partner, 0)

    def _check_provider_edit_rights(self):
        check_groups(self.env, (CASE_MANAGER, PROGRAMME_ADMIN), self.env._(
            "change the service directory (provider entries); ask a case manager to update it"))

    @api.model_create_multi
    def create(self, vals_list):
        # Same rule as write: setting any directory field needs the rights (empty values are no change).
        if any(vals.get(fname) for vals in vals_list for fname in PROVIDER_FIELDS):
            self._check_provider_edit_rights()
        return super().create(vals_list)

    def write(self, vals):
        # sudo: only to know whether a record is a provider; nothing is shown.
        if PROVIDER_FIELDS & set(vals) or (
            DIRECTORY_FIELDS & set(vals) and any(self.sudo().mapped("is_ashshash_provider"))
        ):
            self._check_provider_edit_rights()
        return super().write(vals)

    def unlink(self):
        # sudo: only to know whether a record is a provider; nothing is shown.
        if any(self.sudo().mapped("is_ashshash_provider")):
            self._check_provider_edit_rights()
        return super().unlink()

    def action_view_provider_referrals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ashshash_case.ashshash_referral_action")
        action.update({"domain": [("provider_id", "=", self.id)], "context": {"default_provider_id": self.id}})
        return action
