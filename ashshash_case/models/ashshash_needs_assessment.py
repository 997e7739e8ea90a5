from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import CASE_MANAGER, SENSITIVE, check_groups, check_state

NEED_DOMAINS = [
    ("psychosocial", "Psychosocial"),
    ("health", "Health"),
    ("economic", "Economic"),
    ("legal", "Legal"),
    ("shelter", "Shelter"),
    ("education", "Education and skills"),
    ("family", "Family and social"),
]


class AshshashNeedsAssessment(models.Model):
    _name = "ashshash.needs.assessment"
    _description = "Needs assessment"
    _inherit = ["mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "date desc, id desc"

    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade", tracking=True,
    )
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    date = fields.Date(required=True, default=fields.Date.context_today, index=True, tracking=True)
    assessor_id = fields.Many2one("res.users", default=lambda self: self.env.user, required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True, index=True, tracking=True,
    )
    line_ids = fields.One2many(
        "ashshash.needs.assessment.line", "assessment_id", string="Needs",
        default=lambda self: [fields.Command.create({"need_domain": key}) for key, _label in NEED_DOMAINS],
    )
    high_need_count = fields.Integer(compute="_compute_need_counts", store=True)
    medium_need_count = fields.Integer(compute="_compute_need_counts", store=True)
    summary = fields.Html(groups=SENSITIVE)
    # Stored for reports: the survivor's gender and area at the time of reporting.
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True)

    @api.model
    def _workflow_fields(self):
        return {"state": self.env._(
            "use the Mark done button (the survivor must be enrolled); only a case manager can reset it to draft."
        )}

    @api.model
    def _frozen_fields(self):
        return {"survivor_id": self.env._("an assessment stays in the case it was made for; make a new one instead.")}

    @api.depends("line_ids.level")
    def _compute_need_counts(self):
        for assessment in self:
            levels = assessment.line_ids.mapped("level")
            assessment.high_need_count = levels.count("high")
            assessment.medium_need_count = levels.count("medium")

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for assessment in self:
            if assessment.date > today:
                raise ValidationError(self.env._("An assessment cannot be dated in the future."))

    def _compute_display_name(self):
        for assessment in self:
            assessment.display_name = f"{assessment.survivor_id.code} · {assessment.date}"

    def action_done(self):
        check_state(self, ["draft"], self.env._("marked done"))
        for assessment in self:
            if assessment.survivor_id.state == "identified":
                raise UserError(self.env._(
                    "Enrol %(code)s (with a services consent) before completing a needs assessment.",
                    code=assessment.survivor_id.code,
                ))
            if not assessment.line_ids:
                raise UserError(self.env._("Rate at least one need domain before marking the assessment done."))
        self._write_workflow({"state": "done"})
        self.survivor_id._advance_state("assessed")
        return True

    def action_draft(self):
        # The button is shown to case managers only; the same rule holds for RPC calls.
        check_groups(self.env, CASE_MANAGER, self.env._("reset a done needs assessment to draft"))
        check_state(self, ["done"], self.env._("reset to draft"))
        self._write_workflow({"state": "draft"})
        return True
