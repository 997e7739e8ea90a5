from contextlib import contextmanager
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


class AshshashEventsCommon(AshshashCaseCommon):
    """The case programme plus an event officer, partner organisations and an event held yesterday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_officer = new_test_user(
            cls.env, login="test_event_officer", name="Event Officer",
            groups="ashshash_events.group_event_officer",
        )
        cls.outsider = new_test_user(
            cls.env, login="test_outsider", name="No ASHSHASH groups", groups="base.group_user",
        )
        cls.type_pot_show = cls.env.ref("ashshash_events.event_type_pot_show")
        cls.type_school = cls.env.ref("ashshash_events.event_type_school_session")
        cls.type_iwd = cls.env.ref("ashshash_events.event_type_iwd")
        cls.type_wdatip = cls.env.ref("ashshash_events.event_type_wdatip")
        cls.type_imd = cls.env.ref("ashshash_events.event_type_imd")
        cls.ngo = cls.env["res.partner"].create({"name": "Test NGO", "is_company": True})
        cls.upazila_office = cls.env["res.partner"].create({"name": "Test Upazila office", "is_company": True})
        cls.yesterday = fields.Datetime.now().replace(microsecond=0) - timedelta(days=1)
        cls.event = cls._create_event()

    @classmethod
    def _create_event(cls, user=None, **vals):
        values = {
            "name": "Pot show at Jugikhali bazar",
            "event_type_id": cls.type_pot_show.id,
            "date_start": cls.yesterday,
            "date_end": cls.yesterday + timedelta(hours=3),
            "area_id": cls.union_jugikhali.id,
            "venue": "Jugikhali bazar",
            "organiser_ids": [Command.set(cls.ngo.ids)],
            "joint_partner_ids": [Command.set(cls.upazila_office.ids)],
        }
        values.update(vals)
        # Created as the given user; returned in the test's own environment.
        return cls.env["ashshash.event"].with_user(user or cls.event_officer).create(values).with_env(cls.env)

    def _record_attendance(self, event, women=120, men=80, others=2, audience=None):
        event.write({
            "women": women,
            "men": men,
            "others": others,
            "audience_line_ids": [
                Command.create({"category": category, "count": count})
                for category, count in (audience or {"community_people": 150, "youths": 40}).items()
            ],
        })

    @contextmanager
    def assertRefused(self, exception, message):
        """The operation raises ``exception`` with ``message`` and leaves the database as it was
        (assertRaises rolls back to a savepoint and clears the cache)."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), message)
