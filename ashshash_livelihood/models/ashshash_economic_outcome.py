from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.ashshash_case.tools import SENSITIVE

OUTCOME_KINDS = [
    ("employment", "Employment"),
    ("self_employment", "Self-employment"),
    ("loan", "Loan from a government or NGO scheme"),
    ("grant", "Government grant"),
]


class AshshashEconomicOutcome(models.Model):
    _name = "ashshash.economic.outcome"
    _description = "Economic outcome of a survivor"
    _inherit = ["mail.thread", "ashshash.need.to.know.mixin"]
    _order = "date_start desc, id desc"

    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade", tracking=True,
    )
    kind = fields.Selection(OUTCOME_KINDS, required=True, index=True, tracking=True)
    date_start = fields.Date(
        string="Start date", required=True, default=fields.Date.context_today, index=True, tracking=True,
    )
    date_end = fields.Date(string="End date", tracking=True, help="When the job or activity ended, if it did.")
    employer = fields.Char(
        string="Employer / activity", tracking=True,
        help="The employer, the self-employment activity (e.g. tailoring, poultry) or the scheme.",
    )
    monthly_income = fields.Monetary(tracking=True, help="Average monthly income from this outcome.")
    amount = fields.Monetary(string="Loan / grant amount", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    note = fields.Text(groups=SENSITIVE)
    # Stored for reports.
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True)

    @api.constrains("monthly_income", "amount")
    def _check_amounts(self):
        for outcome in self:
            if outcome.monthly_income < 0 or outcome.amount < 0:
                raise ValidationError(self.env._(
                    "The income and amount of an economic outcome of %(code)s cannot be negative.",
                    code=outcome.survivor_id.code,
                ))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for outcome in self:
            if outcome.date_start > today:
                raise ValidationError(self.env._(
                    "An economic outcome cannot start in the future (%(date)s): record it once it has started.",
                    date=outcome.date_start,
                ))
            if outcome.date_end and outcome.date_end < outcome.date_start:
                raise ValidationError(self.env._("An economic outcome cannot end before it starts."))

    def _compute_display_name(self):
        kinds = dict(OUTCOME_KINDS)
        for outcome in self:
            outcome.display_name = f"{outcome.survivor_id.code} · {kinds.get(outcome.kind, '')}"
