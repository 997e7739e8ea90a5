from odoo import api, fields, models


class AshshashEventAttendee(models.Model):
    _name = "ashshash.event.attendee"
    _inherit = ["ashshash.event.locked.line.mixin"]
    _description = "Notable attendee of a community event"
    _order = "event_id, sequence, id"

    event_id = fields.Many2one("ashshash.event", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="event_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one("res.partner", string="Attendee", required=True, index=True)
    title = fields.Char(
        compute="_compute_title", store=True, readonly=False,
        help="Position held, e.g. Upazila Nirbahi Officer, Officer-in-Charge.",
    )

    @api.depends("partner_id")
    def _compute_title(self):
        for attendee in self:
            if attendee.partner_id.function and not attendee.title:
                attendee.title = attendee.partner_id.function

    def _compute_display_name(self):
        for attendee in self:
            name = attendee.partner_id.display_name or ""
            attendee.display_name = f"{name}, {attendee.title}" if attendee.title else name
