from odoo import api, fields, models

SUMMARY_LENGTH = 80


class AshshashEventActionItem(models.Model):
    """Something an event decided that someone must do. Each open item is a To-Do activity on the
    event for its owner, so it shows in their activities; marking either one done closes the other."""

    _name = "ashshash.event.action.item"
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
        for item, activity in zip(items, activities, strict=False):
            item.activity_id = activity

    @api.model_create_multi
    def create(self, vals_list):
        items = super().create(vals_list)
        items._schedule_activities()
        return items

    def write(self, vals):
        if vals.get("done"):
            activities = self.filtered(lambda item: not item.done).activity_id.exists()
            result = super().write(dict(vals, activity_id=False))
            if activities and not self.env.context.get("ashshash_activity_done"):
                activities.action_feedback(feedback=self.env._("Action item done."))
            return result
        result = super().write(vals)
        if {"name", "user_id", "date_due", "event_id"} & set(vals):
            for item in self.filtered(lambda item: not item.done and item.activity_id):
                if "event_id" in vals:
                    item.activity_id.unlink()
                    continue
                item.activity_id.write(item._activity_values())
        # Reopened items (done unticked) and items moved to another event get a new activity.
        self._schedule_activities()
        return result

    def unlink(self):
        self.filtered(lambda item: not item.done).activity_id.unlink()
        return super().unlink()
