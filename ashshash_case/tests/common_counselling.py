from contextlib import contextmanager
from datetime import timedelta

from odoo import fields

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


class AshshashCounsellingCommon(AshshashCaseCommon):
    """The shared programme plus an enrolled survivor per case worker and the
    completion rule of the defaults (6 sessions, WHO-5 at start and end)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Session = cls.env["ashshash.counselling.session"]
        cls.Followup = cls.env["ashshash.followup"]
        cls.Certificate = cls.env["ashshash.certificate"]
        cls.icp = cls.env["ir.config_parameter"].sudo()
        cls.icp.set_param("ashshash_case.certificate_min_sessions", 6)
        cls.icp.set_param("ashshash_case.certificate_who5_required", True)
        cls.icp.set_param("ashshash_case.certificate_min_end_score", 0)
        cls.icp.set_param("ashshash_case.certificate_min_improvement", 0)
        cls.icp.set_param("ashshash_case.dropout_threshold_days", 60)
        cls._enrol(cls.survivor)
        cls._enrol(cls.survivor_2)
        cls.mother = cls.env["ashshash.family.member"].create({
            "survivor_id": cls.survivor.id, "name": "Rahima Khatun", "relation": "mother", "gender": "female",
        })
        cls.now = fields.Datetime.now()

    @contextmanager
    def assertRefused(self, exception, pattern):
        """assertRaises (which rolls back to a savepoint, so that 'nothing
        changed' can be checked) plus a check of the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    @classmethod
    def _who5(cls, *items):
        return {"who5_done": True, **{f"who5_item{i}": value for i, value in enumerate(items, 1)}}

    @classmethod
    def _create_session(cls, values, done):
        session = cls.Session.create(values)
        if done:
            session.action_done()
        return session

    @classmethod
    def _session(cls, survivor=None, days_ago=1, done=True, session_type="individual", **vals):
        values = {
            "session_type": session_type,
            "survivor_id": (survivor or cls.survivor).id,
            "date": cls.now - timedelta(days=days_ago),
            "user_id": ((survivor or cls.survivor).user_id or cls.case_worker).id,
        }
        return cls._create_session({**values, **vals}, done)

    @classmethod
    def _community_session(cls, done=True, **vals):
        values = {
            "session_type": "community",
            "area_id": cls.union_koyla.id,
            "date": cls.now - timedelta(days=1),
            "user_id": cls.case_worker_2.id,
            "venue": "Koyla school ground",
            "attendance_women": 12,
            "attendance_men": 8,
            "attendance_others": 1,
        }
        return cls._create_session({**values, **vals}, done)

    @classmethod
    def _complete_counselling(cls, survivor=None, start=(1, 2, 1, 2, 1), end=(4, 4, 3, 4, 4)):
        """Six done individual sessions, WHO-5 at the first and the last."""
        survivor = survivor or cls.survivor
        for index in range(6):
            vals = {}
            if index == 0:
                vals = cls._who5(*start)
            elif index == 5:
                vals = cls._who5(*end)
            cls._session(survivor, days_ago=71 - index * 14, **vals)
        return survivor
