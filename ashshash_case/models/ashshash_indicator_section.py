from odoo import fields, models


class AshshashIndicatorSection(models.Model):
    _name = "ashshash.indicator.section"
    _description = "Indicator report section"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    indicator_ids = fields.One2many("ashshash.indicator", "section_id", string="Indicators")
