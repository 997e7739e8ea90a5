from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ashshash_case.tools import PROGRAMME_ADMIN, check_groups, check_state

# What the programme gives: set by programme admins, never by the finance officers who pay it.
PROGRAMME_FIELDS = ("amount_per_beneficiary", "budget")

# Survivor states a campaign may target, each a boolean on the campaign.
ELIGIBLE_STATES = [
    "enrolled", "assessed", "in_counselling", "counselling_completed", "reintegration",
]


class AshshashCashCampaign(models.Model):
    _name = "ashshash.cash.campaign"
    _description = "Emergency cash campaign"
    _inherit = ["mail.thread", "analytic.mixin", "ashshash.workflow.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft", required=True, index=True, tracking=True, copy=False,
    )
    date_start = fields.Date(string="From", required=True, tracking=True)
    date_end = fields.Date(string="To", required=True, tracking=True)
    amount_per_beneficiary = fields.Monetary(required=True, tracking=True)
    budget = fields.Monetary(required=True, tracking=True)
    description = fields.Html()

    # Eligibility
    area_ids = fields.Many2many(
        "ashshash.area", string="Eligible areas",
        help="Survivors living in one of these areas or in any area below them. Empty: every area.",
    )
    eligible_enrolled = fields.Boolean("Enrolled", default=True)
    eligible_assessed = fields.Boolean("Assessed", default=True)
    eligible_in_counselling = fields.Boolean("In counselling", default=True)
    eligible_counselling_completed = fields.Boolean("Counselling completed", default=True)
    eligible_reintegration = fields.Boolean("Reintegration", default=True)

    # Accounting
    journal_id = fields.Many2one(
        "account.journal", string="Payment journal", check_company=True, tracking=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
        help="Cash, bank or mobile-wallet (a bank-type journal) journal the money leaves from.",
    )
    expense_account_id = fields.Many2one(
        "account.account", check_company=True, tracking=True,
        domain="[('account_type', 'in', ('expense', 'expense_direct_cost', 'expense_other'))]",
    )

    disbursement_ids = fields.One2many("ashshash.cash.disbursement", "campaign_id", string="Batches")
    disbursement_count = fields.Integer(compute="_compute_budget")
    budget_used = fields.Monetary(compute="_compute_budget", help="Paid lines.")
    budget_committed = fields.Monetary(compute="_compute_budget", help="Lines submitted or approved, not paid yet.")
    budget_remaining = fields.Monetary(
        compute="_compute_budget", help="Budget less paid and committed lines.",
    )
    paid_count = fields.Integer(string="Survivors paid", compute="_compute_budget")

    _sql_constraints = [
        ("dates_check", "CHECK(date_start <= date_end)", "The campaign must end after it starts."),
        ("amount_positive", "CHECK(amount_per_beneficiary > 0)", "The amount per beneficiary must be above zero."),
        ("budget_positive", "CHECK(budget >= 0)", "The budget cannot be negative."),
    ]

    @api.depends("budget", "disbursement_ids.line_ids.state", "disbursement_ids.line_ids.amount")
    def _compute_budget(self):
        # sudo: programme admins configure campaigns without reading the batches; they
        # see the totals of the campaign only.
        Line = self.env["ashshash.cash.disbursement.line"].sudo()
        groups = Line._read_group(
            [("campaign_id", "in", self.ids), ("state", "in", ("submitted", "approved", "paid"))],
            ["campaign_id", "state"], ["amount:sum", "__count"],
        )
        totals = {}
        for campaign, state, amount, count in groups:
            totals[campaign.id, state] = (amount, count)
        batch_counts = dict(self.env["ashshash.cash.disbursement"].sudo()._read_group(
            [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"],
        ))
        for campaign in self:
            paid, paid_count = totals.get((campaign.id, "paid"), (0.0, 0))
            committed = sum(totals.get((campaign.id, state), (0.0, 0))[0] for state in ("submitted", "approved"))
            campaign.budget_used = paid
            campaign.paid_count = paid_count
            campaign.budget_committed = committed
            campaign.budget_remaining = campaign.budget - paid - committed
            campaign.disbursement_count = batch_counts.get(campaign._origin, 0)

    @api.model
    def _workflow_fields(self):
        return {
            "state": self.env._("use the Open and Close buttons of the campaign."),
        }

    @api.model
    def _frozen_fields(self):
        return {
            "company_id": self.env._("a campaign stays in its organisation: open a new one in the other."),
        }

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get(name) for vals in vals_list for name in PROGRAMME_FIELDS):
            check_groups(self.env, PROGRAMME_ADMIN, self.env._("set the amount or the budget of a cash campaign"))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and any(
            self._workflow_value(campaign, name, vals[name]) != self._workflow_value(campaign, name, campaign[name])
            for name in PROGRAMME_FIELDS if name in vals for campaign in self
        ):
            check_groups(self.env, PROGRAMME_ADMIN, self.env._("change the amount or the budget of a cash campaign"))
        if {"journal_id", "expense_account_id", "analytic_distribution"} & set(vals) \
                and any(campaign.budget_used for campaign in self):
            raise UserError(self.env._(
                "Cash has already been paid from this campaign: its journal, expense account and "
                "analytic distribution can no longer change. Close it and open a new campaign.",
            ))
        return super().write(vals)

    @api.constrains("journal_id")
    def _check_journal_type(self):
        for campaign in self:
            if campaign.journal_id and campaign.journal_id.type not in ("bank", "cash"):
                raise ValidationError(self.env._(
                    "The payment journal of %(campaign)s must be a cash or bank journal.", campaign=campaign.name,
                ))

    def _eligible_states(self):
        self.ensure_one()
        return [state for state in ELIGIBLE_STATES if self[f"eligible_{state}"]]

    def _eligible_survivor_domain(self):
        self.ensure_one()
        domain = [("company_id", "=", self.company_id.id), ("state", "in", self._eligible_states())]
        if self.area_ids:
            domain.append(("area_id", "child_of", self.area_ids.ids))
        return domain

    def action_open(self):
        check_state(self, ["draft"], self.env._("opened"))
        for campaign in self:
            missing = [label for field, label in (
                ("journal_id", self.env._("payment journal")),
                ("expense_account_id", self.env._("expense account")),
            ) if not campaign[field]]
            if missing:
                raise UserError(self.env._("Set the %(fields)s of %(campaign)s before opening it.",
                                           fields=", ".join(missing), campaign=campaign.name))
            if not campaign._eligible_states():
                raise UserError(self.env._("Tick at least one eligible survivor state on %(campaign)s.",
                                           campaign=campaign.name))
        self._write_workflow({"state": "open"})
        return True

    def action_close(self):
        check_state(self, ["open"], self.env._("closed"))
        for campaign in self:
            pending = campaign.disbursement_ids.filtered(lambda b: b.state in ("submitted", "approved"))
            if pending:
                raise UserError(self.env._(
                    "Pay or cancel the batches %(batches)s before closing %(campaign)s.",
                    batches=", ".join(pending.mapped("name")), campaign=campaign.name,
                ))
        self._write_workflow({"state": "closed"})
        return True

    def action_view_disbursements(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ashshash_livelihood.ashshash_cash_disbursement_action")
        action.update({
            "domain": [("campaign_id", "=", self.id)],
            "context": {"default_campaign_id": self.id},
        })
        return action
