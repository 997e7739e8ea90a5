from odoo import fields, models

SUPPORT_CATEGORIES = [
    ("emergency", "Emergency support"),
    ("livelihood", "Livelihood"),
    ("in_kind", "In-kind"),
]


class AshshashSupportType(models.Model):
    _name = "ashshash.support.type"
    _description = "Support type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(index=True, help="Stable code for imports and indicators.")
    category = fields.Selection(
        SUPPORT_CATEGORIES, required=True, default="in_kind", index=True,
        help="Emergency support (health care, trauma counselling, shelter) counts for SUPP_EMERGENCY; "
             "livelihood and in-kind support count for SUPP_OTHER.",
    )
    requires_acknowledgement = fields.Boolean(
        help="Delivery needs the survivor's acknowledgement: a signed or thumb-printed receipt, "
             "its date and who received it.",
    )
    unit = fields.Char(help="Unit of the quantity, e.g. kit, kg, day, taka.")
    default_unit_value = fields.Float(
        string="Default unit value", help="Proposed unit value, in the company currency, when support is recorded.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another support type already has this code."),
        ("default_unit_value_positive", "CHECK(default_unit_value >= 0)", "The default unit value cannot be negative."),
    ]
