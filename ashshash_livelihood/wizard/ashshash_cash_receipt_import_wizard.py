import base64
import csv
import io

from odoo import fields, models
from odoo.exceptions import UserError

COLUMNS = ("case_code", "transaction_id", "date")


class AshshashCashReceiptImportWizard(models.TransientModel):
    _name = "ashshash.cash.receipt.import.wizard"
    _description = "Import mobile-wallet receipts of a cash batch"

    disbursement_id = fields.Many2one("ashshash.cash.disbursement", required=True, ondelete="cascade")
    file = fields.Binary(string="CSV file", required=True)
    filename = fields.Char()
    state = fields.Selection([("upload", "Upload"), ("done", "Done")], default="upload")
    matched_count = fields.Integer(readonly=True)
    unmatched_ids = fields.Text(string="Transaction ids not matched", readonly=True)

    def _read_rows(self):
        """Rows of the file as dicts; refuses the whole file on a missing column or a bad date."""
        try:
            text = base64.b64decode(self.file).decode("utf-8-sig")
        except (ValueError, UnicodeDecodeError):
            raise UserError(self.env._("The file is not a UTF-8 CSV file.")) from None
        reader = csv.DictReader(io.StringIO(text))
        header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
        missing = [column for column in COLUMNS if column not in header]
        if missing:
            raise UserError(self.env._(
                "The file needs the columns %(columns)s; missing: %(missing)s.",
                columns=",".join(COLUMNS), missing=", ".join(missing),
            ))
        reader.fieldnames = header
        rows = []
        for number, row in enumerate(reader, start=2):
            values = {column: (row.get(column) or "").strip() for column in COLUMNS}
            if not any(values.values()):
                continue
            try:
                values["date"] = fields.Date.to_date(values["date"]) if values["date"] else False
            except ValueError:
                raise UserError(self.env._(
                    "Line %(line)s: the date %(date)s is not a date (use YYYY-MM-DD).",
                    line=number, date=values["date"],
                )) from None
            rows.append(values)
        return rows

    def action_import(self):
        self.ensure_one()
        batch = self.disbursement_id
        if batch.state != "paid":
            raise UserError(self.env._("Receipts can only be imported on a paid batch; %(batch)s is not.",
                                       batch=batch.name))
        rows = self._read_rows()
        line_of = {line.survivor_code: line for line in batch.line_ids}
        today = fields.Date.context_today(self)
        matched = self.env["ashshash.cash.disbursement.line"]
        unmatched = []
        for row in rows:
            line = line_of.get(row["case_code"])
            if not line or not row["transaction_id"] or line in matched:
                unmatched.append(row["transaction_id"] or self.env._("(no id, case code %s)", row["case_code"]))
                continue
            line.write({"transaction_id": row["transaction_id"], "received_date": row["date"] or today})
            matched |= line
        self.write({
            "state": "done",
            "matched_count": len(matched),
            "unmatched_ids": "\n".join(unmatched),
        })
        body = self.env._("%(count)s receipts imported from %(file)s.", count=len(matched),
                          file=self.filename or self.env._("a CSV file"))
        if unmatched:
            body += " " + self.env._("Transaction ids not matched: %(ids)s.", ids=", ".join(unmatched))
        batch.message_post(body=body)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
