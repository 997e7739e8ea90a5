from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import AshshashEventsCommon

VIEW_TYPES = ("list", "form", "kanban", "calendar", "pivot", "graph", "search")


@tagged("post_install", "-at_install")
class TestEventViews(AshshashEventsCommon):

    def test_every_role_opens_the_event_views_and_form(self):
        form_spec = {
            name: {} for name in (
                "name", "event_type_id", "state", "date_start", "date_end", "area_id", "organiser_ids",
                "joint_partner_ids", "attendance_women", "attendance_men", "attendance_others", "attendance_total",
                "audience_line_ids", "attendee_ids",
                "outreach_method_ids", "topics", "decisions", "action_item_ids", "is_locked",
                "action_item_open_count", "activity_ids", "message_ids",
            )
        }
        for user in (self.event_officer, self.case_worker, self.me_officer, self.case_manager, self.programme_admin):
            Event = self.env["ashshash.event"].with_user(user)
            views = Event.get_views([(False, view_type) for view_type in VIEW_TYPES])
            self.assertEqual(set(views["views"]), set(VIEW_TYPES))
            record = self.event.with_user(user).web_read(form_spec)[0]
            self.assertEqual(record["name"], "Pot show at Jugikhali bazar")
        # The survivors who took part are only in the form of those who may see survivors.
        officer_form = self.env["ashshash.event"].with_user(self.event_officer).get_views([(False, "form")])
        self.assertNotIn("survivor_ids", officer_form["views"]["form"]["arch"])
        worker_form = self.env["ashshash.event"].with_user(self.case_worker).get_views([(False, "form")])
        self.assertIn("survivor_ids", worker_form["views"]["form"]["arch"])

    def test_people_reached_summary_groups_by_quarter_and_type(self):
        self._record_attendance(self.event, women=60, men=40, others=0, audience={"community_people": 100})
        self.event.with_user(self.event_officer).action_done()
        action = self.env.ref("ashshash_events.ashshash_event_action_people_reached")
        groups = self.env["ashshash.event"].with_user(self.me_officer)._read_group(
            safe_eval(action.domain),
            ["date:quarter", "event_type_id"],
            ["attendance_women:sum", "attendance_men:sum", "attendance_others:sum", "attendance_total:sum"],
        )
        mine = [group for group in groups if group[1] == self.type_pot_show]
        self.assertTrue(mine)
        self.assertGreaterEqual(sum(group[5] for group in mine), 100)

    def test_menus_by_role(self):
        events_menu = self.env.ref("ashshash_events.ashshash_menu_events")
        for user in (self.event_officer, self.case_worker, self.me_officer):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(events_menu.id, visible, user.name)
        self.assertNotIn(events_menu.id, self.env["ir.ui.menu"].with_user(self.outsider)._visible_menu_ids())
        plan_menu = self.env.ref("ashshash_events.ashshash_event_plan_observances_menu")
        self.assertIn(plan_menu.id, self.env["ir.ui.menu"].with_user(self.event_officer)._visible_menu_ids())
        self.assertNotIn(plan_menu.id, self.env["ir.ui.menu"].with_user(self.case_worker)._visible_menu_ids())
