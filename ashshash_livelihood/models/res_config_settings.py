from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ashshash_training_min_attendance = fields.Integer(
        string="Training completion: minimum attendance (%)",
        config_parameter="ashshash_livelihood.training_min_attendance",
        default=80,
        help="A participant completes a training only when they attended at least this share of its days.",
    )
