from odoo import api, fields, models

READERS = "ashshash_case.group_case_worker,ashshash_case.group_me_officer"


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
