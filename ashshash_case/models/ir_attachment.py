import functools

from odoo import api, models
from odoo.exceptions import AccessError
from odoo.osv import expression


class IrAttachment(models.Model):
    """Files attached to a need-to-know record (ashshash.need.to.know.mixin), in its
    chatter or its attachments box (a passport scan), are searched, read,
    downloaded, replaced and deleted only by those who may read the survivor's
    restricted fields. (Binary fields read their file as superuser, behind the
    field's own access.)"""

    _inherit = "ir.attachment"

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        # Reading an attachment (fetch) goes through _search: this covers read and download.
        need_to_know = self.env["ashshash.need.to.know.mixin"]._need_to_know_search_domain("res_model")
        if need_to_know is not None:
            domain = expression.AND([need_to_know, domain])
        return super()._search(domain, offset, limit, order)

    @api.model
    def check(self, mode, values=None):
        result = super().check(mode, values=values)
        if self.env.is_superuser():
            return result
        NeedToKnow = self.env["ashshash.need.to.know.mixin"]
        denied = bool(NeedToKnow._need_to_know_forbidden_records(self))
        if values and values.get("res_model") and values.get("res_id"):
            denied = denied or bool(NeedToKnow._need_to_know_forbidden({values["res_model"]: {values["res_id"]}}))
        if denied:
            raise AccessError(self.env._(
                "Sorry, you are not allowed to access this document: the files of a case are "
                "for the case workers on the case and case managers."
            ))
        return result

    def _check_access(self, operation):
        result = super()._check_access(operation)
        rest = self - result[0] if result else self
        forbidden = self.env["ashshash.need.to.know.mixin"]._need_to_know_forbidden_records(rest)
        if not forbidden:
            return result
        if result:
            return (result[0] + forbidden, result[1])
        return (forbidden, functools.partial(self.env["ir.rule"]._make_access_error, operation, forbidden))
