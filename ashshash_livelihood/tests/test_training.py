from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AshshashLivelihoodCommon


@tagged("post_install", "-at_install")
class TestTraining(AshshashLivelihoodCommon):

    def test_training_lifecycle(self):
        training = self.training
        self.assertEqual(training.state, "planned")
        training.action_start()
        self.assertEqual(training.state, "ongoing")
        with self.assertRaises(UserError):
            training.action_start()
        training.action_done()
        self.assertEqual(training.state, "done")
        with self.assertRaises(UserError):
            training.action_cancel()
        self.assertEqual(training.state, "done")

    def test_cancel_a_planned_training(self):
        self.training.action_cancel()
        self.assertEqual(self.training.state, "cancelled")
        with self.assertRaises(UserError):
            self.training.action_done()

    def test_training_cannot_start_before_its_start_date(self):
        later = self._create_training(
            date_start=self.today + timedelta(days=3), date_end=self.today + timedelta(days=5), session_days=3,
        )
        with self.assertRaisesRegex(UserError, "starts on"):
            later.action_start()
        self.assertEqual(later.state, "planned")

    def test_training_days_default_to_the_span(self):
        training = self._create_training(session_days=0)
        training.date_end = self.today + timedelta(days=2)
        training.flush_recordset()
        self.assertEqual(training.session_days, 12)

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "ends .* before it starts"), self.env.cr.savepoint():
            self._create_training(name="Backwards", date_end=self.today - timedelta(days=20))
        self.assertFalse(self.env["ashshash.training"].search([("name", "=", "Backwards")]))
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.training.write({"date_end": self.today - timedelta(days=30)})
        self.training.invalidate_recordset()
        self.assertEqual(self.training.date_end, self.today)

    def test_enrolment_lifecycle_and_completion_rule(self):
        enrolment = self._enrol_in(self.training, self.survivor)
        self.assertEqual(enrolment.state, "enrolled")
        self.assertEqual(enrolment.training_category, "life_skills")
        self.assertEqual(enrolment.gender, "female")
        self.assertEqual(enrolment.area_id, self.union_jugikhali)
        self.training.action_start()
        enrolment.days_attended = 7
        self.assertAlmostEqual(enrolment.attendance_rate, 70.0)
        with self.assertRaisesRegex(UserError, "at least 80"):
            enrolment.action_complete()
        self.assertEqual(enrolment.state, "enrolled")
        self.assertFalse(enrolment.completion_date)
        enrolment.days_attended = 8
        enrolment.action_complete()
        self.assertEqual(enrolment.state, "completed")
        self.assertEqual(enrolment.completion_date, self.today)
        with self.assertRaises(UserError):
            enrolment.action_drop()
        self.assertEqual(enrolment.state, "completed")

    def test_completion_threshold_is_a_setting(self):
        self.env["res.config.settings"].create({"ashshash_training_min_attendance": 50}).execute()
        enrolment = self._enrol_in(self.training, self.survivor, days_attended=5)
        self.training.action_start()
        enrolment.action_complete()
        self.assertEqual(enrolment.state, "completed")

    def test_completion_needs_a_started_training(self):
        enrolment = self._enrol_in(self.training, self.survivor, days_attended=0)
        with self.assertRaisesRegex(UserError, "has not started"):
            enrolment.action_complete()
        self.assertEqual(enrolment.state, "enrolled")

    def test_drop_out(self):
        enrolment = self._enrol_in(self.training, self.survivor)
        enrolment.action_drop()
        self.assertEqual(enrolment.state, "dropped")
        self.assertEqual(enrolment.drop_date, self.today)
        with self.assertRaises(UserError):
            enrolment.action_complete()

    def test_enrolling_past_capacity_is_refused(self):
        third = self._enrol(self._create_survivor(name="Chameli Das", phone="01710000003"))
        self._enrol_in(self.training, self.survivor)
        self._enrol_in(self.training, self.survivor_2)
        self.assertEqual(self.training.enrolment_count, 2)
        with self.assertRaisesRegex(UserError, "is full"):
            self._enrol_in(self.training, third)
        self.assertEqual(self.env["ashshash.training.enrolment"].search_count(
            [("training_id", "=", self.training.id)]), 2)
        # A dropped participant frees the place.
        self.training.enrolment_ids[0].action_drop()
        self._enrol_in(self.training, third)
        self.assertEqual(self.training.enrolment_count, 2)

    def test_taking_back_a_dropped_participant_respects_capacity(self):
        third = self._enrol(self._create_survivor(name="Chameli Das", phone="01710000003"))
        dropped = self._enrol_in(self.training, self.survivor)
        dropped.action_drop()
        self._enrol_in(self.training, self.survivor_2)
        self._enrol_in(self.training, third)
        with self.assertRaisesRegex(UserError, "is full"):
            dropped.write({"state": "enrolled"})
        self.assertEqual(dropped.state, "dropped")
        self.assertEqual(self.training.enrolment_count, 2)

    def test_a_completed_enrolment_created_directly_takes_a_seat(self):
        third = self._enrol(self._create_survivor(name="Chameli Das", phone="01710000003"))
        self._enrol_in(self.training, self.survivor)
        with self.assertRaisesRegex(UserError, "is full"):
            self.env["ashshash.training.enrolment"].create([
                {"training_id": self.training.id, "survivor_id": self.survivor_2.id, "state": "completed"},
                {"training_id": self.training.id, "survivor_id": third.id, "state": "completed"},
            ])
        self.assertEqual(len(self.training.enrolment_ids), 1)

    def test_enrolling_after_the_end_is_refused(self):
        ended = self._create_training(
            date_start=self.today - timedelta(days=20), date_end=self.today - timedelta(days=1), session_days=5,
        )
        with self.assertRaisesRegex(UserError, "can no longer be enrolled"):
            self._enrol_in(ended, self.survivor)
        self.assertFalse(ended.enrolment_ids)

    def test_enrolling_in_a_cancelled_training_is_refused(self):
        self.training.action_cancel()
        with self.assertRaisesRegex(UserError, "can no longer be enrolled"):
            self._enrol_in(self.training, self.survivor)

    def test_one_enrolment_per_survivor_per_training(self):
        self.training.capacity = 0
        self._enrol_in(self.training, self.survivor)
        with self.assertRaisesRegex(UserError, "already enrolled"):
            self._enrol_in(self.training, self.survivor)
        self.assertEqual(len(self.training.enrolment_ids), 1)

    def test_a_survivor_not_enrolled_in_the_programme_cannot_join(self):
        newcomer = self._create_survivor(name="Dilruba Yeasmin", phone="01710000004")
        with self.assertRaisesRegex(UserError, "not in the programme"):
            self._enrol_in(self.training, newcomer)

    def test_days_attended_cannot_exceed_training_days(self):
        enrolment = self._enrol_in(self.training, self.survivor)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            enrolment.days_attended = 11
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            enrolment.days_attended = -1
        enrolment.invalidate_recordset()
        self.assertEqual(enrolment.days_attended, 0)

    def test_display_name_shows_the_case_code(self):
        enrolment = self._enrol_in(self.training, self.survivor)
        self.assertIn(self.survivor.code, enrolment.display_name)
        self.assertNotIn("Amena", enrolment.display_name)
