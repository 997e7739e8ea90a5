from odoo import fields, models


class AshshashEventOutreachMethod(models.Model):
    _name = "ashshash.event.outreach.method"
    _description = "Outreach method of a community event"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another outreach method already has this code."),
    ]
