"""The test bases of ASHSHASH Events: an event held yesterday and the events of a
randomised programme for the indicator tests."""
import random
from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.tests import new_test_user

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon, AshshashIndicatorSqlCommon


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
            "attendance_women": women,
            "attendance_men": men,
            "attendance_others": others,
            "audience_line_ids": [
                Command.create({"category": category, "count": count})
                for category, count in (audience or {"community_people": 150, "youths": 40}).items()
            ],
        })


class AshshashEventsIndicatorCommon(AshshashIndicatorSqlCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_types = cls.env["ashshash.event.type"].search([])

    @classmethod
    def _make_events(cls, seed, size, companies=None):
        """``size`` events of every type (each at least once in the period and once after
        it), in every state, inside and outside the period.
        An international day is observed once a year per organisation: a second one in
        the same year is recorded cancelled."""
        rng = random.Random(seed)
        companies = companies or [cls.company, cls.company_b]
        cls.env.flush_all()
        cls.env.cr.execute("""
            SELECT event_type_id, company_id, observance_year FROM ashshash_event WHERE state != 'cancelled'
        """)
        observed = set(cls.env.cr.fetchall())
        vals_list = []
        for index in range(size):
            event_type = cls.event_types[index % len(cls.event_types)]
            company = rng.choice(companies)
            day = cls._random_day(rng)
            state = rng.choice(["done", "reported", "reported", "planned", "cancelled"])
            occurrence = index // len(cls.event_types)
            if occurrence < 2:
                # each type counts at least once, and once more just after the period
                day = cls.date_end - timedelta(days=rng.randint(0, 200)) if occurrence == 0 \
                    else cls.date_end + timedelta(days=rng.randint(1, 25))
                state = rng.choice(["done", "reported"])
            if event_type.category == "international_day":
                key = (event_type.id, company.id, day.year)
                if key in observed:
                    state = "cancelled"
                elif state != "cancelled":
                    observed.add(key)
            start = datetime.combine(day, time(6))
            vals_list.append({
                "name": f"Test event {seed}-{index}",
                "event_type_id": event_type.id,
                "company_id": company.id,
                "date_start": start,
                "date_end": start.replace(hour=9),
                "area_id": rng.choice(cls.unions | cls.upazila_kalaroa | cls.district_satkhira).id,
                "attendance_women": rng.randint(1, 300),
                "attendance_men": rng.randint(0, 300),
                "attendance_others": rng.randint(0, 3),
                "state": state,
            })
        return cls.env["ashshash.event"].create(vals_list)
