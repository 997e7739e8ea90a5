from odoo import api, models
from odoo.osv import expression


class MailActivity(models.Model):
    """Activities of a need-to-know record (ashshash.need.to.know.mixin) are searched,
    read, written and deleted only by those who may read the survivor's restricted
    fields — even by the user they are assigned to."""

    _inherit = "mail.activity"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        need_to_know = self.env["ashshash.need.to.know.mixin"]._need_to_know_search_domain("res_model")
        if need_to_know is not None:
            domain = expression.AND([need_to_know, domain])
        return super()._search(domain, offset, limit, order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        rest = self - result[0] if result else self
        forbidden = self.env["ashshash.need.to.know.mixin"]._need_to_know_forbidden_records(rest)
        if not forbidden:
            return result
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))
