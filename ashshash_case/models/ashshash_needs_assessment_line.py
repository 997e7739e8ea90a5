from odoo import fields, models

from ..tools import SENSITIVE
from .ashshash_needs_assessment import NEED_DOMAINS

LEVELS = [("none", "None"), ("low", "Low"), ("medium", "Medium"), ("high", "High")]


class AshshashNeedsAssessmentLine(models.Model):
    _name = "ashshash.needs.assessment.line"
    _description = "Need found in an assessment"
    _inherit = ["ashshash.need.to.know.mixin"]
    _order = "assessment_id, id"

    assessment_id = fields.Many2one(
        "ashshash.needs.assessment", required=True, index=True, ondelete="cascade",
    )
    survivor_id = fields.Many2one(related="assessment_id.survivor_id", store=True, index=True)
    company_id = fields.Many2one(related="assessment_id.company_id", store=True, index=True)
    need_domain = fields.Selection(NEED_DOMAINS, required=True, index=True)
    level = fields.Selection(LEVELS, required=True, default="none", index=True)
    notes = fields.Text(groups=SENSITIVE)

    _sql_constraints = [
        ("need_domain_uniq", "unique(assessment_id, need_domain)", "Each need domain appears once per assessment."),
    ]

    def _compute_display_name(self):
        domains = dict(NEED_DOMAINS)
        levels = dict(LEVELS)
        for line in self:
            line.display_name = f"{domains.get(line.need_domain, '')}: {levels.get(line.level, '')}"
