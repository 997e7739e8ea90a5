from odoo import api, fields, models

PLAN_STATUSES = [
    ("open", "Open"),
    ("in_progress", "In progress"),
    ("met", "Met"),
]

# Referral service categories (ashshash.service.type) that answer each need domain.
NEED_REFERRAL_CATEGORIES = {
    "health": ("health",),
    "legal": ("legal",),
    "shelter": ("shelter",),
    "psychosocial": ("trauma_counselling",),
    "economic": ("employment", "loan", "government_grant", "skills_training"),
    "education": ("education", "skills_training"),
}
# A referral answers the need once the provider accepted it (or it was completed, or
# closed after the service was received); while sent it is in progress.
REFERRAL_MET_STATES = ("accepted", "completed")


class AshshashNeedsAssessmentLine(models.Model):
    _inherit = "ashshash.needs.assessment.line"

    support_ids = fields.One2many("ashshash.support", "need_line_id", string="Support answering it")
    enrolment_ids = fields.One2many(
        "ashshash.training.enrolment", "need_line_id", string="Trainings answering it",
    )
    plan_status = fields.Selection(
        PLAN_STATUSES, string="Need status", compute="_compute_plan_status", store=True, index=True,
        help="Met when a support answering it was delivered, a training answering it completed or a "
             "referral for a service of its domain accepted or completed; in progress while one is planned, "
             "under way or sent.",
    )
    answered_by = fields.Char(compute="_compute_answered_by")

    def _plan_answers(self):
        """What answers this need, as (label, met, in progress) tuples: support linked to it, trainings
        linked to it and the survivor's referrals for a service of the need's domain."""
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
        categories = NEED_REFERRAL_CATEGORIES.get(self.need_domain, ())
        referral_states = dict(self.env["ashshash.referral"]._fields["state"].selection)
        referrals = self.survivor_id.referral_ids.filtered(lambda r: r.service_category in categories)
        for referral in referrals:
            met = referral.state in REFERRAL_MET_STATES or (referral.state == "closed" and bool(referral.service_date))
            in_progress = referral.state == "sent"
            if not (met or in_progress):
                continue  # a draft, a rejection, or closed without the service
            label = self.env._(
                "Referral for %(service)s (%(state)s)",
                service=referral.service_type_id.name, state=referral_states[referral.state],
            )
            answers.append((label, met, in_progress))
        return answers

    @api.depends(
        "support_ids.state", "enrolment_ids.state", "need_domain", "survivor_id.referral_ids.state",
        "survivor_id.referral_ids.service_category", "survivor_id.referral_ids.service_date",
    )
    def _compute_plan_status(self):
        for line in self:
            answers = line._plan_answers()
            if any(met for _label, met, _progress in answers):
                line.plan_status = "met"
            elif any(progress for _label, _met, progress in answers):
                line.plan_status = "in_progress"
            else:
                line.plan_status = "open"

    @api.depends(
        "support_ids.state", "enrolment_ids.state", "need_domain", "survivor_id.referral_ids.state",
        "survivor_id.referral_ids.service_category", "survivor_id.referral_ids.service_date",
    )
    def _compute_answered_by(self):
        for line in self:
            line.answered_by = ", ".join(label for label, _met, _progress in line._plan_answers()) or False
