from odoo import api, models
from odoo.exceptions import AccessError


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
        domain = self.env["ashshash.need.to.know.mixin"]._need_to_know_narrow(domain, "res_model")
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
        rules = self.env["ir.rule"]
        return self.env["ashshash.need.to.know.mixin"]._need_to_know_check_access(
            self, super()._check_access(operation), lambda forbidden: rules._make_access_error(operation, forbidden),
        )
