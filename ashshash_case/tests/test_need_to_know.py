"""Need to know on the side doors of a case file: its chatter, its files and its
to-dos, and those of every record that names the survivor, are for the people who
may read the case's restricted fields (the case workers on the case, case managers).
The duplicate check tells nobody else anything about other cases."""
import base64

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import AshshashCounsellingCommon

SCAN = base64.b64encode(b"%PDF-1.4 passport of Amena Khatun")


@tagged("post_install", "-at_install")
class TestSideDoors(AshshashCounsellingCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        provider = cls.env["res.partner"].create({
            "name": "Test District Hospital", "is_company": True, "is_ashshash_provider": True,
            "provider_service_type_ids": [Command.set(cls.env.ref("ashshash_case.service_type_health").ids)],
        })
        cls.referral = cls.env["ashshash.referral"].with_user(cls.case_worker).create({
            "survivor_id": cls.survivor.id,
            "provider_id": provider.id,
            "service_type_id": cls.env.ref("ashshash_case.service_type_health").id,
            "reason": "Untreated injury from work abroad",
        })
        cls.session = cls._session(done=False)
        cls.community = cls._community_session(done=False)
        # The side doors of the case file, its session and its referral, as the case worker opens them.
        cls.doors = {}
        for record in (cls.survivor, cls.session, cls.referral):
            cls.doors[record] = cls._open_doors(record, cls.case_worker)
        cls.community_doors = cls._open_doors(cls.community, cls.case_worker_2)

    @classmethod
    def _open_doors(cls, record, user):
        """A message with a passport scan in the chatter of ``record`` and a to-do, as ``user``."""
        record = record.with_user(user)
        attachment = cls.env["ir.attachment"].with_user(user).create({
            "name": "passport.pdf", "datas": SCAN, "res_model": record._name, "res_id": record.id,
        })
        message = record.message_post(
            body="Passport seen: number A1234567, Amena's brother keeps it.",
            attachment_ids=attachment.ids, message_type="comment", subtype_xmlid="mail.mt_note",
        )
        activity = record.activity_schedule(
            "mail.mail_activity_data_todo", summary="Call Amena about her passport", user_id=user.id,
        )
        return {"message": message.sudo(False), "attachment": attachment, "activity": activity.sudo(False)}

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _assert_shut(self, user, record, doors):
        """``user`` finds none of the doors of ``record``, cannot read them by id, and
        still reads the record itself by its code."""
        where = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        env = self.env(user=user)
        label = f"{user.login} on {record._name}"
        self.assertFalse(env["mail.message"].search([("model", "=", record._name), ("res_id", "=", record.id)]),
                         f"{label}: no message found")
        self.assertFalse(env["mail.message"].search_read([("id", "=", doors["message"].id)], ["body"]), label)
        self.assertFalse(env["ir.attachment"].search(where), f"{label}: no file found")
        self.assertFalse(env["mail.activity"].search(where), f"{label}: no to-do found")
        with self.assertRaises(AccessError, msg=f"{label}: message"):
            doors["message"].with_user(user).read(["body"])
        with self.assertRaises(AccessError, msg=f"{label}: message attachments"):
            doors["message"].with_user(user).attachment_ids.read(["datas"])
        with self.assertRaises(AccessError, msg=f"{label}: file"):
            doors["attachment"].with_user(user).read(["datas"])
        with self.assertRaises(AccessError, msg=f"{label}: download"):
            doors["attachment"].with_user(user).check("read")
        with self.assertRaises(AccessError, msg=f"{label}: file"):
            doors["attachment"].with_user(user).check_access("read")
        with self.assertRaises(AccessError, msg=f"{label}: to-do"):
            doors["activity"].with_user(user).read(["summary", "note"])
        with self.assertRaises(AccessError, msg=f"{label}: to-do"):
            doors["activity"].with_user(user).write({"summary": "Done"})

    def _assert_open(self, user, record, doors, activities=True):
        where = [("res_model", "=", record._name), ("res_id", "=", record.id)]
        env = self.env(user=user)
        label = f"{user.login} on {record._name}"
        self.assertIn(doors["message"], env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)]), label)
        self.assertIn("A1234567", str(doors["message"].with_user(user).read(["body"])[0]["body"]), label)
        self.assertIn(doors["attachment"], env["ir.attachment"].search(where), label)
        self.assertEqual(doors["attachment"].with_user(user).raw, base64.b64decode(SCAN), label)
        if activities:
            self.assertIn(doors["activity"], env["mail.activity"].search(where), label)
            self.assertEqual(doors["activity"].with_user(user).summary, "Call Amena about her passport", label)

    # ------------------------------------------------------------------
    # Messages, files and to-dos by role
    # ------------------------------------------------------------------
    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_me_officer_reads_no_chatter_file_or_todo_of_a_case(self):
        for record, doors in self.doors.items():
            with self.subTest(model=record._name):
                self._assert_shut(self.me_officer, record, doors)
                # ... but keeps the record, its code and the figures.
                self.assertEqual(record.with_user(self.me_officer).read(["display_name"])[0]["id"], record.id)
        me_case = self.survivor.with_user(self.me_officer)
        self.assertEqual(me_case.code, self.survivor.code)
        self.assertFalse(me_case.message_ids)
        self.assertFalse(me_case.activity_ids)
        self.assertFalse(me_case.activity_summary, "the list of cases shows no to-do summary")
        self.assertFalse(self.session.with_user(self.me_officer).activity_summary)
        self.assertTrue(self.env["ashshash.survivor"].with_user(self.me_officer)._read_group(
            [], ["gender"], ["__count"]))

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_me_officer_cannot_search_a_case_by_what_its_chatter_says(self):
        # Only the community session's note (it names no survivor) is found.
        Message = self.env["mail.message"].with_user(self.me_officer)
        self.assertEqual(Message.search([("body", "ilike", "A1234567")]), self.community_doors["message"])
        self.assertEqual(self.env["ir.attachment"].with_user(self.me_officer).search(
            [("name", "=", "passport.pdf")]), self.community_doors["attachment"])
        self.assertFalse(self.env["mail.activity"].with_user(self.me_officer).search(
            [("summary", "ilike", "passport")]))
        # Nor through the records: messages and activities are joined without their rules.
        for record in self.doors:
            Model = self.env[record._name]
            for domain in ([("message_ids.body", "ilike", "A1234567")], [("activity_summary", "ilike", "passport")],
                           [("activity_ids.summary", "ilike", "passport")], [("message_attachment_count", ">", 0)]):
                with self.subTest(model=record._name, domain=domain):
                    if domain[0][0] == "message_attachment_count":
                        self.assertEqual(record.with_user(self.me_officer).message_attachment_count, 0)
                        continue
                    self.assertIn(record, Model.with_user(self.case_worker).search(domain))
                    self.assertNotIn(record, Model.with_user(self.me_officer).search(domain))

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_programme_admin_reads_no_chatter_of_a_case(self):
        for record, doors in self.doors.items():
            with self.subTest(model=record._name):
                self._assert_shut(self.programme_admin, record, doors)

    def test_case_worker_on_the_case_reads_everything(self):
        for record, doors in self.doors.items():
            with self.subTest(model=record._name):
                self._assert_open(self.case_worker, record, doors)

    def test_case_manager_reads_everything(self):
        for record, doors in self.doors.items():
            with self.subTest(model=record._name):
                self._assert_open(self.case_manager, record, doors)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_case_worker_of_another_case_cannot(self):
        for record, doors in self.doors.items():
            with self.subTest(model=record._name):
                self._assert_shut(self.case_worker_2, record, doors)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_a_case_worker_taken_off_the_case_no_longer_reads_what_they_wrote(self):
        """Need to know ends with the case: not even the author of a message, or the
        person a to-do is assigned to, reads it once they are off the case."""
        self.survivor.case_worker_ids = self.case_worker_2
        doors = self._open_doors(self.survivor, self.case_worker_2)
        self._assert_open(self.case_worker_2, self.survivor, doors)
        self.survivor.case_worker_ids = False
        self._assert_shut(self.case_worker_2, self.survivor, doors)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_me_officer_cannot_attach_or_post_on_a_case(self):
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.me_officer).create({
                "name": "note.txt", "raw": b"x", "res_model": "ashshash.survivor", "res_id": self.survivor.id,
            })
        with self.assertRaises(AccessError):
            self.survivor.with_user(self.me_officer).message_post(body="Seen")
        with self.assertRaises(AccessError):
            self.doors[self.survivor]["attachment"].with_user(self.me_officer).unlink()
        self.assertTrue(self.doors[self.survivor]["attachment"].exists())

    def test_records_that_name_no_survivor_keep_the_usual_rules(self):
        """A community session names no survivor: its chatter is the programme's. (Its
        to-dos are, as Odoo has it, for those who may write the session.)"""
        self._assert_open(self.case_worker_2, self.community, self.community_doors)
        self._assert_open(self.me_officer, self.community, self.community_doors, activities=False)

    def test_every_record_that_names_a_survivor_is_need_to_know(self):
        """A model with a many2one to the case file inherits the need-to-know mixin;
        a new one that does not fails here."""
        mixin = self.env.registry["ashshash.need.to.know.mixin"]
        for name, model in self.env.registry.items():
            if model._abstract or model._transient or not model._auto:
                continue
            field = model._fields.get("survivor_id")
            if field is not None and field.type == "many2one" and field.comodel_name == "ashshash.survivor":
                with self.subTest(model=name):
                    self.assertTrue(issubclass(model, mixin), f"{name} names a survivor: inherit the mixin")
        self.assertTrue(issubclass(self.env.registry["ashshash.survivor"], mixin))


@tagged("post_install", "-at_install")
class TestDuplicateCheckTellsOnlyCaseWorkers(AshshashCounsellingCommon):
    """An M&E officer must not learn a person's case code from a phone number."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survivor.sudo().phone = "+880 1711-223344"

    def _onchange_phone(self, user):
        Survivor = self.env["ashshash.survivor"].with_user(user)
        spec = {"phone": {}, "duplicate_warning": {}, "gender": {}, "area_id": {}}
        return Survivor.onchange(
            {"phone": "01711223344", "gender": "female", "area_id": self.union_koyla.id}, ["phone"], spec,
        )

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_me_officer_learns_nothing_from_a_phone_number(self):
        for user in (self.me_officer, self.programme_admin):
            with self.subTest(user=user.login):
                try:
                    result = self._onchange_phone(user)
                except AccessError as error:
                    result = str(error)
                self.assertNotIn(self.survivor.code, str(result))
                self.assertNotIn("duplicate", str(result).lower())
                new = self.env["ashshash.survivor"].sudo().new({
                    "name": "Amena Khatun", "phone": "01711223344", "area_id": self.union_jugikhali.id,
                })
                self.assertTrue(new.duplicate_warning, "the test would prove nothing")
                self.assertFalse(new.with_user(user).duplicate_warning)
                self.assertFalse(self.survivor.with_user(user).duplicate_warning)

    def test_case_worker_is_told_the_code_to_check_with_colleagues(self):
        result = self._onchange_phone(self.case_worker_2)
        self.assertIn(self.survivor.code, result["value"]["duplicate_warning"])

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_me_officer_cannot_register_survivors(self):
        with self.assertRaises(AccessError):
            self.env["ashshash.survivor"].with_user(self.me_officer).create({
                "name": "Someone", "gender": "female", "area_id": self.union_koyla.id,
                "identification_source": "self", "phone": "01711223344",
            })

    def test_the_save_check_still_refuses_a_duplicate_without_naming_it(self):
        """Code run as superuser on behalf of a user who may not read names (a server
        action) is still refused a duplicate, and the refusal names no case."""
        other = self._create_survivor(
            name="Someone Else", phone="01711223344", area=self.union_koyla, duplicate_confirmed=True,
        )
        with self.assertRaises(ValidationError) as caught:
            other.with_user(self.me_officer).sudo().write({"duplicate_confirmed": False})
        message = str(caught.exception)
        self.assertIn("may already be registered", message)
        self.assertNotIn(self.survivor.code, message)
        self.assertNotRegex(message, r"SV-|\d+ case")
        self.assertTrue(other.duplicate_confirmed)
        # A case worker gets the code.
        with self.assertRaisesRegex(ValidationError, self.survivor.code):
            other.with_user(self.case_manager).write({"duplicate_confirmed": False})

    def test_the_form_of_a_case_worker_still_shows_the_candidates(self):
        form = Form(self.env["ashshash.survivor"].with_user(self.case_worker_2))
        form.name = "Someone Else"
        form.phone = "01711223344"
        self.assertIn(self.survivor.code, form.duplicate_warning)
