from datetime import timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import AshshashCaseCommon


@tagged("post_install", "-at_install")
class TestSurvivorLifecycle(AshshashCaseCommon):

    def test_code_comes_from_the_sequence_and_is_the_display_name(self):
        self.assertTrue(self.survivor.code.startswith("SV-"))
        self.assertNotEqual(self.survivor.code, self.survivor_2.code)
        self.assertEqual(self.survivor.display_name, self.survivor.code)
        self.assertNotIn("Amena", self.survivor.display_name)

    def test_area_levels_are_derived_from_the_union(self):
        self.assertEqual(self.survivor.union_id, self.union_jugikhali)
        self.assertEqual(self.survivor.upazila_id, self.upazila_kalaroa)
        self.assertEqual(self.survivor.district_id, self.district_satkhira)
        self.assertEqual(self.survivor.division_id, self.env.ref("ashshash_case.area_div_khulna"))

    def test_age_from_estimate_and_from_date_of_birth(self):
        self.assertEqual(self.survivor.age_at_identification, 22)
        self.survivor.date_of_birth = self.today.replace(year=self.today.year - 30, month=1, day=1)
        self.assertEqual(self.survivor.birth_year, self.today.year - 30)
        self.assertEqual(self.survivor.age, 30)

    def test_enrol_needs_a_services_consent_in_force(self):
        with self.assertRaisesRegex(UserError, "consent to services"):
            self.survivor.action_enrol()
        self.assertEqual(self.survivor.state, "identified")

        # A photo consent or a withdrawn services consent is not enough.
        self._give_consent(self.survivor, consent_type="photos")
        self._give_consent(self.survivor, withdrawn_on=self.today)
        with self.assertRaises(UserError):
            self.survivor.action_enrol()
        self.assertEqual(self.survivor.state, "identified")

        self._give_consent(self.survivor)
        self.survivor.action_enrol()
        self.assertEqual(self.survivor.state, "enrolled")
        self.assertEqual(self.survivor.enrolment_date, self.today)

    def test_enrolling_twice_is_refused(self):
        self._enrol(self.survivor)
        with self.assertRaisesRegex(UserError, "cannot be enrolled: it is enrolled \\(it must be identified\\)"):
            self.survivor.action_enrol()

    def test_done_assessment_moves_the_survivor_to_assessed(self):
        assessment = self.env["ashshash.needs.assessment"].create({"survivor_id": self.survivor.id})
        self.assertEqual(len(assessment.line_ids), 7, "one line per need domain by default")
        with self.assertRaisesRegex(UserError, "Enrol"):
            assessment.action_done()
        self.assertEqual(assessment.state, "draft")

        self._enrol(self.survivor)
        assessment.line_ids.filtered(lambda line: line.need_domain == "economic").level = "high"
        assessment.action_done()
        self.assertEqual(assessment.state, "done")
        self.assertEqual(assessment.high_need_count, 1)
        self.assertEqual(self.survivor.state, "assessed")
        self.assertEqual(self.survivor.assessment_count, 1)

    def test_only_a_case_manager_resets_a_done_assessment(self):
        self._enrol(self.survivor)
        assessment = self.env["ashshash.needs.assessment"].create({"survivor_id": self.survivor.id})
        with self.assertRaisesRegex(UserError, "cannot be reset to draft: it is draft \\(it must be done\\)"):
            assessment.with_user(self.case_manager).action_draft()
        assessment.action_done()
        with self.assertRaisesRegex(AccessError, "Only a case manager"):
            assessment.with_user(self.case_worker).action_draft()
        self.assertEqual(assessment.state, "done")
        assessment.with_user(self.case_manager).action_draft()
        self.assertEqual(assessment.state, "draft")

    def test_close_needs_a_reason_and_reopen_restores_the_stage(self):
        self._enrol(self.survivor)
        with self.assertRaisesRegex(UserError, "Choose why"):
            self.survivor.action_close()
        self.assertEqual(self.survivor.state, "enrolled")

        self.survivor.close_reason = "moved_away"
        self.survivor.action_close()
        self.assertEqual(self.survivor.state, "closed")
        self.assertEqual(self.survivor.close_date, self.today)

        self.survivor.action_reopen()
        self.assertEqual(self.survivor.state, "enrolled")
        self.assertFalse(self.survivor.close_reason)
        with self.assertRaisesRegex(UserError, "cannot be reopened: it is enrolled \\(it must be closed\\)"):
            self.survivor.action_reopen()

    def test_state_changes_and_sensitive_fields_are_tracked(self):
        # The survivor was created in this same transaction: end its creation as a commit would.
        self.env.cr.flush()
        self._enrol(self.survivor)
        self.survivor.write({"phone": "01711000000", "exploit_forced_labour": True})
        self.env.flush_all()
        self.env.cr.flush()
        tracked = self.env["mail.tracking.value"].search([
            ("mail_message_id.model", "=", "ashshash.survivor"),
            ("mail_message_id.res_id", "=", self.survivor.id),
        ]).field_id.mapped("name")
        for field in ("state", "phone", "exploit_forced_labour"):
            self.assertIn(field, tracked)


@tagged("post_install", "-at_install")
class TestSurvivorBadInput(AshshashCaseCommon):

    def _count(self):
        return self.env["ashshash.survivor"].search_count([])

    def test_identification_date_in_the_future(self):
        before = self._count()
        # Each call from the web client or the API runs in its own transaction: the savepoint plays that role.
        with self.assertRaisesRegex(ValidationError, "in the future"), self.cr.savepoint():
            self._create_survivor(name="Future Case", identification_date=self.today + timedelta(days=1))
        self.assertEqual(self._count(), before)

    def test_date_of_birth_in_the_future(self):
        with self.assertRaisesRegex(ValidationError, "date of birth cannot be in the future"):
            self._create_survivor(name="Unborn Case", date_of_birth=self.today + timedelta(days=3))

    def test_age_outside_0_to_120(self):
        with self.assertRaisesRegex(ValidationError, "between 0 and 120"):
            self._create_survivor(name="Old Case", estimated_age=130)
        with self.assertRaisesRegex(ValidationError, "above 120"):
            self._create_survivor(name="Very Old Case", date_of_birth=self.today.replace(year=self.today.year - 125))

    @mute_logger("odoo.sql_db")
    def test_a_second_survivor_with_the_same_code(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._create_survivor(name="Copy Cat", code=self.survivor.code)
        self.assertEqual(self.env["ashshash.survivor"].search_count([("code", "=", self.survivor.code)]), 1)

    def test_area_hierarchy_is_enforced(self):
        with self.assertRaisesRegex(ValidationError, "must be a Upazila"):
            self.env["ashshash.area"].create({
                "name": "Nowhere", "level": "union", "parent_id": self.district_satkhira.id,
            })

    def test_data_sharing_consent_must_name_a_provider(self):
        with self.assertRaisesRegex(ValidationError, "name the provider"):
            self._give_consent(self.survivor, consent_type="data_sharing")

    def test_a_withdrawn_consent_cannot_be_withdrawn_again(self):
        earlier = self.today - timedelta(days=5)
        consent = self._give_consent(self.survivor, given_on=self.today - timedelta(days=10), withdrawn_on=earlier)
        with self.assertRaisesRegex(UserError, "already withdrawn"):
            consent.action_withdraw()
        self.assertEqual(consent.withdrawn_on, earlier)
        in_force = self._give_consent(self.survivor)
        in_force.action_withdraw()
        self.assertEqual(in_force.withdrawn_on, self.today)
        self.assertFalse(in_force.in_force)


@tagged("post_install", "-at_install")
class TestPossibleDuplicates(AshshashCaseCommon):

    def test_same_name_age_and_union_is_flagged_until_confirmed(self):
        with self.assertRaisesRegex(ValidationError, self.survivor.code), self.cr.savepoint():
            self._create_survivor(name="  amena   KHATUN ", estimated_age=23, user=self.case_worker_2)
        # A colleague's candidate is named by code only, and nothing was created.
        self.assertEqual(self.env["ashshash.survivor"].search_count([("name", "ilike", "amena")]), 1)

        confirmed = self._create_survivor(
            name="Amena Khatun", estimated_age=23, user=self.case_worker_2, duplicate_confirmed=True,
        )
        self.assertTrue(confirmed.duplicate_confirmed)
        self.assertIn(self.survivor.code, confirmed.duplicate_warning)

    def test_same_phone_is_flagged(self):
        self.survivor.phone = "+880 1711-223344"
        with self.assertRaisesRegex(ValidationError, self.survivor.code):
            self._create_survivor(name="Someone Else", phone="01711223344", area=self.union_koyla)

    def test_other_age_or_union_is_not_a_duplicate(self):
        older = self._create_survivor(name="Amena Khatun", estimated_age=40)
        elsewhere = self._create_survivor(name="Amena Khatun", area=self.union_koyla)
        self.assertFalse(older.duplicate_warning)
        self.assertFalse(elsewhere.duplicate_warning)

    def test_editing_into_a_duplicate_is_flagged(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.survivor_2.write({"name": "Amena Khatun", "area_id": self.union_jugikhali.id})
        self.survivor_2.invalidate_recordset()
        self.assertEqual(self.survivor_2.name, "Bilkis Akter")

    def test_the_form_shows_the_candidates_before_saving(self):
        form = Form(self.env["ashshash.survivor"].with_user(self.case_worker))
        form.name = "Amena Khatun"
        form.gender = "female"
        form.estimated_age = 21
        form.area_id = self.union_jugikhali
        form.identification_source = "self"
        self.assertIn(self.survivor.code, form.duplicate_warning)
        form.duplicate_confirmed = True
        record = form.save()
        self.assertTrue(record.code.startswith("SV-"))
