from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ashshash_referral_no_answer_days = fields.Integer(
        string="Referral: days without an answer",
        config_parameter="ashshash_case.referral_no_answer_days",
        default=7,
        help="A sent referral the provider has not accepted or rejected after this many days gets an "
             "activity for the case worker.",
    )
