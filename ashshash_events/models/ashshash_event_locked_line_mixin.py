from odoo import api, models


class AshshashEventLockedLineMixin(models.AbstractModel):
    """Lines of an event that are locked with it once it is reported. A line keeps its
    event: moving it to another event would change the figures of both (and of a
    reported one behind its lock)."""

    _name = "ashshash.event.locked.line.mixin"
    _inherit = ["ashshash.workflow.mixin"]
    _description = "Line locked with its reported event"

    @api.model
    def _frozen_fields(self):
        return {
            "event_id": self.env._(
                "a line stays on its event: delete it here and add it to the other event instead."
            ),
        }

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.event_id._check_unlocked()
        return lines

    def write(self, vals):
        self.event_id._check_unlocked()
        result = super().write(vals)
        if "event_id" in vals:
            self.event_id._check_unlocked()
        return result

    def unlink(self):
        self.event_id._check_unlocked()
        return super().unlink()
