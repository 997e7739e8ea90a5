from odoo import api, fields, models
from odoo.exceptions import ValidationError

WHO5_ITEMS = [
    ("who5_item1", "I have felt cheerful and in good spirits"),
    ("who5_item2", "I have felt calm and relaxed"),
    ("who5_item3", "I have felt active and vigorous"),
    ("who5_item4", "I woke up feeling fresh and rested"),
    ("who5_item5", "My daily life has been filled with things that interest me"),
]


class AshshashWho5Mixin(models.AbstractModel):
    """WHO-5 Well-Being Index: five items scored 0 (at no time) to 5 (all of the
    time) over the last two weeks; raw score 0-25, percentage = raw x 4.

    A score of 0 is a real answer, so whether the index was taken is its own
    flag (``who5_done``) rather than "any item above zero"."""

    _name = "ashshash.who5.mixin"
    _description = "WHO-5 Well-Being Index"

    who5_done = fields.Boolean(string="WHO-5 taken", index=True)
    who5_item1 = fields.Integer(string=WHO5_ITEMS[0][1])
    who5_item2 = fields.Integer(string=WHO5_ITEMS[1][1])
    who5_item3 = fields.Integer(string=WHO5_ITEMS[2][1])
    who5_item4 = fields.Integer(string=WHO5_ITEMS[3][1])
    who5_item5 = fields.Integer(string=WHO5_ITEMS[4][1])
    who5_raw_score = fields.Integer(
        string="WHO-5 raw score", compute="_compute_who5_score", store=True, aggregator="avg",
        help="Sum of the five items, 0-25.",
    )
    who5_percentage = fields.Integer(
        string="WHO-5 (%)", compute="_compute_who5_score", store=True, aggregator="avg",
        help="Raw score x 4, 0-100. 50 or below suggests poor wellbeing; 28 or below possible depression.",
    )

    @api.depends("who5_done", "who5_item1", "who5_item2", "who5_item3", "who5_item4", "who5_item5")
    def _compute_who5_score(self):
        for record in self:
            raw = sum(record[name] for name, _label in WHO5_ITEMS) if record.who5_done else 0
            record.who5_raw_score = raw
            record.who5_percentage = raw * 4

    @api.constrains("who5_item1", "who5_item2", "who5_item3", "who5_item4", "who5_item5")
    def _check_who5_items(self):
        for record in self:
            for name, label in WHO5_ITEMS:
                if not 0 <= record[name] <= 5:
                    raise ValidationError(self.env._(
                        "WHO-5 item '%(item)s' is %(value)s: each item is scored from 0 (at no time) "
                        "to 5 (all of the time).",
                        item=label, value=record[name],
                    ))
