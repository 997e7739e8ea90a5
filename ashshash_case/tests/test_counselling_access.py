from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AshshashCounsellingCommon


@tagged("post_install", "-at_install")
class TestCounsellingAccess(AshshashCounsellingCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.session = cls._session(notes="<p>Talked about the broker in Kolkata.</p>")
        cls.followup = cls.Followup.create({
            "survivor_id": cls.survivor.id, "present_status": "employed", "notes": "<p>Works at a tailoring shop.</p>",
        })
        cls.community = cls._community_session()

    def test_case_worker_of_the_case_reads_notes(self):
        self.assertIn("broker", self.session.with_user(self.case_worker).notes)
        self.assertIn("tailoring", self.followup.with_user(self.case_worker).notes)

    def test_case_manager_reads_notes(self):
        self.assertIn("broker", self.session.with_user(self.case_manager).notes)

    def test_colleague_cannot_read_the_session(self):
        with self.assertRaises(AccessError):
            self.session.with_user(self.case_worker_2).read(["session_type"])
        with self.assertRaises(AccessError):
            self.followup.with_user(self.case_worker_2).read(["present_status"])
        sessions = self.Session.with_user(self.case_worker_2).search([])
        self.assertNotIn(self.session, sessions)

    def test_case_workers_see_community_sessions(self):
        sessions = self.Session.with_user(self.case_worker).search([("session_type", "=", "community")])
        self.assertIn(self.community, sessions)
        self.assertEqual(self.community.with_user(self.case_worker).attendance_total, 21)

    def test_me_officer_reads_sessions_but_not_notes(self):
        session = self.session.with_user(self.me_officer)
        self.assertEqual(session.session_type, "individual")
        self.assertEqual(session.survivor_id.code, self.survivor.code)
        with self.assertRaises(AccessError):
            session.read(["notes"])
        with self.assertRaises(AccessError):
            self.followup.with_user(self.me_officer).read(["notes"])
        with self.assertRaises(AccessError):
            session.write({"topics": "changed"})

    def test_me_officer_cannot_read_the_verification_token(self):
        certificate = self.Certificate.create({"survivor_id": self.survivor.id})
        with self.assertRaises(AccessError):
            certificate.with_user(self.me_officer).read(["verification_token"])
        self.assertEqual(certificate.with_user(self.me_officer).state, "draft")

    def test_colleague_cannot_see_certificates_of_other_cases(self):
        certificate = self.Certificate.create({"survivor_id": self.survivor.id})
        with self.assertRaises(AccessError):
            certificate.with_user(self.case_worker_2).read(["state"])

    def test_every_role_opens_the_counselling_views(self):
        views = [(False, kind) for kind in ("list", "form", "search", "pivot", "graph", "calendar", "kanban")]
        for user in (self.case_worker, self.case_manager, self.me_officer):
            for model, kinds in (
                ("ashshash.counselling.session", views),
                ("ashshash.followup", [v for v in views if v[1] != "kanban"]),
                ("ashshash.certificate", [v for v in views if v[1] not in ("calendar", "kanban")]),
                ("ashshash.survivor", [(False, "list"), (False, "form"), (False, "search")]),
            ):
                with self.subTest(user=user.login, model=model):
                    result = self.env[model].with_user(user).get_views(kinds)
                    self.assertEqual(set(result["views"]), {kind for _id, kind in kinds})
        form = self.env["ashshash.counselling.session"].with_user(self.me_officer).get_views([(False, "form")])
        self.assertNotIn('name="notes"', form["views"]["form"]["arch"])
