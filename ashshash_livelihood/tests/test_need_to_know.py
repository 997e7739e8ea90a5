"""Need to know on the side doors of the livelihood records that name a survivor:
finance officers keep the cash lines (codes and amounts), M&E officers the support
and enrolments, but neither reads their chatter, files or to-dos."""
import base64

from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import AshshashCashCommon, AshshashLivelihoodCommon

SCAN = base64.b64encode(b"%PDF-1.4 national ID card")


def _attach(record, user):
    """A file attached to ``record`` and a note in its chatter, as ``user``."""
    attachment = record.env["ir.attachment"].with_user(user).create({
        "name": "nid.pdf", "datas": SCAN, "res_model": record._name, "res_id": record.id,
    })
    message = None
    if "message_ids" in record._fields:
        message = record.with_user(user).message_post(
            body="NID number 19901234567 seen", message_type="comment", subtype_xmlid="mail.mt_note",
        ).sudo(False)
    return attachment, message


@tagged("post_install", "-at_install")
class TestLivelihoodSideDoors(AshshashLivelihoodCommon):

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_me_officer_reads_support_and_enrolments_but_not_their_chatter(self):
        support = self._support()
        enrolment = self._enrol_in(self.training, self.survivor)
        for record in (support, enrolment):
            with self.subTest(model=record._name):
                attachment, message = _attach(record, self.case_worker)
                me_record = record.with_user(self.me_officer)
                self.assertTrue(me_record.read(["survivor_id"]))
                self.assertFalse(self.env["ir.attachment"].with_user(self.me_officer).search(
                    [("res_model", "=", record._name), ("res_id", "=", record.id)]))
                self.assertFalse(self.env["mail.message"].with_user(self.me_officer).search(
                    [("model", "=", record._name), ("res_id", "=", record.id)]))
                with self.assertRaises(AccessError):
                    attachment.with_user(self.me_officer).read(["datas"])
                with self.assertRaises(AccessError):
                    message.with_user(self.me_officer).read(["body"])
                # The case worker on the case and a case manager read them.
                for user in (self.case_worker, self.case_manager):
                    self.assertEqual(attachment.with_user(user).raw, base64.b64decode(SCAN))
                    self.assertIn("19901234567", str(message.with_user(user).body))


@tagged("post_install", "-at_install")
class TestCashLineSideDoors(AshshashCashCommon):

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_finance_officer_pays_lines_but_reads_no_file_attached_to_them(self):
        batch = self._create_batch(self.survivor)
        line = batch.line_ids
        attachment, _message = _attach(line, self.case_manager)
        finance_line = line.with_user(self.finance_officer)
        self.assertEqual(finance_line.read(["survivor_code"])[0]["survivor_code"], self.survivor.code)
        self.assertFalse(self.env["ir.attachment"].with_user(self.finance_officer).search(
            [("res_model", "=", line._name), ("res_id", "=", line.id)]))
        with self.assertRaises(AccessError):
            attachment.with_user(self.finance_officer).read(["datas"])
        _attachment, message = _attach(self.survivor, self.case_worker)
        self.assertFalse(self.survivor.with_user(self.finance_officer).message_ids)
        with self.assertRaises(AccessError):
            message.with_user(self.finance_officer).read(["body"])
        self.assertEqual(attachment.with_user(self.case_manager).raw, base64.b64decode(SCAN))
