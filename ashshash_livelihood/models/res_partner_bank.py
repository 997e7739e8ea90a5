from odoo import api, models
from odoo.exceptions import UserError

FROZEN_FIELDS = {"acc_number", "partner_id"}


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    def write(self, vals):
        if not self.env.su and FROZEN_FIELDS & vals.keys():
            # sudo: the lines paying to this account may be out of the user's reach; only their batch is used.
            lines = self.env["ashshash.cash.disbursement.line"].sudo().search([
                ("bank_account_id", "in", self.ids), ("state", "in", ("submitted", "approved", "paid")),
            ], limit=1)
            if lines:
                raise UserError(self.env._(
                    "This account or wallet number is on the submitted cash batch %(batch)s: it can no longer "
                    "change. Cancel the batch (or send it back to draft) to pay to another number.",
                    batch=lines.disbursement_id.name,
                ))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_in_cash_batch(self):
        # sudo: as in write().
        lines = self.env["ashshash.cash.disbursement.line"].sudo().search(
            [("bank_account_id", "in", self.ids)], limit=1,
        )
        if lines and not self.env.su:
            raise UserError(self.env._(
                "This account or wallet number is used by the cash batch %(batch)s: it cannot be deleted.",
                batch=lines.disbursement_id.name,
            ))
