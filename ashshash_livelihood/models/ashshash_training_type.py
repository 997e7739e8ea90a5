from odoo import fields, models

TRAINING_CATEGORIES = [
    ("life_skills", "Life skills"),
    ("leadership", "Leadership"),
    ("vocational", "Vocational / technical"),
    ("financial_literacy", "Financial literacy"),
    ("other", "Other"),
]


class AshshashTrainingType(models.Model):
    _name = "ashshash.training.type"
    _description = "Training type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, index=True,
        help="Stable code that indicators count by (e.g. LIFE_SKILLS, LEADERSHIP).",
    )
    category = fields.Selection(TRAINING_CATEGORIES, required=True, default="other", index=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another training type already has this code."),
    ]
