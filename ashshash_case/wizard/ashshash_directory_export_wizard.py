import base64
import io

import xlsxwriter

from odoo import fields, models
from odoo.exceptions import UserError


class AshshashDirectoryExportWizard(models.TransientModel):
    _name = "ashshash.directory.export.wizard"
    _description = "Print or export the district service directory"

    district_id = fields.Many2one(
        "ashshash.area", required=True, domain="[('level', '=', 'district')]",
        default=lambda self: self.env.ref("ashshash_case.area_dist_satkhira", raise_if_not_found=False),
    )
    service_type_ids = fields.Many2many(
        "ashshash.service.type", string="Service types", help="Leave empty for every service type.",
    )
    export_format = fields.Selection(
        [("pdf", "PDF (print)"), ("xlsx", "Spreadsheet (XLSX)")], string="Format", required=True, default="pdf",
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _providers(self):
        self.ensure_one()
        return self.env["res.partner"].search([
            ("is_ashshash_provider", "=", True),
            ("provider_district_id", "=", self.district_id.id),
        ], order="name")

    def _directory_sections(self):
        """[(service type, providers offering it)] for the district, in the order of the service types."""
        self.ensure_one()
        providers = self._providers()
        # Without a choice, the (active) types some provider of the district offers, in the types' order.
        types = self.service_type_ids or providers.provider_service_type_ids.sorted()
        sections = []
        for service_type in types:
            offering = providers.filtered(lambda p, t=service_type: t in p.provider_service_type_ids)
            if offering:
                sections.append((service_type, offering))
        return sections

    def action_export(self):
        self.ensure_one()
        if not self._directory_sections():
            raise UserError(self.env._(
                "No provider is listed in the %(district)s directory for these service types: "
                "mark partners as service providers of that district first.",
                district=self.district_id.name,
            ))
        if self.export_format == "pdf":
            return self.env.ref("ashshash_case.action_report_ashshash_directory").report_action(self)
        self.write({
            "file_data": base64.b64encode(self._xlsx_content()),
            "file_name": f"service_directory_{self.district_id.name.lower().replace(' ', '_')}.xlsx",
        })
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file_data/{self.file_name}?download=true",
            "target": "self",
        }

    def _xlsx_content(self):
        self.ensure_one()
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = workbook.add_worksheet(self.env._("Directory"))
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 14})
        date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
        kinds = dict(self.env["res.partner"]._fields["provider_kind"]._description_selection(self.env))
        fees = dict(self.env["res.partner"]._fields["provider_fee"]._description_selection(self.env))
        sheet.write(0, 0, self.env._("Service directory: %(district)s", district=self.district_id.name), title)
        headers = [
            self.env._("Service type"), self.env._("Provider"), self.env._("Kind"), self.env._("Address"),
            self.env._("Phone"), self.env._("Contact person"), self.env._("Opening hours"),
            self.env._("Free or paid"), self.env._("Areas covered"), self.env._("Last reviewed"),
        ]
        for col, header in enumerate(headers):
            sheet.write(2, col, header, bold)
        row = 3
        for service_type, providers in self._directory_sections():
            for provider in providers:
                sheet.write(row, 0, service_type.name)
                sheet.write(row, 1, provider.name)
                sheet.write(row, 2, kinds.get(provider.provider_kind, ""))
                sheet.write(row, 3, ", ".join(filter(None, [provider.street, provider.city])))
                sheet.write(row, 4, provider.phone or "")
                sheet.write(row, 5, provider.provider_contact_id.name or "")
                sheet.write(row, 6, provider.provider_opening_hours or "")
                sheet.write(row, 7, fees.get(provider.provider_fee, ""))
                sheet.write(row, 8, ", ".join(provider.provider_area_ids.mapped("name")))
                if provider.provider_last_reviewed:
                    reviewed = fields.Datetime.to_datetime(provider.provider_last_reviewed)
                    sheet.write_datetime(row, 9, reviewed, date_format)
                row += 1
        sheet.set_column(0, 1, 28)
        sheet.set_column(2, 9, 18)
        sheet.autofilter(2, 0, max(row - 1, 2), len(headers) - 1)
        workbook.close()
        return output.getvalue()
