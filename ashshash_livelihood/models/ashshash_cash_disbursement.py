import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.ashshash_case.tools import CASE_MANAGER, FINANCE_OFFICER, check_groups, check_state

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("paid", "Paid"),
    ("cancelled", "Cancelled"),
]


class AshshashCashDisbursement(models.Model):
    _name = "ashshash.cash.disbursement"
    _description = "Emergency cash disbursement batch"
    _inherit = ["mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin"]
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
        required=True, default=fields.Date.context_today, index=True, tracking=True,
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

    @api.model
    def _workflow_fields(self):
        return {
            "name": self.env._("the batch number is given by the programme's numbering when the batch is saved."),
            "state": self.env._(
                "use the buttons of the batch: a case manager submits it, another person (a finance officer) "
                "approves and pays it; cancelling a paid batch reverses its journal entries."
            ),
            "submitted_by_id": self.env._("it is the person who pressed Submit."),
            "submitted_date": self.env._("it is the moment Submit was pressed."),
            "approved_by_id": self.env._("it is the finance officer who pressed Approve."),
            "approved_date": self.env._("it is the moment Approve was pressed."),
            "paid_by_id": self.env._("it is the finance officer who pressed Pay."),
            "paid_date": self.env._("it is the payment date of the batch when Pay was pressed."),
        }

    @api.model
    def _workflow_filled_on_create(self):
        return {"name"}

    @api.model
    def _frozen_fields(self):
        return {
            "campaign_id": self.env._("a batch stays in its campaign: propose a new batch in the other campaign."),
        }

    @api.model_create_multi
    def create(self, vals_list):
        Campaign = self.env["ashshash.cash.campaign"]
        self._workflow_number(
            vals_list, "name", "ashshash.cash.disbursement",
            lambda vals: Campaign.browse(vals.get("campaign_id")).company_id or self.env.company,
        )
        return super().create(vals_list)

    def write(self, vals):
        # The campaign is frozen (_frozen_fields); the payment date moves only while a draft.
        if "payment_date" in vals and any(
            batch.state != "draft"
            and self._workflow_value(batch, "payment_date", vals["payment_date"]) != batch.payment_date
            for batch in self
        ):
            raise UserError(self.env._("The payment date can only be changed on a draft batch."))
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
        self._write_workflow({
            "state": "submitted", "submitted_by_id": self.env.uid, "submitted_date": fields.Datetime.now(),
        })
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
        self._check_not_paid_before()
        for batch in self:
            batch._check_eligibility()
        self._write_workflow({
            "state": "approved", "approved_by_id": self.env.uid, "approved_date": fields.Datetime.now(),
        })
        return True

    def _check_not_paid_before(self):
        """A batch is paid once, ever: whatever its state says, one that was paid or whose
        lines carry a journal entry is refused (the entries would be posted twice)."""
        # sudo: the journal entries of the lines may be out of the user's reach; only their existence is used.
        paid = self.sudo().filtered(lambda batch: batch.paid_by_id or batch.paid_date or batch.line_ids.move_id)
        if paid:
            raise UserError(self.env._(
                "%(batch)s was paid already (its lines carry journal entries): a batch is paid once. "
                "To pay these survivors again, cancel it (this reverses its entries) and propose a new batch.",
                batch=paid[0].name,
            ))

    def _check_eligibility(self):
        """Every survivor of the batch is still eligible for its campaign: lines added by hand
        are checked against the campaign's rule, and a case may have moved or closed since."""
        self.ensure_one()
        campaign = self.campaign_id
        # sudo: eligibility reads the survivor's state and area, which the approver may not read otherwise.
        survivors = self.line_ids.survivor_id
        eligible = self.env["ashshash.survivor"].sudo().search(
            campaign._eligible_survivor_domain() + [("id", "in", survivors.ids)],
        )
        ineligible = survivors - eligible
        if ineligible:
            raise UserError(self.env._(
                "%(batch)s cannot be approved: %(codes)s not eligible for %(campaign)s (area or case state). "
                "Send it back to draft and remove these lines.",
                batch=self.name, codes=", ".join(ineligible.sudo().mapped("code")), campaign=campaign.name,
            ))

    def action_pay(self):
        check_groups(self.env, FINANCE_OFFICER, self.env._("pay a cash batch"))
        self._lock_for_payment()
        check_state(self, ["approved"], self.env._("paid"))
        self._check_not_paid_before()
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
        move_of = dict(zip(lines, moves, strict=True))
        lines._write_workflow_each(lambda line: {"move_id": move_of[line].id})
        self._write_workflow_each(lambda batch: {
            "state": "paid", "paid_by_id": self.env.uid, "paid_date": batch.payment_date,
        })
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
        # Whatever their state says, the entries of every line posted and not reversed yet are reversed.
        posted = self.filtered(lambda batch: batch.state == "paid" or batch.sudo().line_ids.filtered(
            lambda line: line.move_id and not line.reversal_move_id))
        if posted:
            posted._lock_for_payment()
            posted._reverse_moves()
        self._write_workflow({"state": "cancelled"})
        return True

    def _reverse_moves(self):
        lines = self.line_ids.filtered(lambda line: line.move_id and not line.reversal_move_id)
        moves = lines.move_id
        today = fields.Date.context_today(self)
        reversals = moves._reverse_moves(
            [{"date": today, "ref": self.env._("Reversal of %(ref)s", ref=move.ref)} for move in moves],
            cancel=True,
        )
        reversal_of = {reversal.reversed_entry_id: reversal for reversal in reversals}
        lines._write_workflow_each(lambda line: {"reversal_move_id": reversal_of[line.move_id].id})

    def action_draft(self):
        check_groups(self.env, CASE_MANAGER, self.env._("reset a cash batch to draft"))
        check_state(self, ["submitted"], self.env._("reset to draft"))
        self._write_workflow({"state": "draft", "submitted_by_id": False, "submitted_date": False})
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
