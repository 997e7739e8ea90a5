from odoo import fields, models

SERVICE_CATEGORIES = [
    ("health", "Health care"),
    ("legal", "Legal aid"),
    ("shelter", "Shelter"),
    ("trauma_counselling", "Trauma counselling"),
    ("education", "Education"),
    ("skills_training", "Skills training"),
    ("employment", "Employment"),
    ("government_grant", "Government grant or allowance"),
    ("loan", "Loan or microfinance"),
    ("identity_documents", "Identity documents"),
    ("other", "Other"),
]


class AshshashServiceType(models.Model):
    _name = "ashshash.service.type"
    _description = "Service type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    # Indicators count referrals by category, so renaming a type never breaks them.
    category = fields.Selection(SERVICE_CATEGORIES, required=True, default="other", index=True)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    provider_ids = fields.Many2many(
        "res.partner", "ashshash_provider_service_type_rel", "service_type_id", "partner_id",
        string="Providers", domain="[('is_ashshash_provider', '=', True)]",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A service type with this name already exists."),
    ]
