from datetime import timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import AshshashCounsellingCommon


@tagged("post_install", "-at_install")
class TestCounsellingSession(AshshashCounsellingCommon):

    def test_first_done_individual_session_starts_counselling(self):
        session = self._session(done=False)
        self.assertEqual(session.state, "planned")
        self.assertEqual(self.survivor.state, "enrolled")
        session.with_user(self.case_worker).action_done()
        self.assertEqual(session.state, "done")
        self.assertEqual(self.survivor.state, "in_counselling")
        self.assertEqual(self.survivor.individual_session_count, 1)
        self.assertEqual(self.survivor.first_session_date, session.session_date)
        self.assertEqual(self.survivor.last_contact_date, session.session_date)

    def test_family_session_does_not_start_counselling(self):
        self._session(session_type="family", family_member_ids=[self.mother.id])
        self.assertEqual(self.survivor.state, "enrolled")
        self.assertEqual(self.survivor.family_session_count, 1)

    def test_cancel_and_did_not_attend(self):
        session = self._session(done=False)
        session.with_user(self.case_worker).action_no_show()
        self.assertEqual(session.state, "cancelled")
        self.assertTrue(session.did_not_attend)
        with self.assertRaises(UserError):
            session.action_done()
        self.assertEqual(session.state, "cancelled")
        session.action_draft()
        self.assertEqual(session.state, "planned")
        self.assertFalse(session.did_not_attend)
        session.action_cancel()
        self.assertEqual(session.state, "cancelled")
        self.assertFalse(session.did_not_attend)
        self.assertEqual(self.survivor.individual_session_count, 0)

    def test_done_session_cannot_be_cancelled(self):
        session = self._session()
        with self.assertRaises(UserError):
            session.action_cancel()
        self.assertEqual(session.state, "done")

    def test_session_in_future_cannot_be_done(self):
        session = self._session(done=False, date=self.now + timedelta(days=2))
        with self.assertRefused(UserError, "in the future"):
            session.action_done()
        self.assertEqual(session.state, "planned")
        self.assertEqual(self.survivor.state, "enrolled")
        with self.assertRaises(ValidationError):
            session.write({"state": "done"})

    def test_session_of_survivor_not_enrolled_cannot_be_done(self):
        newcomer = self._create_survivor(name="Nasima Akter")
        session = self._session(newcomer, done=False)
        with self.assertRefused(UserError, "Enrol"):
            session.action_done()
        self.assertEqual(session.state, "planned")

    def test_session_of_closed_case_cannot_be_done(self):
        session = self._session(done=False)
        self.survivor.close_reason = "moved_away"
        self.survivor.action_close()
        with self.assertRefused(UserError, "closed: reopen"):
            session.action_done()
        self.assertEqual(session.state, "planned")
        self.assertEqual(self.survivor.state, "closed")
        self.survivor.with_user(self.case_manager).action_reopen()
        session.action_done()
        self.assertEqual(session.state, "done")

    def test_family_session_needs_members(self):
        session = self._session(session_type="family", done=False)
        with self.assertRefused(UserError, "family members"):
            session.action_done()
        self.assertEqual(session.state, "planned")
        session.family_member_ids = self.mother
        session.action_done()
        self.assertEqual(session.state, "done")

    def test_family_session_only_with_own_family(self):
        stranger = self.env["ashshash.family.member"].create({
            "survivor_id": self.survivor_2.id, "name": "Karim Mia", "relation": "father", "gender": "male",
        })
        with self.assertRefused(ValidationError, "Only family members"):
            self._session(session_type="family", done=False, family_member_ids=[stranger.id])

    def test_community_session(self):
        session = self._community_session()
        self.assertEqual(session.state, "done")
        self.assertFalse(session.survivor_id)
        self.assertEqual(session.attendance_total, 21)
        self.assertEqual(session.area_id, self.union_koyla)
        self.assertEqual(session.company_id, self.env.company)

    def test_community_session_needs_attendance_to_be_done(self):
        session = self._community_session(done=False, attendance_women=0, attendance_men=0, attendance_others=0)
        with self.assertRefused(UserError, "attended"):
            session.action_done()
        self.assertEqual(session.state, "planned")

    def test_negative_attendance_is_refused(self):
        session = self._community_session()
        with self.assertRefused(ValidationError, "cannot be negative"):
            session.write({"attendance_men": -3})
        self.assertEqual(session.attendance_men, 8)
        self.assertEqual(session.attendance_total, 21)

    def test_community_session_has_no_survivor_and_needs_a_union(self):
        with self.assertRefused(ValidationError, "belongs to no survivor"):
            self._community_session(done=False, survivor_id=self.survivor.id)
        with self.assertRefused(ValidationError, "union"):
            self._community_session(done=False, area_id=False)

    def test_individual_session_needs_survivor(self):
        with self.assertRefused(ValidationError, "choose the survivor"):
            self.Session.create({"session_type": "individual", "date": self.now})

    def test_who5_scores(self):
        session = self._session(**self._who5(3, 2, 4, 1, 5))
        self.assertEqual(session.who5_raw_score, 15)
        self.assertEqual(session.who5_percentage, 60)
        self._session(days_ago=0, **self._who5(5, 5, 4, 4, 5))
        self.assertEqual(self.survivor.who5_first, 60)
        self.assertEqual(self.survivor.who5_latest, 92)

    def test_who5_item_outside_range_is_refused(self):
        session = self._session(**self._who5(3, 2, 4, 1, 5))
        for bad in (6, -1):
            with self.assertRefused(ValidationError, "from 0"):
                session.write({"who5_item2": bad})
        self.assertEqual(session.who5_item2, 2)
        self.assertEqual(session.who5_raw_score, 15)

    def test_display_name_shows_code_not_name(self):
        session = self._session()
        self.assertIn(self.survivor.code, session.display_name)
        self.assertNotIn("Amena", session.display_name)

    def test_survivor_counts_batch_queries(self):
        survivors = self.survivor | self.survivor_2
        self._session()
        self._session(self.survivor_2)
        survivors.invalidate_recordset()
        # A fixed number of grouped queries, whatever the number of survivors.
        with self.assertQueryCount(5):
            survivors._compute_counselling_counts()
        self.assertEqual(survivors.mapped("individual_session_count"), [1, 1])
