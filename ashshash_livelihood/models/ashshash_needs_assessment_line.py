from odoo import api, fields, models

PLAN_STATUSES = [
    ("open", "Open"),
    ("in_progress", "In progress"),
    ("met", "Met"),
]


class AshshashNeedsAssessmentLine(models.Model):
    _inherit = "ashshash.needs.assessment.line"

    support_ids = fields.One2many("ashshash.support", "need_line_id", string="Support answering it")
    enrolment_ids = fields.One2many(
        "ashshash.training.enrolment", "need_line_id", string="Trainings answering it",
    )
    plan_status = fields.Selection(
        PLAN_STATUSES, string="Need status", compute="_compute_plan_status", store=True, index=True,
        help="Met when a support answering it was delivered or a training answering it completed; "
             "in progress while one is planned or under way.",
    )
    answered_by = fields.Char(compute="_compute_answered_by")

    def _plan_answers(self):
        """What answers this need, as (label, met, in progress) tuples; extended by other modules
        (e.g. referrals)."""
        self.ensure_one()
        answers = []
        for support in self.support_ids:
            if support.state == "cancelled":
                continue
            label = f"{support.support_type_id.name} ({dict(support._fields['state'].selection)[support.state]})"
            answers.append((label, support.state == "delivered", support.state == "planned"))
        for enrolment in self.enrolment_ids:
            if enrolment.state == "dropped":
                continue
            label = f"{enrolment.training_id.name} ({dict(enrolment._fields['state'].selection)[enrolment.state]})"
            answers.append((label, enrolment.state == "completed", enrolment.state == "enrolled"))
        return answers

    @api.depends("support_ids.state", "enrolment_ids.state")
    def _compute_plan_status(self):
        for line in self:
            answers = line._plan_answers()
            if any(met for _label, met, _progress in answers):
                line.plan_status = "met"
            elif any(progress for _label, _met, progress in answers):
                line.plan_status = "in_progress"
            else:
                line.plan_status = "open"

    @api.depends("support_ids.state", "enrolment_ids.state")
    def _compute_answered_by(self):
        for line in self:
            line.answered_by = ", ".join(label for label, _met, _progress in line._plan_answers()) or False
