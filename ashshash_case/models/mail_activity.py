from odoo import api, models


class MailActivity(models.Model):
    """Activities of a need-to-know record (ashshash.need.to.know.mixin) are searched,
    read, written and deleted only by those who may read the survivor's restricted
    fields — even by the user they are assigned to."""

    _inherit = "mail.activity"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = self.env["ashshash.need.to.know.mixin"]._need_to_know_narrow(domain, "res_model")
        return super()._search(domain, offset, limit, order)

    def _check_access(self, operation):
        return self.env["ashshash.need.to.know.mixin"]._need_to_know_check_access(
            self, super()._check_access(operation), lambda forbidden: forbidden._make_access_error(operation),
        )
