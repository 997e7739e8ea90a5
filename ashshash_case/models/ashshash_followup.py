from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import SENSITIVE

FOLLOWUP_METHODS = [
    ("home_visit", "Home visit"),
    ("phone", "Phone"),
    ("office", "Office"),
]
PRESENT_STATUSES = [
    ("with_family", "Living with family"),
    ("employed", "Employed"),
    ("self_employed", "Self-employed"),
    ("in_training", "In training"),
    ("unemployed", "Unemployed"),
    ("migrated_again", "Migrated again"),
    ("unreachable", "Unreachable"),
    ("other", "Other"),
]


class AshshashFollowup(models.Model):
    _name = "ashshash.followup"
    _description = "Follow-up contact"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "ashshash.who5.mixin",
        "ashshash.workflow.mixin", "ashshash.need.to.know.mixin",
    ]
    _order = "date desc, id desc"

    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade", tracking=True,
    )
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    method = fields.Selection(FOLLOWUP_METHODS, required=True, default="home_visit", tracking=True)
    user_id = fields.Many2one(
        "res.users", string="By", required=True, index=True, default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    present_status = fields.Selection(PRESENT_STATUSES, required=True, index=True, tracking=True)
    risk_retrafficking = fields.Boolean("Risk of re-trafficking", tracking=True)
    risk_health = fields.Boolean("Health risk", tracking=True)
    risk_family_conflict = fields.Boolean("Family conflict", tracking=True)
    risk_financial = fields.Boolean("Financial distress", tracking=True)
    risk_count = fields.Integer(compute="_compute_risk_count", store=True, string="Risks")
    notes = fields.Html(groups=SENSITIVE)
    next_date = fields.Date(
        string="Next follow-up", tracking=True,
        help="Schedules a to-do for the survivor's responsible case worker on that day.",
    )
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True, string="Union / village")

    @api.depends("risk_retrafficking", "risk_health", "risk_family_conflict", "risk_financial")
    def _compute_risk_count(self):
        for followup in self:
            followup.risk_count = sum([
                followup.risk_retrafficking, followup.risk_health,
                followup.risk_family_conflict, followup.risk_financial,
            ])

    def _compute_display_name(self):
        for followup in self:
            followup.display_name = f"{followup.survivor_id.code} · {followup.date}"

    @api.model
    def _frozen_fields(self):
        return {"survivor_id": self.env._(
            "a follow-up stays in the case of the person met; record a new follow-up in the right case."
        )}

    @api.constrains("date", "next_date")
    def _check_dates(self):
        today = fields.Date.context_today(self)
        for followup in self:
            if followup.date > today:
                raise ValidationError(self.env._(
                    "A follow-up records a contact that took place: its date cannot be in the future. "
                    "Use 'Next follow-up' to plan one."
                ))
            if followup.next_date and followup.next_date <= followup.date:
                raise ValidationError(self.env._("The next follow-up must come after this one."))

    @api.model_create_multi
    def create(self, vals_list):
        followups = super().create(vals_list)
        survivors = followups.survivor_id
        survivors._close_followup_activities()
        survivors._clear_dropout_risk()
        followups._schedule_next_followup()
        return followups

    def write(self, vals):
        res = super().write(vals)
        if "next_date" in vals:
            self._schedule_next_followup()
        return res

    def _schedule_next_followup(self):
        """One open 'follow-up due' to-do per survivor, on the latest next date."""
        activity_type = self.env.ref("ashshash_case.mail_activity_type_followup_due")
        for followup in self.filtered("next_date"):
            survivor = followup.survivor_id
            latest = max(survivor.followup_ids.mapped("date"))
            if followup.date < latest:
                continue  # an older contact does not plan the next one
            activity = survivor.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
            if activity:
                activity[:1].date_deadline = followup.next_date
            else:
                survivor.activity_schedule(
                    activity_type_id=activity_type.id,
                    date_deadline=followup.next_date,
                    user_id=(survivor.user_id or self.env.user).id,
                    summary=self.env._("Follow up %(code)s", code=survivor.code),
                )
