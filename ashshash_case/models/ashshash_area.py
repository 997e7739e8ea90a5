from odoo import api, fields, models
from odoo.exceptions import ValidationError

AREA_LEVELS = [
    ("division", "Division"),
    ("district", "District"),
    ("upazila", "Upazila"),
    ("union", "Union"),
    ("village", "Village"),
]
LEVEL_ORDER = [level for level, _label in AREA_LEVELS]


class AshshashArea(models.Model):
    _name = "ashshash.area"
    _description = "Administrative area"
    _parent_store = True
    _order = "complete_name"
    _rec_name = "complete_name"
    _rec_names_search = ["name", "name_bn", "code"]

    name = fields.Char(required=True, translate=False)
    name_bn = fields.Char(string="Name (Bengali)")
    code = fields.Char(help="Official geo code (BBS), if known.")
    level = fields.Selection(AREA_LEVELS, required=True, index=True)
    parent_id = fields.Many2one(
        "ashshash.area", string="Parent area", index=True, ondelete="restrict"
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("ashshash.area", "parent_id", string="Sub-areas")
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True, index=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_parent_uniq", "unique(name, parent_id, level)", "This area already exists under the same parent."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for area in self:
            if area.parent_id:
                area.complete_name = f"{area.parent_id.complete_name} › {area.name}"
            else:
                area.complete_name = area.name

    @api.constrains("parent_id", "level")
    def _check_parent_level(self):
        for area in self:
            position = LEVEL_ORDER.index(area.level)
            if position == 0:
                if area.parent_id:
                    raise ValidationError(
                        self.env._("A division is the top level: remove the parent of %(area)s.", area=area.name)
                    )
                continue
            if not area.parent_id:
                raise ValidationError(
                    self.env._("Set the parent of %(area)s: every area below a division needs one.", area=area.name)
                )
            expected = LEVEL_ORDER[position - 1]
            if area.parent_id.level != expected:
                raise ValidationError(
                    self.env._(
                        "The parent of %(level)s %(area)s must be a %(expected)s, not a %(actual)s.",
                        level=dict(AREA_LEVELS)[area.level],
                        area=area.name,
                        expected=dict(AREA_LEVELS)[expected],
                        actual=dict(AREA_LEVELS)[area.parent_id.level],
                    )
                )

    def _ancestors_by_level(self):
        """{area: {level: the area itself or its ancestor of that level}} for every area of
        ``self``, from ``parent_path`` with one read of all the ancestors, whatever their number.
        Every model that places a record in a union, upazila, district and division uses it."""
        paths = {area: [int(x) for x in (area.parent_path or "").split("/") if x] for area in self}
        ancestors = self.browse({area_id for ids in paths.values() for area_id in ids})
        level_of = {area.id: area.level for area in ancestors}
        return {
            area: {level_of[area_id]: self.browse(area_id) for area_id in ids}
            for area, ids in paths.items()
        }

    def _ancestor_of_level(self, level):
        """The ancestor (or self) of the given level, or an empty recordset."""
        self.ensure_one()
        return self._ancestors_by_level()[self].get(level, self.browse())
