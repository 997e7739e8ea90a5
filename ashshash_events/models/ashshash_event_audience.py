from odoo import api, fields, models
from odoo.exceptions import ValidationError

AUDIENCE_CATEGORIES = [
    ("students", "Students"),
    ("teachers", "Teachers"),
    ("ctc_members", "CTC members"),
    ("up_chair_members", "Union Parishad chair and members"),
    ("journalists", "Journalists"),
    ("police", "Police"),
    ("government_officers", "Government officers"),
    ("youths", "Youths"),
    ("cbo_members", "CBO members"),
    ("imams", "Imams"),
    ("ctip_activists", "CTIP activists"),
    ("service_providers", "Service providers"),
    ("community_people", "Community people"),
]


class AshshashEventAudience(models.Model):
    _name = "ashshash.event.audience"
    _inherit = ["ashshash.event.locked.line.mixin"]
    _description = "Audience of a community event"
    _order = "event_id, id"

    event_id = fields.Many2one("ashshash.event", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="event_id.company_id", store=True, index=True)
    category = fields.Selection(AUDIENCE_CATEGORIES, string="Audience", required=True, index=True)
    count = fields.Integer(string="People")
    # Stored for the audience report.
    event_type_id = fields.Many2one(related="event_id.event_type_id", store=True, index=True)
    date = fields.Date(related="event_id.date", store=True, index=True)
    state = fields.Selection(related="event_id.state", store=True, index=True)
    area_id = fields.Many2one(related="event_id.area_id", store=True, index=True)

    @api.constrains("count", "category", "event_id")
    def _check_count(self):
        for line in self:
            if line.count < 0:
                raise ValidationError(self.env._(
                    "The number of %(audience)s at %(event)s cannot be negative.",
                    audience=dict(AUDIENCE_CATEGORIES)[line.category], event=line.event_id.name,
                ))
            same = line.event_id.audience_line_ids.filtered(lambda other: other.category == line.category)  # noqa: B023 (filtered calls it at once)
            if len(same) > 1:
                raise ValidationError(self.env._(
                    "%(audience)s appear twice in the audience of %(event)s: keep one line per audience.",
                    audience=dict(AUDIENCE_CATEGORIES)[line.category], event=line.event_id.name,
                ))
        if not self.env.context.get("ashshash_event_audience_deferred"):
            self.event_id._check_attendance()

    def _compute_display_name(self):
        labels = dict(AUDIENCE_CATEGORIES)
        for line in self:
            line.display_name = f"{labels.get(line.category, '')}: {line.count}"
