import base64
import io

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import GENDER_KEYS


class AshshashIndicatorReportWizard(models.TransientModel):
    _name = "ashshash.indicator.report.wizard"
    _description = "Indicator report"

    date_start = fields.Date(
        string="From", required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_end = fields.Date(string="To", required=True, default=fields.Date.context_today)
    area_id = fields.Many2one(
        "ashshash.area",
        help="Any level: a division, district, upazila, union or village and everything below it.",
    )
    company_ids = fields.Many2many(
        "res.company", string="Partner organisations",
        default=lambda self: self.env.companies,
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
        help="Empty: every organisation you may see.",
    )
    by_gender = fields.Boolean(string="Disaggregate by gender", default=True)
    indicator_ids = fields.Many2many(
        "ashshash.indicator", string="Indicators", help="Empty: every active indicator.",
    )
    line_ids = fields.One2many("ashshash.indicator.report.line", "wizard_id", string="Results", readonly=True)
    computed = fields.Boolean(readonly=True)

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_start > wizard.date_end:
                raise ValidationError(self.env._("The period starts after it ends: check the From and To dates."))

    def _get_indicators(self):
        # The report shows every active indicator unless some are chosen: loading them all is the point.
        return self.indicator_ids or self.env["ashshash.indicator"].search([])  # pylint: disable=no-search-all

    def _filters_text(self):
        """The filters in words, for the title block of the exports."""
        self.ensure_one()
        return [
            (self.env._("Period"), f"{self.date_start} – {self.date_end}"),
            (self.env._("Area"), self.area_id.complete_name or self.env._("All areas")),
            (self.env._("Partner organisations"),
             ", ".join(self.company_ids.mapped("name")) or self.env._("All")),
            (self.env._("Disaggregated by gender"), self.env._("Yes") if self.by_gender else self.env._("No")),
        ]

    def _compute_lines(self):
        self.ensure_one()
        indicators = self._get_indicators()
        values = indicators._compute_values(
            self.date_start, self.date_end, self.area_id, self.company_ids, self.by_gender,
        )
        lines = [fields.Command.clear()]
        for indicator in indicators:
            figures = values[indicator.code]
            has_gender = self.by_gender and bool(indicator.gender_field or indicator.sum_field_female)
            base = {
                "indicator_id": indicator.id,
                "section": indicator.section_id.name or "",
                "code": indicator.code,
                "name": indicator.name,
                "unit": indicator.unit,
                "has_gender": has_gender,
                "note": figures["error"] or False,
            }
            lines.append(fields.Command.create(dict(base, **self._figures(figures, has_gender))))
            for key, label, group_figures in figures["groups"]:
                lines.append(fields.Command.create(dict(
                    base, name=f"{indicator.name} · {label}", group_key=str(key), group_label=label,
                    **self._figures(group_figures, has_gender),
                )))
        self.write({"line_ids": lines, "computed": True})

    @staticmethod
    def _figures(figures, has_gender):
        values = {"total": figures["total"]}
        for gender in GENDER_KEYS:
            values[gender] = figures[gender] if has_gender else 0
        return values

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
            "name": self.env._("Indicator report"),
        }

    def action_compute(self):
        self.ensure_one()
        self._compute_lines()
        return self._reopen()

    def _ensure_lines(self):
        if not self.computed:
            self._compute_lines()

    # ------------------------------------------------------------------
    # Exports
    # ------------------------------------------------------------------
    def _report_title(self):
        return self.env._("Indicator report %(start)s – %(end)s", start=self.date_start, end=self.date_end)

    def _build_xlsx(self):
        """The report as an XLSX workbook (bytes): title, filters, then the lines by section."""
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Indicators")[:31])
        title = workbook.add_format({"bold": True, "font_size": 14})
        bold = workbook.add_format({"bold": True})
        header = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        section = workbook.add_format({"bold": True, "bg_color": "#F2F2F2"})
        number = workbook.add_format({"num_format": "#,##0"})

        sheet.write(0, 0, self._report_title(), title)
        row = 2
        for label, value in self._filters_text():
            sheet.write(row, 0, label, bold)
            sheet.write(row, 1, value)
            row += 1
        row += 1
        columns = [self.env._("Code"), self.env._("Indicator"), self.env._("Unit"), self.env._("Total")]
        if self.by_gender:
            columns += [self.env._("Women"), self.env._("Men"), self.env._("Others")]
        columns.append(self.env._("Note"))
        for col, label in enumerate(columns):
            sheet.write(row, col, label, header)
        row += 1
        sheet.freeze_panes(row, 0)
        current_section = None
        for line in self.line_ids:
            if line.section != current_section:
                current_section = line.section
                sheet.write(row, 0, current_section or self.env._("Other indicators"), section)
                row += 1
            sheet.write(row, 0, line.code)
            sheet.write(row, 1, line.name)
            sheet.write(row, 2, line.unit or "")
            if not line.note:
                sheet.write_number(row, 3, line.total, number)
            col = 4
            if self.by_gender:
                for gender in GENDER_KEYS:
                    if line.has_gender and not line.note:
                        sheet.write_number(row, col, line[gender], number)
                    col += 1
            if line.note:
                sheet.write(row, col, line.note)
            row += 1
        sheet.set_column(0, 0, 22)
        sheet.set_column(1, 1, 60)
        sheet.set_column(2, len(columns), 12)
        workbook.close()
        return output.getvalue()

    def action_export_xlsx(self):
        self.ensure_one()
        self._ensure_lines()
        attachment = self.env["ir.attachment"].create({
            "name": f"indicator_report_{self.date_start}_{self.date_end}.xlsx",
            "datas": base64.b64encode(self._build_xlsx()),
            "res_model": self._name,
            "res_id": self.id,
            "mimetype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        })
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_print_pdf(self):
        self.ensure_one()
        self._ensure_lines()
        return self.env.ref("ashshash_case.ashshash_indicator_report_action_pdf").report_action(self)


class AshshashIndicatorReportLine(models.TransientModel):
    _name = "ashshash.indicator.report.line"
    _description = "Indicator report line"
    _order = "id"

    wizard_id = fields.Many2one("ashshash.indicator.report.wizard", required=True, ondelete="cascade", index=True)
    indicator_id = fields.Many2one("ashshash.indicator", string="Definition", required=True, ondelete="cascade")
    section = fields.Char()
    code = fields.Char()
    name = fields.Char(string="Indicator")
    unit = fields.Char()
    group_key = fields.Char(help="The break-down value (e.g. a campaign id) of a break-down line.")
    group_label = fields.Char(string="Break-down")
    total = fields.Float(digits=(16, 0))
    female = fields.Float(string="Women", digits=(16, 0))
    male = fields.Float(string="Men", digits=(16, 0))
    other = fields.Float(string="Others", digits=(16, 0))
    has_gender = fields.Boolean()
    note = fields.Char()

    def _group_value(self):
        """The break-down value back in the type of the field it came from."""
        self.ensure_one()
        if not self.group_label:
            return None
        field = self.env[self.indicator_id.model_name]._fields[self.indicator_id.groupby_field]
        if self.group_key in ("None", "False"):
            return False
        if field.type in ("many2one", "integer"):
            return int(self.group_key)
        return self.group_key

    def action_drilldown(self):
        self.ensure_one()
        wizard = self.wizard_id
        return self.indicator_id.action_drilldown(
            wizard.date_start, wizard.date_end, wizard.area_id, wizard.company_ids,
            group_value=self._group_value(),
        )
