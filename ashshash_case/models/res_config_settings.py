from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    ashshash_duplicate_age_tolerance = fields.Integer(
        string="Duplicate check: age tolerance (years)",
        config_parameter="ashshash_case.duplicate_age_tolerance",
        default=2,
        help="Two survivors with the same name in the same union are possible duplicates "
             "when their ages differ by at most this many years.",
    )

    # Counselling
    ashshash_certificate_min_sessions = fields.Integer(
        string="Minimum individual sessions",
        config_parameter="ashshash_case.certificate_min_sessions",
        default=6,
        help="Done individual counselling sessions needed before a ready-to-go certificate is issued.",
    )
    # No field default: the parameter is seeded to True by data, and unticking
    # deletes it, which must read as False.
    ashshash_certificate_who5_required = fields.Boolean(
        string="WHO-5 at start and end",
        config_parameter="ashshash_case.certificate_who5_required",
        help="A WHO-5 Well-Being Index must be recorded at the start and at the end of counselling.",
    )
    ashshash_certificate_min_end_score = fields.Integer(
        string="Minimum WHO-5 at the end (%)",
        config_parameter="ashshash_case.certificate_min_end_score",
        help="0 = no minimum.",
    )
    ashshash_certificate_min_improvement = fields.Integer(
        string="Minimum WHO-5 improvement (points)",
        config_parameter="ashshash_case.certificate_min_improvement",
        help="Percentage points between the first and the latest WHO-5. 0 = no minimum.",
    )
    ashshash_dropout_threshold_days = fields.Integer(
        string="Days without contact before dropout warning",
        config_parameter="ashshash_case.dropout_threshold_days",
        default=60,
    )

    # Referrals
    ashshash_referral_no_answer_days = fields.Integer(
        string="Referral: days without an answer",
        config_parameter="ashshash_case.referral_no_answer_days",
        default=7,
        help="A sent referral the provider has not accepted or rejected after this many days gets an "
             "activity for the case worker.",
    )

    @api.constrains(
        "ashshash_certificate_min_sessions", "ashshash_certificate_min_end_score",
        "ashshash_certificate_min_improvement", "ashshash_dropout_threshold_days",
    )
    def _check_ashshash_counselling_settings(self):
        for settings in self:
            if settings.ashshash_certificate_min_sessions < 1:
                raise ValidationError(self.env._("At least one individual session is needed for a certificate."))
            if not 0 <= settings.ashshash_certificate_min_end_score <= 100:
                raise ValidationError(self.env._("The minimum WHO-5 at the end is a percentage from 0 to 100."))
            if not 0 <= settings.ashshash_certificate_min_improvement <= 100:
                raise ValidationError(self.env._("The minimum WHO-5 improvement is from 0 to 100 points."))
            if settings.ashshash_dropout_threshold_days < 1:
                raise ValidationError(self.env._("The dropout threshold must be at least one day."))
