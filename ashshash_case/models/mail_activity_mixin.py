from odoo import fields, models


class MailActivityMixin(models.AbstractModel):
    """The next activity's type and summary, shown in lists, are related fields, which
    Odoo computes as superuser: computed as the user instead, they show only the
    activities the user may read (see mail_activity.py), so that a case's to-dos do
    not reach those who may not read them through the list of cases. For every other
    model nothing changes: a user who reads a record reads its activities."""

    _inherit = "mail.activity.mixin"

    activity_type_id = fields.Many2one(compute_sudo=False)
    activity_type_icon = fields.Char(compute_sudo=False)
    activity_summary = fields.Char(compute_sudo=False)
