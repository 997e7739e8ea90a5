from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import GENDERS, SENSITIVE

RELATIONS = [
    ("mother", "Mother"),
    ("father", "Father"),
    ("spouse", "Spouse"),
    ("son", "Son"),
    ("daughter", "Daughter"),
    ("brother", "Brother"),
    ("sister", "Sister"),
    ("grandparent", "Grandparent"),
    ("in_law", "In-law"),
    ("other", "Other relative"),
]


class AshshashFamilyMember(models.Model):
    _name = "ashshash.family.member"
    _description = "Survivor's family member"
    _inherit = ["ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "survivor_id, id"

    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade",
    )
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    name = fields.Char(required=True, groups=SENSITIVE)
    relation = fields.Selection(RELATIONS, required=True)
    gender = fields.Selection(
        GENDERS, required=True, index=True,
    )
    age = fields.Integer()
    phone = fields.Char(groups=SENSITIVE)
    lives_with_survivor = fields.Boolean(default=True)

    @api.constrains("age")
    def _check_age(self):
        for member in self:
            if member.age and not 0 <= member.age <= 120:
                raise ValidationError(self.env._("A family member's age must be between 0 and 120 years."))

    @api.model
    def _frozen_fields(self):
        return {"survivor_id": self.env._(
            "a family member stays in the survivor's case file; add them to the right case instead."
        )}

    def _compute_display_name(self):
        # Display names are shown as superuser on many2one fields: never the person's name.
        for member in self:
            relation = dict(RELATIONS).get(member.relation, "")
            member.display_name = f"{member.survivor_id.code} · {relation}" if member.survivor_id else relation
