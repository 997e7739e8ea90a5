from odoo import api, models


class MailMessage(models.Model):
    """Messages of a need-to-know record (ashshash.need.to.know.mixin) are searched,
    read, written and deleted only by those who may read the survivor's restricted
    fields — even by their author or a recipient."""

    _inherit = "mail.message"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        domain = self.env["ashshash.need.to.know.mixin"]._need_to_know_narrow(domain, "model")
        return super()._search(domain, offset, limit, order)

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        return forbidden + self.env["ashshash.need.to.know.mixin"]._need_to_know_forbidden_records(
            self - forbidden, "model", "res_id",
        )
