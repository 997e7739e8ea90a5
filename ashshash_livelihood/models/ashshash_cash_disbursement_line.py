from odoo import Command, api, fields, models
from odoo.exceptions import UserError

# Need to know: the payee's account or wallet number (the survivor's mobile number for a
# wallet) is for the case managers who propose the payment and the finance officers who make it.
PAYMENT_DETAIL_READERS = "ashshash_case.group_case_manager,ashshash_livelihood.group_finance_officer"

PAYMENT_METHODS = [
    ("cash", "Cash"),
    ("bank_transfer", "Bank transfer"),
    ("bkash", "bKash"),
    ("nagad", "Nagad"),
    ("rocket", "Rocket"),
]

# Once a batch leaves draft its lines are frozen, except for the receipt.
RECEIPT_FIELDS = {"received_date", "transaction_id", "proof_file", "proof_filename"}
ACCOUNTING_LINK_FIELDS = {"move_id", "reversal_move_id"}


class AshshashCashDisbursementLine(models.Model):
    _name = "ashshash.cash.disbursement.line"
    _description = "Emergency cash line"
    _inherit = ["ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "disbursement_id desc, survivor_code, id"
    _check_company_auto = True

    disbursement_id = fields.Many2one(
        "ashshash.cash.disbursement", string="Batch", required=True, index=True, ondelete="cascade",
    )
    campaign_id = fields.Many2one(related="disbursement_id.campaign_id", store=True, index=True, precompute=True)
    company_id = fields.Many2one(related="disbursement_id.company_id", store=True, index=True, precompute=True)
    currency_id = fields.Many2one(related="disbursement_id.currency_id")
    state = fields.Selection(related="disbursement_id.state", store=True, index=True, precompute=True)
    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="restrict", check_company=True,
    )
    survivor_code = fields.Char(related="survivor_id.code", string="Case code", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", string="Area", store=True, index=True)
    union_id = fields.Many2one(related="survivor_id.union_id", string="Union", store=True, index=True)
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    paid_date = fields.Date(related="disbursement_id.paid_date", store=True, index=True)
    amount = fields.Monetary(
        compute="_compute_amount", store=True, readonly=False, precompute=True,
        help="The campaign's amount per beneficiary unless changed.",
    )
    payment_method = fields.Selection(PAYMENT_METHODS, required=True, default="cash")
    payee_partner_id = fields.Many2one(
        related="survivor_id.payee_partner_id", string="Payee", store=True, index=True,
        help="Partner named by the case code that the accounting entries are made out to.",
    )
    bank_account_id = fields.Many2one(
        "res.partner.bank", string="Account / wallet", ondelete="restrict",
        domain="[('partner_id', '=', payee_partner_id)]", groups=PAYMENT_DETAIL_READERS,
    )
    account_number = fields.Char(
        string="Account / wallet number", compute="_compute_account_number", inverse="_inverse_account_number",
        groups=PAYMENT_DETAIL_READERS,
    )

    # Receipt
    received_date = fields.Date()
    transaction_id = fields.Char(string="Wallet transaction id", index=True, copy=False)
    proof_file = fields.Binary(string="Proof", attachment=True, copy=False)
    proof_filename = fields.Char()

    move_id = fields.Many2one("account.move", string="Journal entry", readonly=True, copy=False, index=True)
    reversal_move_id = fields.Many2one("account.move", string="Reversal entry", readonly=True, copy=False)

    @api.depends("disbursement_id.campaign_id")
    def _compute_amount(self):
        for line in self:
            if not line.amount:
                line.amount = line.disbursement_id.campaign_id.amount_per_beneficiary

    @api.depends("survivor_id", "disbursement_id.name")
    def _compute_display_name(self):
        # sudo: the display name shows the case code only, never the name.
        for line, line_sudo in zip(self, self.sudo(), strict=False):
            line.display_name = f"{line_sudo.disbursement_id.name} / {line_sudo.survivor_id.code}"

    @api.depends("bank_account_id.acc_number")
    def _compute_account_number(self):
        for line in self:
            line.account_number = line.bank_account_id.acc_number

    def _inverse_account_number(self):
        for line in self:
            number = (line.account_number or "").strip()
            if not number:
                line.bank_account_id = False
                continue
            partner = line.survivor_id._get_payee_partner()
            # sudo: the account is a payment detail of the case-code payee; case managers
            # record it when proposing the payment but have no right on bank accounts.
            Bank = self.env["res.partner.bank"].sudo()
            bank = Bank.search([("partner_id", "=", partner.id), ("acc_number", "=", number)], limit=1)
            line.bank_account_id = bank or Bank.create({"partner_id": partner.id, "acc_number": number})

    def init(self):
        # One survivor is paid at most once per campaign, whatever the code path.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS ashshash_cash_disbursement_line_campaign_survivor_uniq
                ON ashshash_cash_disbursement_line (campaign_id, survivor_id)
             WHERE state IN ('submitted', 'approved', 'paid')
        """)

    @api.model
    def _workflow_fields(self):
        batch = self.env._("it follows the batch (its buttons: Submit, Approve, Pay, Cancel).")
        survivor = self.env._("it follows the survivor of the line.")
        return {
            "state": batch,
            "paid_date": batch,
            "campaign_id": batch,
            "company_id": batch,
            "move_id": self.env._("the Pay button of the batch posts the journal entry."),
            "reversal_move_id": self.env._("cancelling the paid batch reverses the journal entry."),
            "payee_partner_id": self.env._(
                "the payee is the partner named by the survivor's case code, made by the programme."
            ),
            "survivor_code": survivor,
            "area_id": survivor,
            "union_id": survivor,
            "gender": survivor,
        }

    @api.model
    def _frozen_fields(self):
        return {
            "disbursement_id": self.env._(
                "a line stays in its batch: remove it and add the survivor to the other one."
            ),
            "survivor_id": self.env._("a line stays with its survivor: remove it and add the other survivor."),
        }

    @api.model_create_multi
    def create(self, vals_list):
        batches = self.env["ashshash.cash.disbursement"].browse({vals.get("disbursement_id") for vals in vals_list})
        if any(batch.state != "draft" for batch in batches):
            raise UserError(self.env._("Lines can only be added to a draft batch."))
        self.env["ashshash.survivor"].browse(
            {vals["survivor_id"] for vals in vals_list if vals.get("survivor_id")}
        )._get_payee_partner()
        return super().create(vals_list)

    def write(self, vals):
        frozen = set(vals) - RECEIPT_FIELDS - ACCOUNTING_LINK_FIELDS
        if frozen and any(line.disbursement_id.state != "draft" for line in self):
            raise UserError(self.env._("Once a batch is submitted its lines can no longer change; only the receipt."))
        if RECEIPT_FIELDS & set(vals) and any(line.state != "paid" for line in self):
            raise UserError(self.env._("A receipt can only be recorded on a paid line."))
        if "survivor_id" in vals:
            self.env["ashshash.survivor"].browse(vals["survivor_id"])._get_payee_partner()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(line.disbursement_id.state != "draft" for line in self):
            raise UserError(self.env._("Lines can only be removed from a draft batch."))

    def _method_label(self):
        return dict(self._fields["payment_method"]._description_selection(self.env))[self.payment_method]

    def _prepare_move_vals(self):
        """The journal entry of one line: the expense on the donor project against the
        payment journal, made out to the case-code payee."""
        self.ensure_one()
        batch = self.disbursement_id
        campaign = batch.campaign_id
        ref = f"{batch.name} {self.survivor_code}"
        common = {"name": ref, "partner_id": self.payee_partner_id.id}
        return {
            "move_type": "entry",
            "journal_id": campaign.journal_id.id,
            "company_id": batch.company_id.id,
            "date": batch.payment_date,
            "ref": ref,
            "partner_id": self.payee_partner_id.id,
            "line_ids": [
                Command.create({
                    **common,
                    "account_id": campaign.expense_account_id.id,
                    "debit": self.amount,
                    "analytic_distribution": campaign.analytic_distribution,
                }),
                Command.create({
                    **common,
                    "account_id": campaign.journal_id.default_account_id.id,
                    "credit": self.amount,
                }),
            ],
        }
