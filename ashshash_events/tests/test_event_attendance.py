from datetime import timedelta

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestEventAttendance(AshshashEventsCommon):

    def test_total_is_the_sum_of_women_men_and_others(self):
        self._record_attendance(self.event, women=30, men=20, others=1, audience={"students": 51})
        self.assertEqual(self.event.attendance_total, 51)
        self.assertEqual(self.event.audience_total, 51)

    def test_negative_counts_are_refused(self):
        event = self.event.with_user(self.event_officer)
        for field in ("attendance_women", "attendance_men", "attendance_others"):
            with self.assertRefused(ValidationError, "cannot be negative"):
                event.write({field: -1})
            self.assertEqual(event[field], 0)
        event.write({"attendance_women": 10})
        with self.assertRefused(ValidationError, "cannot be negative"):
            event.write({"audience_line_ids": [Command.create({"category": "students", "count": -3})]})
        self.assertFalse(event.audience_line_ids)

    def test_a_breakdown_above_the_total_is_refused(self):
        event = self.event.with_user(self.event_officer)
        event.write({"attendance_women": 10, "attendance_men": 5})
        with self.assertRefused(ValidationError, "counts 16 people but only 15 attended"):
            event.write({"audience_line_ids": [
                Command.create({"category": "students", "count": 10}),
                Command.create({"category": "teachers", "count": 6}),
            ]})
        self.assertFalse(event.audience_line_ids)

        event.write({"audience_line_ids": [Command.create({"category": "students", "count": 15})]})
        # Lowering the attendance below the breakdown is refused as well...
        with self.assertRefused(ValidationError, "counts 15 people but only 14 attended"):
            event.write({"attendance_men": 4})
        self.assertEqual(event.attendance_men, 5)
        # ... and so is raising a line on its own.
        with self.assertRefused(ValidationError, "counts 16 people"):
            event.audience_line_ids.write({"count": 16})
        self.assertEqual(event.audience_line_ids.count, 15)
        with self.assertRefused(ValidationError, "counts 16 people"):
            self.env["ashshash.event.audience"].with_user(self.event_officer).create(
                {"event_id": event.id, "category": "imams", "count": 1}
            )
        self.assertEqual(len(event.audience_line_ids), 1)

    def test_an_audience_appears_once(self):
        event = self.event.with_user(self.event_officer)
        event.write({"attendance_women": 10})
        with self.assertRefused(ValidationError, "appear twice"):
            event.write({"audience_line_ids": [
                Command.create({"category": "students", "count": 2}),
                Command.create({"category": "students", "count": 3}),
            ]})
        self.assertFalse(event.audience_line_ids)

    def test_end_before_start_is_refused(self):
        event = self.event.with_user(self.event_officer)
        with self.assertRefused(ValidationError, "ends before it starts"):
            event.write({"date_end": self.yesterday - timedelta(minutes=1)})
        self.assertEqual(event.date_end, self.yesterday + timedelta(hours=3))
        with self.assertRefused(ValidationError, "ends before it starts"):
            self._create_event(name="Backwards", date_end=self.yesterday - timedelta(hours=1))
        self.assertFalse(self.env["ashshash.event"].search([("name", "=", "Backwards")]))

    def test_the_type_proposes_its_default_audience(self):
        event = self.env["ashshash.event"].with_user(self.event_officer).new({"event_type_id": self.type_school.id})
        event._onchange_event_type_id()
        self.assertEqual(event.name, self.type_school.name)
        self.assertEqual(event.audience_line_ids.mapped("category"), ["students"])

    def test_notable_attendee_takes_the_title_of_the_partner(self):
        uno = self.env["res.partner"].create({
            "name": "Test UNO", "function": "Upazila Nirbahi Officer", "parent_id": self.upazila_office.id,
        })
        attendee = self.env["ashshash.event.attendee"].with_user(self.event_officer).create(
            {"event_id": self.event.id, "partner_id": uno.id}
        )
        self.assertEqual(attendee.title, "Upazila Nirbahi Officer")
        self.assertEqual(attendee.display_name, "Test Upazila office, Test UNO, Upazila Nirbahi Officer")

    def test_people_reached_by_gender_type_area_and_organiser(self):
        self._record_attendance(self.event, women=100, men=50, others=0, audience={"community_people": 150})
        school = self._create_event(event_type_id=self.type_school.id, area_id=self.union_koyla.id)
        self._record_attendance(school, women=20, men=25, others=1, audience={"students": 40})
        (self.event | school).with_user(self.event_officer).action_done()
        groups = self.env["ashshash.event"].with_user(self.me_officer)._read_group(
            [("id", "in", (self.event | school).ids)],
            ["organiser_ids"],
            ["attendance_women:sum", "attendance_men:sum", "attendance_others:sum", "attendance_total:sum"],
        )
        self.assertEqual(groups, [(self.ngo, 120, 75, 1, 196)])
        by_area = dict(self.env["ashshash.event"]._read_group(
            [("id", "in", (self.event | school).ids)], ["upazila_id"], ["attendance_total:sum"],
        ))
        self.assertEqual(by_area, {self.upazila_kalaroa: 196})
