import psycopg2

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ashshash_case.tools import CASE_MANAGER, FINANCE_OFFICER, check_groups, check_state

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]

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


class AshshashCashDisbursement(models.Model):
    _name = "ashshash.cash.disbursement"
    _description = "Emergency cash disbursement batch"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "payment_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number", required=True, copy=False, readonly=True, index=True,
        default=lambda self: self.env._("New"),
    )
    campaign_id = fields.Many2one(
        "ashshash.cash.campaign", required=True, index=True, tracking=True, check_company=True,
        domain="[('state', '=', 'open')]",
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True, precompute=True)
    currency_id = fields.Many2one(related="campaign_id.currency_id")
    state = fields.Selection(STATES, default="draft", required=True, index=True, tracking=True, copy=False)
    payment_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True,
        help="Day the cash is handed over or sent; the date of the journal entries.",
    )
    line_ids = fields.One2many("ashshash.cash.disbursement.line", "disbursement_id", string="Lines")
    line_count = fields.Integer(compute="_compute_totals", store=True)
    amount_total = fields.Monetary(compute="_compute_totals", store=True)
    received_count = fields.Integer(compute="_compute_received_count")
    note = fields.Text()

    submitted_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    submitted_date = fields.Datetime(readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    approved_date = fields.Datetime(readonly=True, copy=False)
    paid_by_id = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    paid_date = fields.Date(readonly=True, copy=False, index=True)
    cancel_reason = fields.Text(copy=False, tracking=True)

    move_ids = fields.Many2many("account.move", compute="_compute_move_ids", string="Journal entries")
    move_count = fields.Integer(compute="_compute_move_ids")

    @api.depends("line_ids.amount")
    def _compute_totals(self):
        for batch in self:
            batch.line_count = len(batch.line_ids)
            batch.amount_total = sum(batch.line_ids.mapped("amount"))

    @api.depends("line_ids.received_date")
    def _compute_received_count(self):
        for batch in self:
            batch.received_count = len(batch.line_ids.filtered("received_date"))

    @api.depends("line_ids.move_id", "line_ids.reversal_move_id")
    def _compute_move_ids(self):
        for batch in self:
            batch.move_ids = batch.line_ids.move_id | batch.line_ids.reversal_move_id
            batch.move_count = len(batch.move_ids)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                campaign = self.env["ashshash.cash.campaign"].browse(vals.get("campaign_id"))
                company = campaign.company_id or self.env.company
                vals["name"] = self.env["ir.sequence"].with_company(company).next_by_code(
                    "ashshash.cash.disbursement") or "/"
        return super().create(vals_list)

    def write(self, vals):
        if {"campaign_id", "payment_date"} & set(vals) and any(batch.state != "draft" for batch in self):
            raise UserError(self.env._("The campaign and payment date can only be changed on a draft batch."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(batch.state not in ("draft", "cancelled") or batch.move_ids for batch in self):
            raise UserError(self.env._("Only draft batches, or cancelled ones never paid, can be deleted."))

    # ------------------------------------------------------------------
    # Guards shared by the workflow buttons
    # ------------------------------------------------------------------
    def _lock_for_payment(self):
        """Lock the batch rows so that two finance officers pressing Pay at the same moment
        produce one set of entries: the second one is refused instead of waiting."""
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM ashshash_cash_disbursement WHERE id IN %s FOR UPDATE NOWAIT", [tuple(self.ids)],
                    log_exceptions=False,
                )
        except psycopg2.errors.LockNotAvailable:
            raise UserError(self.env._(
                "This batch is being paid by someone else right now. Reload it in a moment.",
            )) from None
        # What was read before the lock may be stale: read the state again.
        self.invalidate_recordset(["state"])

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------
    def action_submit(self):
        check_groups(self.env, CASE_MANAGER, self.env._("submit a cash batch"))
        check_state(self, ["draft"], self.env._("submitted"))
        for batch in self:
            batch._check_submittable()
        self.write({"state": "submitted", "submitted_by_id": self.env.uid, "submitted_date": fields.Datetime.now()})
        return True

    def _check_submittable(self):
        """Every problem of the batch in one message, line by line."""
        self.ensure_one()
        campaign = self.campaign_id
        if campaign.state != "open":
            raise UserError(self.env._("The campaign %(campaign)s is not open.", campaign=campaign.name))
        if not self.line_ids:
            raise UserError(self.env._("Add the survivors to pay before submitting %(batch)s.", batch=self.name))
        elsewhere = self.env["ashshash.cash.disbursement.line"].search([
            ("campaign_id", "=", campaign.id),
            ("state", "in", ("submitted", "approved", "paid")),
            ("disbursement_id", "!=", self.id),
            ("survivor_id", "in", self.line_ids.survivor_id.ids),
        ])
        batch_of = {line.survivor_id: line.disbursement_id.name for line in elsewhere}
        problems = []
        seen = set()
        for line in self.line_ids:
            code = line.survivor_code
            if line.survivor_id in seen:
                problems.append(self.env._("%(code)s appears twice in this batch.", code=code))
            seen.add(line.survivor_id)
            if line.survivor_id in batch_of:
                problems.append(self.env._("%(code)s is already in batch %(batch)s of this campaign.",
                                           code=code, batch=batch_of[line.survivor_id]))
            if line.amount <= 0:
                problems.append(self.env._("%(code)s: the amount must be above zero.", code=code))
            if line.payment_method != "cash" and not line.bank_account_id:
                problems.append(self.env._("%(code)s: enter the account or wallet number for %(method)s.",
                                           code=code, method=line._method_label()))
        if not campaign.date_start <= self.payment_date <= campaign.date_end:
            problems.append(self.env._(
                "The payment date %(date)s is outside the campaign period %(start)s - %(end)s.",
                date=self.payment_date, start=campaign.date_start, end=campaign.date_end,
            ))
        if self.amount_total > campaign.budget_remaining:
            problems.append(self.env._(
                "The batch total %(total)s is over the %(remaining)s left in the budget of %(campaign)s.",
                total=self.amount_total, remaining=campaign.budget_remaining, campaign=campaign.name,
            ))
        if problems:
            raise UserError(self.env._("%(batch)s cannot be submitted:\n%(problems)s",
                                       batch=self.name, problems="\n".join(f"- {p}" for p in problems)))

    def action_approve(self):
        check_groups(self.env, FINANCE_OFFICER, self.env._("approve a cash batch"))
        check_state(self, ["submitted"], self.env._("approved"))
        own = self.filtered(lambda batch: batch.submitted_by_id == self.env.user)
        if own:
            raise UserError(self.env._(
                "You submitted %(batches)s: another finance officer must approve it.",
                batches=", ".join(own.mapped("name")),
            ))
        self.write({"state": "approved", "approved_by_id": self.env.uid, "approved_date": fields.Datetime.now()})
        return True

    def action_pay(self):
        check_groups(self.env, FINANCE_OFFICER, self.env._("pay a cash batch"))
        self._lock_for_payment()
        check_state(self, ["approved"], self.env._("paid"))
        for batch in self:
            campaign = batch.campaign_id
            if campaign.state != "open":
                raise UserError(self.env._("The campaign %(campaign)s is not open.", campaign=campaign.name))
            if not campaign.journal_id.default_account_id or not campaign.expense_account_id:
                raise UserError(self.env._(
                    "Set the payment journal (with its default account) and the expense account of %(campaign)s.",
                    campaign=campaign.name,
                ))
        lines = self.line_ids
        moves = self.env["account.move"].create([line._prepare_move_vals() for line in lines])
        moves.action_post()
        for line, move in zip(lines, moves):
            line.move_id = move
        for batch in self:
            batch.write({"state": "paid", "paid_by_id": self.env.uid, "paid_date": batch.payment_date})
        return True

    def action_cancel(self):
        check_state(self, ["draft", "submitted", "approved", "paid"], self.env._("cancelled"))
        if self.filtered(lambda batch: batch.state in ("approved", "paid")):
            check_groups(self.env, FINANCE_OFFICER, self.env._("cancel an approved or paid cash batch"))
        else:
            check_groups(self.env, (CASE_MANAGER, FINANCE_OFFICER), self.env._("cancel a cash batch"))
        missing = self.filtered(lambda batch: not (batch.cancel_reason or "").strip())
        if missing:
            raise UserError(self.env._("Give the reason for cancelling %(batches)s.",
                                       batches=", ".join(missing.mapped("name"))))
        paid = self.filtered(lambda batch: batch.state == "paid")
        if paid:
            paid._lock_for_payment()
            paid._reverse_moves()
        self.write({"state": "cancelled"})
        return True

    def _reverse_moves(self):
        lines = self.line_ids.filtered("move_id")
        moves = lines.move_id
        today = fields.Date.context_today(self)
        reversals = moves._reverse_moves(
            [{"date": today, "ref": self.env._("Reversal of %(ref)s", ref=move.ref)} for move in moves],
            cancel=True,
        )
        reversal_of = {reversal.reversed_entry_id: reversal for reversal in reversals}
        for line in lines:
            line.reversal_move_id = reversal_of[line.move_id]

    def action_draft(self):
        check_groups(self.env, CASE_MANAGER, self.env._("reset a cash batch to draft"))
        check_state(self, ["submitted"], self.env._("reset to draft"))
        self.write({"state": "draft", "submitted_by_id": False, "submitted_date": False})
        return True

    # ------------------------------------------------------------------
    # Buttons
    # ------------------------------------------------------------------
    def action_add_eligible(self):
        """Add every eligible survivor of the campaign who is in no batch of it yet."""
        self.ensure_one()
        check_state(self, ["draft"], self.env._("changed"))
        campaign = self.campaign_id
        if campaign.state != "open":
            raise UserError(self.env._("The campaign %(campaign)s is not open.", campaign=campaign.name))
        taken = self.env["ashshash.cash.disbursement.line"].search([
            ("campaign_id", "=", campaign.id), ("state", "!=", "cancelled"),
        ]).survivor_id | self.line_ids.survivor_id
        survivors = self.env["ashshash.survivor"].search(
            campaign._eligible_survivor_domain() + [("id", "not in", taken.ids)], order="code",
        )
        if not survivors:
            raise UserError(self.env._(
                "Every eligible survivor of %(campaign)s is already in one of its batches.", campaign=campaign.name,
            ))
        self.env["ashshash.cash.disbursement.line"].create([
            {"disbursement_id": self.id, "survivor_id": survivor.id} for survivor in survivors
        ])
        return True

    def action_view_moves(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_journal_line")
        action.update({"domain": [("id", "in", self.move_ids.ids)], "context": {"default_move_type": "entry"}})
        return action

    def action_import_receipts(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Import wallet receipts"),
            "res_model": "ashshash.cash.receipt.import.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_disbursement_id": self.id},
        }


class AshshashCashDisbursementLine(models.Model):
    _name = "ashshash.cash.disbursement.line"
    _description = "Emergency cash line"
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
        domain="[('partner_id', '=', payee_partner_id)]",
    )
    account_number = fields.Char(
        string="Account / wallet number", compute="_compute_account_number", inverse="_inverse_account_number",
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
        for line, line_sudo in zip(self, self.sudo()):
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


class AshshashSurvivor(models.Model):
    _inherit = "ashshash.survivor"

    payee_partner_id = fields.Many2one(
        "res.partner", string="Cash payee", readonly=True, copy=False, index="btree_not_null",
        help="Partner named by the case code, used for cash payments in Accounting.",
    )
    cash_line_ids = fields.One2many("ashshash.cash.disbursement.line", "survivor_id", string="Emergency cash")
    cash_line_count = fields.Integer(compute="_compute_cash_line_count")

    def _compute_cash_line_count(self):
        if not self.env["ashshash.cash.disbursement.line"].has_access("read"):
            self.cash_line_count = 0
            return
        counts = self._counts_by_survivor("ashshash.cash.disbursement.line", [("state", "!=", "cancelled")])
        for survivor in self:
            survivor.cash_line_count = counts.get(survivor, 0)

    def _get_payee_partner(self):
        """The payee partner of each survivor, created on first payment. Named by the case
        code so that Accounting never shows the survivor's name."""
        missing = self.filtered(lambda survivor: not survivor.payee_partner_id)
        if missing:
            # sudo: the payee partner holds only the case code and payment details; case
            # managers and finance officers need it but may not create contacts or edit cases.
            partners = self.env["res.partner"].sudo().create([{
                "name": survivor.code,
                "ref": survivor.code,
                "company_id": survivor.company_id.id,
            } for survivor in missing])
            # sudo: linking the payee is no edit of the case file the user could otherwise make.
            for survivor, partner in zip(missing.sudo(), partners):
                survivor.payee_partner_id = partner
        return self.payee_partner_id

    def action_view_cash_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ashshash_livelihood.ashshash_cash_disbursement_line_action",
        )
        action["domain"] = [("survivor_id", "=", self.id)]
        return action
