from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ashshash_duplicate_age_tolerance = fields.Integer(
        string="Duplicate check: age tolerance (years)",
        config_parameter="ashshash_case.duplicate_age_tolerance",
        default=2,
        help="Two survivors with the same name in the same union are possible duplicates "
             "when their ages differ by at most this many years.",
    )
