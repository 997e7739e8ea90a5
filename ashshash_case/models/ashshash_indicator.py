import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.osv import expression
from odoo.tools.safe_eval import datetime as safe_datetime
from odoo.tools.safe_eval import safe_eval

from ..tools import GENDER_KEYS

# What a domain may be made of once evaluated: no record, no environment, no callable.
PLAIN_TYPES = (str, int, float, bool, type(None), datetime.date, datetime.datetime)
# Fields whose values would print people's own words (names, notes) in a donor report.
FREE_TEXT_TYPES = ("char", "text", "html")

COUNT_TYPES = [
    ("records", "Records"),
    ("distinct", "Distinct values of a field"),
    ("sum", "Sum of numeric fields"),
]
NUMERIC_TYPES = ("integer", "float", "monetary")


class AshshashIndicator(models.Model):
    """One figure of the donor's results framework, counted from the records.

    A definition says which model it counts (``model_id``), which records
    (``domain``), how (``count_type``) and which field paths place a record in a
    period, an area, a partner organisation and a gender. Every addon adds its own
    definitions as XML data; nothing here knows the models it counts.
    """

    _name = "ashshash.indicator"
    _description = "Indicator definition"
    _order = "section_sequence, sequence, code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(
        required=True, index=True, help="Stable code used by reports and data files, e.g. SURV_ENROLLED.",
    )
    name = fields.Char(required=True, translate=True)
    section_id = fields.Many2one("ashshash.indicator.section", index=True, ondelete="restrict")
    section_sequence = fields.Integer(related="section_id.sequence", store=True, string="Section sequence")
    sequence = fields.Integer(default=10)
    unit = fields.Char(translate=True, help="What is counted, e.g. survivors, sessions, people.")
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    model_id = fields.Many2one(
        "ir.model", string="Counted model", required=True, ondelete="cascade",
        domain="[('transient', '=', False)]",
    )
    model_name = fields.Char(related="model_id.model", store=True, string="Model name")
    domain = fields.Char(
        default="[]", required=True,
        help="The records that count, as an Odoo domain, e.g. [('state', '=', 'done')].",
    )
    count_type = fields.Selection(COUNT_TYPES, required=True, default="records")
    distinct_field = fields.Char(
        help="Field of the counted model whose distinct values are counted: a many2one "
             "(e.g. survivor_id), a many2many (e.g. family_member_ids) or id.",
    )
    sum_field = fields.Char(help="Numeric field summed for the total (e.g. people_total).")
    sum_field_female = fields.Char(help="Numeric field summed for women and girls (e.g. attendance_female).")
    sum_field_male = fields.Char(help="Numeric field summed for men and boys.")
    sum_field_other = fields.Char(help="Numeric field summed for other genders.")
    date_field = fields.Char(
        help="Date or datetime field path placing a record in the period, e.g. date or survivor_id.enrolment_date. "
             "Empty: the indicator ignores the period.",
    )
    area_field = fields.Char(
        default="area_id",
        help="Field path to an area (e.g. area_id or survivor_id.area_id); the report keeps the records in the "
             "chosen area or below it. Empty: the indicator ignores the area filter.",
    )
    company_field = fields.Char(
        default="company_id",
        help="Field path to the partner organisation (company). Empty: ignores the organisation filter.",
    )
    gender_field = fields.Char(
        help="Field of the counted model (stored or related) holding female/male/other, used to split the "
             "figure by gender, e.g. gender (a related field to survivor_id.gender).",
    )
    groupby_field = fields.Char(
        string="Break down by",
        help="Optional field of the counted model; the report adds one line per value (e.g. campaign_id).",
    )

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another indicator already has this code: indicator codes are unique."),
    ]

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    def _resolve_path(self, path):
        """Return the last field of ``path`` on the counted model; raise a ValidationError naming the bad part."""
        self.ensure_one()
        model = self.env[self.model_name]
        field = None
        for name in path.split("."):
            if field is not None:
                if not field.relational:
                    raise ValidationError(self.env._(
                        "Indicator %(code)s: %(path)s goes through %(name)s, which is not a relational field.",
                        code=self.code, path=path, name=field.name,
                    ))
                model = self.env[field.comodel_name]
            field = model._fields.get(name)
            if field is None:
                raise ValidationError(self.env._(
                    "Indicator %(code)s: the model %(model)s has no field %(name)s (in %(path)s).",
                    code=self.code, model=model._name, name=name, path=path,
                ))
        return field

    def _check_own_field(self, fname, label, types=None, free_text_ok=False):
        """A field used in an aggregate must be a field of the counted model itself (no dotted path)."""
        self.ensure_one()
        if "." in fname:
            raise ValidationError(self.env._(
                "Indicator %(code)s: %(label)s must be a field of %(model)s itself, not a path (%(fname)s); "
                "add a related field on the model if needed.",
                code=self.code, label=label, model=self.model_name, fname=fname,
            ))
        field = self._resolve_path(fname)
        if types and field.type not in types:
            raise ValidationError(self.env._(
                "Indicator %(code)s: %(label)s %(fname)s is a %(type)s field; expected one of: %(types)s.",
                code=self.code, label=label, fname=fname, type=field.type, types=", ".join(types),
            ))
        if field.groups:
            raise ValidationError(self.env._(
                "Indicator %(code)s: %(label)s %(fname)s is restricted to some users (it holds what only "
                "they may read); a report shown to others cannot count or break down by it.",
                code=self.code, label=label, fname=fname,
            ))
        if not free_text_ok and field.type in FREE_TEXT_TYPES:
            raise ValidationError(self.env._(
                "Indicator %(code)s: %(label)s %(fname)s is a free-text field; a report cannot count or break "
                "down by what people typed (names, notes). Use a selection or a many2one field.",
                code=self.code, label=label, fname=fname,
            ))
        if not (field.store or field.related) or field.type in ("one2many", "binary", "html"):
            raise ValidationError(self.env._(
                "Indicator %(code)s: %(label)s %(fname)s cannot be aggregated in SQL (it is not stored or "
                "related, or it is a %(type)s field).",
                code=self.code, label=label, fname=fname, type=field.type,
            ))
        return field

    def _domain_context(self):
        """The names a definition's domain may use: plain values only. No record
        (``user`` would give ``user.sudo().env[...]``: code run as superuser by
        whoever edits a definition, and again for everyone who computes it)."""
        return {
            "uid": self.env.uid,
            "today": fields.Date.context_today(self),
            "datetime": safe_datetime,
            "relativedelta": relativedelta,
        }

    def _eval_domain(self):
        self.ensure_one()
        try:
            domain = safe_eval(self.domain or "[]", self._domain_context())
        except Exception as error:  # noqa: BLE001 - what the expression read is not shown
            # safe_eval wraps what went wrong in a ValueError; the cause names an unknown name.
            cause = error.__context__ if isinstance(error.__context__, NameError) else error
            if isinstance(cause, NameError) and cause.name:
                raise ValidationError(self.env._(
                    "Indicator %(code)s: the domain %(domain)s uses %(name)s, which a definition cannot use; "
                    "a domain may use uid, today, datetime, relativedelta and plain values.",
                    code=self.code, domain=self.domain, name=cause.name,
                )) from None
            raise ValidationError(self.env._(
                "Indicator %(code)s: the domain %(domain)s cannot be evaluated: write a list of conditions "
                "with plain values, such as [('state', '=', 'done'), ('date', '>=', today - relativedelta(years=1))].",
                code=self.code, domain=self.domain,
            )) from None
        if not isinstance(domain, (list, tuple)) or not self._is_plain(domain):
            raise ValidationError(self.env._(
                "Indicator %(code)s: the domain must be a list of conditions with plain values "
                "such as [('state', '=', 'done')].", code=self.code,
            ))
        return list(domain)

    @classmethod
    def _is_plain(cls, value):
        if isinstance(value, (list, tuple)):
            return all(cls._is_plain(item) for item in value)
        return isinstance(value, PLAIN_TYPES)

    @api.constrains(
        "model_id", "domain", "count_type", "distinct_field", "sum_field", "sum_field_female", "sum_field_male",
        "sum_field_other", "date_field", "area_field", "company_field", "gender_field", "groupby_field",
    )
    def _check_definition(self):
        for indicator in self:
            indicator._check_domain()
            indicator._check_aggregate_fields()
            indicator._check_dimension_fields()

    def _check_domain(self):
        """The counted model is installed and the domain fits it."""
        self.ensure_one()
        if self.model_name not in self.env:
            raise ValidationError(self.env._(
                "Indicator %(code)s counts %(model)s, which is not installed.",
                code=self.code, model=self.model_name,
            ))
        model = self.env[self.model_name]
        domain = self._eval_domain()
        try:
            # sudo: validate the domain's fields and operators whoever edits the
            # definition; the query is only built, never run.
            model.sudo()._search(domain)
        except (ValueError, KeyError, TypeError) as error:
            raise ValidationError(self.env._(
                "Indicator %(code)s: the domain %(domain)s does not fit %(model)s (%(error)s).",
                code=self.code, domain=self.domain, model=self.model_name, error=error,
            )) from error

    def _check_aggregate_fields(self):
        """The distinct or summed fields fit the count type."""
        self.ensure_one()
        if self.count_type == "distinct":
            if not self.distinct_field:
                raise ValidationError(self.env._(
                    "Indicator %(code)s counts distinct values: set the field to count (e.g. survivor_id).",
                    code=self.code,
                ))
            self._check_own_field(self.distinct_field, self.env._("The distinct field"))
        if self.count_type == "sum":
            gendered = [self.sum_field_female, self.sum_field_male, self.sum_field_other]
            if any(gendered) and not all(gendered):
                raise ValidationError(self.env._(
                    "Indicator %(code)s: set all three gender sum fields (women, men, others) or none.",
                    code=self.code,
                ))
            if not self.sum_field and not all(gendered):
                raise ValidationError(self.env._(
                    "Indicator %(code)s sums a field: set the sum field, or the three gender sum fields.",
                    code=self.code,
                ))
            for fname in [self.sum_field, *gendered]:
                if fname:
                    self._check_own_field(fname, self.env._("The sum field"), NUMERIC_TYPES)

    def _check_dimension_fields(self):
        """The date, area, organisation, gender and break-down fields fit."""
        self.ensure_one()
        if self.date_field:
            field = self._resolve_path(self.date_field)
            if field.type not in ("date", "datetime"):
                raise ValidationError(self.env._(
                    "Indicator %(code)s: the date field %(fname)s is not a date.",
                    code=self.code, fname=self.date_field,
                ))
        for fname, comodel, message in (
            (self.area_field, "ashshash.area",
             self.env._("Indicator %(code)s: the area field %(fname)s must lead to an area (ashshash.area).")),
            (self.company_field, "res.company",
             self.env._("Indicator %(code)s: the organisation field %(fname)s must lead to a company.")),
        ):
            if fname:
                field = self._resolve_path(fname)
                if field.type != "many2one" or field.comodel_name != comodel:
                    raise ValidationError(message % {"code": self.code, "fname": fname})
        if self.gender_field:
            self._check_own_field(self.gender_field, self.env._("The gender field"), ("selection",))
        if self.groupby_field:
            self._check_own_field(self.groupby_field, self.env._("The break-down field"))

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    def _get_drilldown_domain(self, date_start=None, date_end=None, area=None, companies=None,
                              gender=None, group_value=None):
        """The domain of the records that make the figure: the definition's own domain
        plus the report's period, area, organisation (and a gender or break-down value)."""
        self.ensure_one()
        domain = [self._eval_domain()]
        if self.date_field:
            field = self._resolve_path(self.date_field)
            if date_start:
                domain.append([(self.date_field, ">=", date_start if field.type == "date"
                                else datetime.datetime.combine(date_start, datetime.time.min))])
            if date_end:
                if field.type == "date":
                    domain.append([(self.date_field, "<=", date_end)])
                else:
                    domain.append([(self.date_field, "<", datetime.datetime.combine(
                        date_end + datetime.timedelta(days=1), datetime.time.min))])
        if area and self.area_field:
            domain.append([(self.area_field, "child_of", area.ids)])
        if companies and self.company_field:
            domain.append([(self.company_field, "in", companies.ids)])
        if gender and self.gender_field:
            domain.append([(self.gender_field, "=", gender)])
        if group_value is not None and self.groupby_field:
            domain.append([(self.groupby_field, "=", group_value)])
        return expression.AND(domain)

    def _check_readable(self):
        """Return an error message when the user may not read the counted model, else False."""
        self.ensure_one()
        model = self.env[self.model_name]
        if not model.has_access("read"):
            return self.env._(
                "You may not read %(model)s, so %(code)s cannot be computed for you; ask an M&E officer.",
                model=model._description, code=self.code,
            )
        return False

    def _aggregate_specs(self, gendered_sum, m2m_distinct):
        """The ``_read_group`` aggregates of the indicator's count type."""
        if self.count_type == "records" or m2m_distinct:
            # No COUNT(DISTINCT) over a relation table in _read_group: a many2many is
            # grouped by instead (one row per value, still one query).
            return ["__count"]
        if self.count_type == "distinct":
            return [f"{self.distinct_field}:count_distinct"]
        fnames = [self.sum_field] if self.sum_field else []
        if gendered_sum:
            fnames += [self.sum_field_female, self.sum_field_male, self.sum_field_other]
        return [f"{fname}:sum" for fname in fnames]

    def _aggregate_many2many(self, specs, rows, groupby, split):
        """{group value: {total, female, male, other}} of a distinct count over a
        many2many, from ``_read_group`` rows grouped by the many2many itself."""
        seen = {}
        for row in rows:
            values = dict(zip(specs, row[:len(specs)], strict=True))
            member = values[self.distinct_field]
            if not member:
                continue
            key = values.get(groupby) if groupby else None
            key = key.id if isinstance(key, models.BaseModel) else key
            bucket = seen.setdefault(key, {"total": set(), "female": set(), "male": set(), "other": set()})
            bucket["total"].add(member.id)
            if split and values[self.gender_field] in GENDER_KEYS:
                bucket[values[self.gender_field]].add(member.id)
        return {key: {name: len(ids) for name, ids in bucket.items()} for key, bucket in seen.items()}

    def _aggregate(self, domain, groupby, by_gender):
        """Run the indicator's aggregate in one SQL query (``_read_group``) and return
        {group value: {total, female, male, other}}; group value is None without groupby.

        The gender split needs the gender as a group, except for a sum with gendered
        fields. A distinct count cannot add its gender groups up (one value may appear
        under two genders), so its total is a second query."""
        self.ensure_one()
        model = self.env[self.model_name]
        group_specs = [groupby] if groupby else []
        gendered_sum = self.count_type == "sum" and self.sum_field_female
        split = by_gender and self.gender_field and not gendered_sum
        m2m_distinct = (self.count_type == "distinct"
                        and model._fields[self.distinct_field].type == "many2many")

        aggregates = self._aggregate_specs(gendered_sum, m2m_distinct)

        def empty():
            return {"total": 0, "female": 0, "male": 0, "other": 0}

        def run(with_gender):
            specs = group_specs + ([self.gender_field] if with_gender else [])
            if m2m_distinct:
                specs = specs + [self.distinct_field]
            return specs, model._read_group(domain, specs, aggregates)

        results = {}
        if m2m_distinct:
            return self._aggregate_many2many(*run(split), groupby, split)

        def key_of(value):
            return value.id if isinstance(value, models.BaseModel) else value

        specs, rows = run(split)
        for row in rows:
            values = dict(zip(specs, row[:len(specs)], strict=False))
            figures = row[len(specs):]
            key = key_of(values[groupby]) if groupby else None
            bucket = results.setdefault(key, empty())
            if gendered_sum:
                female, male, other = (figure or 0 for figure in figures[-3:])
                total = figures[0] if self.sum_field else female + male + other
                bucket.update(total=total or 0, female=female, male=male, other=other)
                continue
            figure = figures[0] or 0
            if split:
                gender = values[self.gender_field]
                if gender in GENDER_KEYS:
                    bucket[gender] += figure
            bucket["total"] += figure
        if split and self.count_type == "distinct":
            # The total of a distinct count is its own query, not the sum of genders.
            for key in results:
                results[key]["total"] = 0
            for row in model._read_group(domain, group_specs, aggregates):
                key = key_of(row[0]) if groupby else None
                results.setdefault(key, empty())["total"] = row[-1] or 0
        return results

    def _compute_values(self, date_start=None, date_end=None, area=None, companies=None, by_gender=False):
        """Compute every indicator of ``self`` for a period, an area (any level), partner
        organisations and optionally by gender, as the current user (record rules apply).

        Returns {code: {total, female, male, other, error, groups}} where ``groups`` is
        a list of (value, label, figures) when the indicator breaks down by a field and
        ``error`` says why a figure could not be computed. One or two queries per
        indicator (and one or two more for a break-down), whatever the number of records.
        """
        result = {}
        for indicator in self:
            figures = {"total": 0, "female": 0, "male": 0, "other": 0, "error": False, "groups": []}
            result[indicator.code] = figures
            error = indicator._check_readable()
            if error:
                figures["error"] = error
                continue
            domain = indicator._get_drilldown_domain(date_start, date_end, area, companies)
            try:
                overall = indicator._aggregate(domain, None, by_gender).get(None)
                if overall:
                    figures.update(overall)
                if indicator.groupby_field:
                    model = self.env[indicator.model_name]
                    field = model._fields[indicator.groupby_field]
                    grouped = indicator._aggregate(domain, indicator.groupby_field, by_gender)
                    labels = {}
                    if field.type == "many2one":
                        labels = {rec.id: rec.display_name for rec in self.env[field.comodel_name].browse(
                            [key for key in grouped if key])}
                    elif field.type == "selection":
                        labels = dict(field._description_selection(self.env))
                    for key, values in sorted(grouped.items(), key=lambda item: str(labels.get(item[0], item[0]))):
                        label = labels.get(key, key) if key not in (None, False) else self.env._("None")
                        figures["groups"].append((key, str(label), values))
            except AccessError as error:
                figures["error"] = self.env._(
                    "%(code)s cannot be computed for you: %(error)s", code=indicator.code, error=error,
                )
            except (ValueError, KeyError) as error:
                # A definition that no longer fits its model (e.g. a field removed by an
                # update) must not break the whole report: the line says what to fix.
                figures["error"] = self.env._(
                    "The definition of %(code)s no longer fits %(model)s (%(error)s): ask a programme admin to fix it.",
                    code=indicator.code, model=indicator.model_name, error=error,
                )
        return result

    def action_drilldown(self, date_start=None, date_end=None, area=None, companies=None, gender=None,
                         group_value=None):
        """Open the exact records that make the figure (the same domain as the count)."""
        self.ensure_one()
        model = self.env[self.model_name]
        context = {"create": False}
        if self.count_type == "distinct" and self.distinct_field != "id":
            # One group per distinct value: the number of groups is the figure.
            context["group_by"] = [self.distinct_field]
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.code} · {self.name}",
            "res_model": self.model_name,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._get_drilldown_domain(date_start, date_end, area, companies, gender, group_value),
            "context": context,
            "target": "current",
            "help": self.env._("<p>No %(model)s makes this figure.</p>", model=model._description),
        }
