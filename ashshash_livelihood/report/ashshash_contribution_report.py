from odoo import fields, models, tools

from odoo.addons.ashshash_case.tools import GENDERS


class AshshashContributionReport(models.Model):
    """One line per contributing partner and survivor: the pivot count is the
    number of distinct survivors a partner supported (SUPP_CONTRIBUTED)."""

    _name = "ashshash.contribution.report"
    _description = "Contributions by partner and survivor"
    _auto = False
    _order = "contributor_id, survivor_id"

    contributor_id = fields.Many2one("res.partner", readonly=True)
    survivor_id = fields.Many2one("ashshash.survivor", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    gender = fields.Selection(GENDERS, readonly=True)
    area_id = fields.Many2one("ashshash.area", readonly=True)
    support_count = fields.Integer(string="Deliveries", readonly=True)
    total_value = fields.Monetary(readonly=True)
    first_delivery_date = fields.Date(readonly=True)
    last_delivery_date = fields.Date(readonly=True)

    def _compute_display_name(self):
        for line in self:
            line.display_name = f"{line.contributor_id.display_name} · {line.survivor_id.code}"

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT MIN(support.id) AS id,
                       partner.commercial_partner_id AS contributor_id,
                       support.survivor_id,
                       support.company_id,
                       support.gender,
                       support.area_id,
                       COUNT(*) AS support_count,
                       SUM(support.total_value) AS total_value,
                       MIN(support.delivery_date) AS first_delivery_date,
                       MAX(support.delivery_date) AS last_delivery_date
                  FROM ashshash_support support
                  JOIN res_partner partner ON partner.id = support.contributor_id
                 WHERE support.is_contribution AND support.state = 'delivered'
              GROUP BY partner.commercial_partner_id, support.survivor_id, support.company_id,
                       support.gender, support.area_id
            )
        """)
