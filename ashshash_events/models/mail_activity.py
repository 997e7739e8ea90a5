from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        # sudo: the owner of an action item may only read the event (e.g. a case worker); finishing
        # their activity must still close the item it stands for. Only its done flag changes.
        items = self.env["ashshash.event.action.item"].sudo().search(
            [("activity_id", "in", self.ids), ("done", "=", False)]
        )
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        items.with_context(ashshash_activity_done=True).write({"done": True})
        return result
