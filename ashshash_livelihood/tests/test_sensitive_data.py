from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AshshashCashCommon

SURVIVOR_NAME = "Shapla Xylobegum"


@tagged("post_install", "-at_install")
class TestSensitiveData(AshshashCashCommon):
    """Need to know (DESIGN, "Sensitive data: the rules"): a survivor with a name found nowhere
    else has a record in every model of the programme; finance officers and M&E officers work
    with the case code only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        named = cls.named = cls._create_survivor(name=SURVIVOR_NAME, user=cls.case_worker, phone="01799000123")
        cls._enrol(named)
        cls.env["ashshash.family.member"].create({
            "survivor_id": named.id, "name": "Rahim Uddin", "relation": "father", "gender": "male",
        })
        assessment = cls.env["ashshash.needs.assessment"].create({
            "survivor_id": named.id,
            "line_ids": [
                Command.clear(),
                Command.create({"need_domain": "health", "level": "high", "notes": "Injury"}),
            ],
        })
        assessment.action_done()
        cls.session = cls.env["ashshash.counselling.session"].create({
            "session_type": "individual", "survivor_id": named.id, "user_id": cls.case_worker.id,
            "date": fields.Datetime.now() - timedelta(days=1), "notes": "<p>Talked about the broker</p>",
        })
        cls.session.action_done()
        cls.env["ashshash.followup"].create({
            "survivor_id": named.id, "present_status": "with_family", "user_id": cls.case_worker.id,
        })
        cls.env["ashshash.certificate"].create({"survivor_id": named.id})
        provider = cls.env["res.partner"].create({"name": "Test Clinic", "is_ashshash_provider": True})
        cls.referral = cls.env["ashshash.referral"].create({
            "survivor_id": named.id, "provider_id": provider.id,
            "service_type_id": cls.env.ref("ashshash_case.service_type_health").id,
            "reason": "Injured by the employer abroad",
        })
        named.trafficking_notes = "<p>Sold to a broker</p>"
        cls.env["ashshash.support"].create({
            "survivor_id": named.id, "referral_id": cls.referral.id, "received_by": SURVIVOR_NAME,
            "support_type_id": cls.env.ref("ashshash_livelihood.support_type_food").id,
        })
        training = cls.env["ashshash.training"].create({
            "name": "Sensitive data training", "area_id": cls.union_jugikhali.id,
            "training_type_id": cls.env.ref("ashshash_livelihood.training_type_life_skills").id,
            "date_start": cls.today, "date_end": cls.today, "session_days": 1,
        })
        cls.env["ashshash.training.enrolment"].create({"training_id": training.id, "survivor_id": named.id})
        cls.env["ashshash.economic.outcome"].create({
            "survivor_id": named.id, "kind": "employment", "employer": "Garment factory", "monthly_income": 9000,
        })
        # Community events count the survivors who took part (ASHSHASH Events, installed alongside).
        if "ashshash.event" in cls.env:
            cls.env["ashshash.event"].create({
                "name": "Courtyard meeting", "area_id": cls.union_jugikhali.id,
                "event_type_id": cls.env.ref("ashshash_events.event_type_pot_show").id,
                "date_start": fields.Datetime.now() - timedelta(days=1),
                "date_end": fields.Datetime.now() - timedelta(days=1) + timedelta(hours=2),
                "survivor_ids": [Command.link(named.id)],
            })

    def test_finance_officer_never_reads_notes_trafficking_details_or_referral_reasons(self):
        officer = self.finance_officer
        line = self._paid_batch(self.named).line_ids.with_user(officer)
        self.assertEqual(line.read(["survivor_id"])[0]["survivor_id"][1], self.named.code)
        survivor = self.named.with_user(officer)
        self.assertEqual(survivor.read(["code"])[0]["code"], self.named.code)
        readable = survivor.fields_get()
        for field in ("name", "phone", "trafficking_status", "trafficking_notes", "exploit_sexual", "close_note"):
            self.assertNotIn(field, readable)
            with self.assertRaises(AccessError):
                survivor.read([field])
        with self.assertRaises(AccessError):
            self.session.with_user(officer).read(["notes"])
        with self.assertRaises(AccessError):
            self.env["ashshash.counselling.session"].with_user(officer).search_read([], ["notes"])
        with self.assertRaises(AccessError):
            self.referral.with_user(officer).read(["reason"])
        with self.assertRaises(AccessError):
            self.env["ashshash.referral"].with_user(officer).search_read([], ["reason"])

    def test_me_officer_reads_no_name_in_any_model(self):
        self._paid_batch(self.named)
        officer = self.me_officer
        found_code = set()
        for model_name in sorted(self.env.registry):
            Model = self.env[model_name].with_user(officer)
            if not model_name.startswith("ashshash.") or Model._abstract or not Model.has_access("read"):
                continue
            with self.subTest(model=model_name):
                readable = list(Model.fields_get(attributes=["type"]))
                result = repr(Model.search_read([], readable))
                self.assertNotIn(SURVIVOR_NAME, result)
                self.assertNotIn("Xylobegum", result)
                if self.named.code in result:
                    found_code.add(model_name)
        # The M&E officer did read the named survivor's records: by their case code.
        for model_name in (
            "ashshash.survivor", "ashshash.consent", "ashshash.family.member", "ashshash.needs.assessment",
            "ashshash.counselling.session", "ashshash.followup", "ashshash.certificate", "ashshash.referral",
            "ashshash.support", "ashshash.training.enrolment", "ashshash.economic.outcome",
            "ashshash.cash.disbursement.line",
        ):
            self.assertIn(model_name, found_code)
