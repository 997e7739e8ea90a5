from odoo import api, fields, models
from odoo.exceptions import UserError

READERS = "ashshash_case.group_case_worker,ashshash_case.group_me_officer"
# Who may know that a partner is the cash payee of a case (record rules say which ones).
PAYEE_READERS = "ashshash_case.group_case_worker,ashshash_livelihood.group_finance_officer"


class ResPartner(models.Model):
    _inherit = "res.partner"

    ashshash_contribution_count = fields.Integer(
        string="Survivors supported", compute="_compute_ashshash_contributions", groups=READERS,
        help="Distinct survivors who received delivered support contributed by this partner.",
    )
    ashshash_contribution_value = fields.Monetary(
        string="Value contributed", compute="_compute_ashshash_contributions", groups=READERS,
        currency_field="ashshash_contribution_currency_id",
    )
    ashshash_contribution_currency_id = fields.Many2one(
        "res.currency", compute="_compute_ashshash_contributions", groups=READERS,
    )

    # Need to know: the payee partners of emergency cash hold the survivors' bank and wallet
    # numbers (their mobile numbers). Record rules (security/ashshash_livelihood_security.xml)
    # let finance officers, case managers and the case workers on the case read them.
    ashshash_payee_survivor_id = fields.Many2one(
        "ashshash.survivor", string="Cash payee of", readonly=True, copy=False, index="btree_not_null",
        ondelete="restrict", groups=PAYEE_READERS,
        help="The case whose emergency cash this partner receives in Accounting (named by the case code).",
    )

    def _check_payee_link(self, vals):
        if not self.env.su and vals.get("ashshash_payee_survivor_id") not in (None, False):
            raise UserError(self.env._(
                "A cash payee is made by the programme when a survivor is first proposed for emergency cash; "
                "it cannot be set by hand.",
            ))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_payee_link(vals)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "ashshash_payee_survivor_id" in vals \
                and any(partner.sudo().ashshash_payee_survivor_id.id != (vals["ashshash_payee_survivor_id"] or False)
                        for partner in self):
            raise UserError(self.env._(
                "%(partner)s is the cash payee of a case: that link is kept by the programme.",
                partner=self[:1].display_name,
            ))
        return super().write(vals)

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_ashshash_contributions(self):
        # Totals over the support the user may read: a case worker sees what
        # went to their own survivors, managers and M&E the whole company.
        partners = self.filtered("id")
        commercial = partners.commercial_partner_id
        groups = self.env["ashshash.support"]._read_group(
            [("contributor_id", "child_of", commercial.ids), ("is_contribution", "=", True),
             ("state", "=", "delivered")] if commercial else [(0, "=", 1)],
            ["contributor_id"], ["survivor_id:array_agg", "total_value:sum"],
        )
        survivors, values = {}, {}
        for contributor, survivor_ids, total in groups:
            key = contributor.commercial_partner_id.id
            survivors.setdefault(key, set()).update(survivor_ids)
            values[key] = values.get(key, 0.0) + total
        currency = self.env.company.currency_id
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.ashshash_contribution_count = len(survivors.get(key, ()))
            partner.ashshash_contribution_value = values.get(key, 0.0)
            partner.ashshash_contribution_currency_id = currency

    def action_view_ashshash_contributions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ashshash_livelihood.ashshash_support_action_contribution"
        )
        action["domain"] = [
            ("contributor_id", "child_of", self.commercial_partner_id.id), ("is_contribution", "=", True),
        ]
        return action
