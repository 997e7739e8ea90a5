from odoo import api, fields, models

SUMMARY_LENGTH = 80


class AshshashEventActionItem(models.Model):
    """Something an event decided that someone must do. Each open item is a To-Do activity on the
    event for its owner, so it shows in their activities; marking either one done closes the other.
    The done flag and the activity are the workflow's: the Done and Reopen buttons (and the owner
    finishing the activity) set them, and an item stays on its event."""

    _name = "ashshash.event.action.item"
    _inherit = ["ashshash.workflow.mixin"]
    _description = "Action item of a community event"
    _order = "done, date_due, id"

    event_id = fields.Many2one("ashshash.event", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="event_id.company_id", store=True, index=True)
    event_state = fields.Selection(related="event_id.state", string="Event status")
    name = fields.Char(string="Description", required=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, index=True, domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    date_due = fields.Date(string="Due date", index=True)
    done = fields.Boolean(index=True, copy=False)
    activity_id = fields.Many2one("mail.activity", readonly=True, copy=False, ondelete="set null")

    def _activity_values(self):
        self.ensure_one()
        summary = self.name if len(self.name) <= SUMMARY_LENGTH else self.name[: SUMMARY_LENGTH - 1] + "…"
        return {
            "summary": summary,
            "note": self.name,
            "user_id": self.user_id.id,
            "date_deadline": self.date_due or fields.Date.context_today(self),
        }

    @api.model
    def _workflow_fields(self):
        return {
            "done": self.env._(
                "use the Done and Reopen buttons of the item, or mark its activity done (the owner can)."
            ),
            "activity_id": self.env._("each open item gets its owner's activity when it is saved or reopened."),
        }

    @api.model
    def _frozen_fields(self):
        return {
            "event_id": self.env._(
                "an action item stays on the event that decided it: add a new item to the other event instead."
            ),
        }

    def _schedule_activities(self):
        items = self.filtered(lambda item: not item.done and not item.activity_id)
        if not items:
            return
        model_id = self.env["ir.model"]._get_id("ashshash.event")
        todo = self.env.ref("mail.mail_activity_data_todo")
        activities = self.env["mail.activity"].create([
            dict(item._activity_values(), res_model_id=model_id, res_id=item.event_id.id, activity_type_id=todo.id)
            for item in items
        ])
        activity_of = dict(zip(items, activities, strict=True))
        items._write_workflow_each(lambda item: {"activity_id": activity_of[item].id})

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._schedule_activities()
        return items

    def write(self, vals):
        result = super().write(vals)
        if {"name", "user_id", "date_due"} & set(vals):
            for item in self.filtered(lambda item: not item.done and item.activity_id):
                item.activity_id.write(item._activity_values())
        return result

    def unlink(self):
        self.filtered(lambda item: not item.done).activity_id.unlink()
        return super().unlink()

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def action_mark_done(self):
        """Close the open items and mark their activities done (logged in the event's chatter).
        Also what finishing the activity does (mail.activity._action_done): then the activity is
        already done."""
        items = self.filtered(lambda item: not item.done)
        activities = items.activity_id.exists()
        items._write_workflow({"done": True, "activity_id": False})
        if activities:
            activities.action_feedback(feedback=self.env._("Action item done."))
        return True

    def action_reopen(self):
        """Open the done items again: their owners get a new activity."""
        items = self.filtered("done")
        items._write_workflow({"done": False})
        items._schedule_activities()
        return True
