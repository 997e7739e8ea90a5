from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        items = self.env["ashshash.event.action.item"].sudo().search(
            [("activity_id", "in", self.ids), ("done", "=", False)]
        )
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        # sudo: the owner of an action item may only read the event (e.g. a case worker). They finished
        # the activity the item stands for, which mail.activity's own rules let only its assignee or
        # the event's editors do (this method is private: no RPC client calls it directly); the item's
        # own action closes it.
        items.action_mark_done()
        return result
