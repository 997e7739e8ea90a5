from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ashshash_case.tools import CASE_MANAGER, SENSITIVE, check_state

SUPPORT_STATES = [
    ("planned", "Planned"),
    ("delivered", "Delivered"),
    ("cancelled", "Cancelled"),
]

# Fields the mail thread writes on its own (e.g. when a receipt is posted in the
# chatter): they never change what was delivered.
LOCK_EXEMPT_FIELDS = {"message_main_attachment_id"}
# What delivery needs when the support type requires an acknowledgement of receipt.
ACKNOWLEDGEMENT_FIELDS = {"acknowledgement", "acknowledgement_date", "received_by", "support_type_id"}


class AshshashSupport(models.Model):
    _name = "ashshash.support"
    _description = "Support given to a survivor"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin",
        "ashshash.need.to.know.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade", tracking=True,
    )
    support_type_id = fields.Many2one(
        "ashshash.support.type", string="Support type", required=True, index=True, ondelete="restrict",
        tracking=True,
    )
    category = fields.Selection(related="support_type_id.category", store=True, index=True)
    requires_acknowledgement = fields.Boolean(related="support_type_id.requires_acknowledgement")
    state = fields.Selection(
        SUPPORT_STATES, default="planned", required=True, index=True, tracking=True, copy=False,
    )
    date = fields.Date(
        string="Planned date", required=True, default=fields.Date.context_today, index=True, tracking=True,
    )
    delivery_date = fields.Date(index=True, tracking=True, copy=False)
    quantity = fields.Float(default=1.0, required=True, tracking=True, digits="Product Unit of Measure")
    unit = fields.Char(related="support_type_id.unit")
    unit_value = fields.Monetary(
        compute="_compute_unit_value", store=True, readonly=False, precompute=True, tracking=True,
    )
    total_value = fields.Monetary(compute="_compute_total_value", store=True, tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)

    # Who provided it
    provided_by = fields.Selection(
        [("programme", "The programme"), ("partner", "A contributing partner")],
        required=True, default="programme", tracking=True,
    )
    contributor_id = fields.Many2one(
        "res.partner", index=True, tracking=True,
        help="The partner (e.g. a company donating goods) who contributed this support.",
    )
    is_contribution = fields.Boolean(compute="_compute_is_contribution", store=True, index=True)

    need_line_id = fields.Many2one(
        "ashshash.needs.assessment.line", string="Need answered", index=True, ondelete="set null",
        domain="[('survivor_id', '=', survivor_id), ('level', 'in', ('medium', 'high'))]",
        help="The need of the survivor's assessment that this support answers.",
    )
    referral_id = fields.Many2one(
        "ashshash.referral", string="From referral", index=True, ondelete="set null", tracking=True,
        domain="[('survivor_id', '=', survivor_id)]",
        help="The referral of this survivor that this support came from (e.g. a provider's service).",
    )

    # Acknowledgement of receipt (the survivor's signature or thumbprint): need to know.
    acknowledgement = fields.Binary(attachment=True, groups=SENSITIVE, copy=False)
    acknowledgement_name = fields.Char(groups=SENSITIVE, copy=False)
    acknowledgement_date = fields.Date(tracking=True, copy=False)
    received_by = fields.Char(
        groups=SENSITIVE, tracking=True, copy=False,
        help="Who received the support: the survivor or a named family member.",
    )
    note = fields.Text(groups=SENSITIVE)
    cancel_reason = fields.Char(tracking=True, copy=False, groups=SENSITIVE)

    # Stored for indicators (SUPP_EMERGENCY, SUPP_CONTRIBUTED, SUPP_OTHER) and reports.
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True)

    @api.depends("support_type_id")
    def _compute_unit_value(self):
        for support in self:
            if not support.unit_value:
                support.unit_value = support.support_type_id.default_unit_value

    @api.depends("quantity", "unit_value")
    def _compute_total_value(self):
        for support in self:
            support.total_value = support.currency_id.round(support.quantity * support.unit_value) \
                if support.currency_id else support.quantity * support.unit_value

    @api.depends("provided_by", "contributor_id")
    def _compute_is_contribution(self):
        for support in self:
            support.is_contribution = support.provided_by == "partner" and bool(support.contributor_id)

    def _compute_display_name(self):
        # Never the survivor's name: display names are computed as superuser.
        for support in self:
            support.display_name = f"{support.survivor_id.code} · {support.support_type_id.name or ''}"

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("quantity", "unit_value")
    def _check_amounts(self):
        for support in self:
            if support.quantity <= 0:
                raise ValidationError(self.env._(
                    "The quantity of %(type)s for %(code)s must be positive (got %(qty)s).",
                    type=support.support_type_id.name, code=support.survivor_id.code, qty=support.quantity,
                ))
            if support.unit_value < 0:
                raise ValidationError(self.env._(
                    "The unit value of %(type)s for %(code)s cannot be negative.",
                    type=support.support_type_id.name, code=support.survivor_id.code,
                ))

    @api.constrains("delivery_date", "acknowledgement_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for support in self:
            if support.delivery_date and support.delivery_date > today:
                raise ValidationError(self.env._(
                    "The delivery date %(date)s is in the future: record the delivery on the day it happened.",
                    date=support.delivery_date,
                ))
            if support.acknowledgement_date and support.acknowledgement_date > today:
                raise ValidationError(self.env._("An acknowledgement cannot be dated in the future."))

    @api.constrains("provided_by", "contributor_id")
    def _check_contributor(self):
        for support in self:
            if support.provided_by == "partner" and not support.contributor_id:
                raise ValidationError(self.env._(
                    "Name the contributing partner who provided this %(type)s.", type=support.support_type_id.name,
                ))

    @api.constrains("need_line_id", "survivor_id")
    def _check_need_line(self):
        for support in self:
            if support.need_line_id and support.need_line_id.survivor_id != support.survivor_id:
                raise ValidationError(self.env._(
                    "The need answered must come from an assessment of %(code)s.", code=support.survivor_id.code,
                ))

    @api.constrains("referral_id", "survivor_id")
    def _check_referral(self):
        for support in self:
            if support.referral_id and support.referral_id.survivor_id != support.survivor_id:
                raise ValidationError(self.env._(
                    "The referral this support came from must be a referral of %(code)s.",
                    code=support.survivor_id.code,
                ))

    @api.constrains("survivor_id", "state")
    def _check_survivor_in_programme(self):
        for support in self:
            if support.state != "cancelled" and support.survivor_id.state == "identified":
                raise ValidationError(self.env._(
                    "Enrol %(code)s (with a services consent) before recording support.",
                    code=support.survivor_id.code,
                ))

    @api.onchange("provided_by")
    def _onchange_provided_by(self):
        if self.provided_by == "programme":
            self.contributor_id = False

    # ------------------------------------------------------------------
    # Delivered support is locked
    # ------------------------------------------------------------------
    def _check_unlocked(self, vals=None):
        if self.env.su or self.env.user.has_group(CASE_MANAGER):
            return
        if vals is not None and not set(vals) - LOCK_EXEMPT_FIELDS:
            return
        locked = self.filtered(lambda s: s.state == "delivered")
        if locked:
            raise UserError(self.env._(
                "The %(type)s delivered to %(code)s is locked: ask a case manager to correct it.",
                type=locked[0].support_type_id.name, code=locked[0].survivor_id.code,
            ))

    @api.model
    def _workflow_fields(self):
        return {
            "state": self.env._(
                "use the Deliver button (a type that requires it needs the acknowledgement of receipt "
                "first), Cancel or Plan again."
            ),
        }

    @api.model
    def _frozen_fields(self):
        return {
            "survivor_id": self.env._("support stays with its survivor: record it again for the other survivor."),
        }

    def write(self, vals):
        self._check_unlocked(vals)
        result = super().write(vals)
        if not self.env.su and ACKNOWLEDGEMENT_FIELDS & vals.keys():
            # Delivered support keeps the acknowledgement its type requires, whoever corrects it.
            self.filtered(lambda s: s.state == "delivered")._check_acknowledged()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_delivered(self):
        self._check_unlocked()

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def action_deliver(self):
        today = fields.Date.context_today(self)
        self._check_can_deliver()
        self._write_workflow_each(lambda support: {
            "state": "delivered", "delivery_date": support.delivery_date or today,
        })
        return True

    def _check_can_deliver(self):
        today = fields.Date.context_today(self)
        check_state(self, ["planned"], self.env._("delivered"))
        for support in self:
            if support.delivery_date and support.delivery_date > today:
                raise UserError(self.env._(
                    "The delivery date %(date)s is in the future: deliver on or after that day.",
                    date=support.delivery_date,
                ))
        self._check_acknowledged()

    def _check_acknowledged(self):
        # sudo: the receipt itself is need-to-know; only whether it is there is checked.
        for support, support_sudo in zip(self, self.sudo(), strict=True):
            if support_sudo.support_type_id.requires_acknowledgement and not (
                support_sudo.acknowledgement and support_sudo.acknowledgement_date and support_sudo.received_by
            ):
                raise UserError(self.env._(
                    "The %(type)s for %(code)s needs an acknowledgement of receipt: attach the signed or "
                    "thumb-printed receipt, and fill in its date and who received it, then deliver.",
                    type=support.support_type_id.name, code=support.survivor_id.code,
                ))

    def action_cancel(self):
        check_state(self, ["planned", "delivered"], self.env._("cancelled"))
        self._check_unlocked({"state": "cancelled"})
        self._write_workflow({"state": "cancelled"})
        return True

    def action_draft(self):
        check_state(self, ["cancelled"], self.env._("planned again"))
        self._write_workflow({"state": "planned", "delivery_date": False})
        return True
