from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestEventTour(HttpCase):

    def test_event_officer_records_and_reports_an_event(self):
        new_test_user(self.env, login="tour_event_officer", password="tour_event_officer",
                      name="Tour Event Officer", groups="ashshash_events.group_event_officer")
        self.start_tour("/odoo/action-ashshash_events.ashshash_event_action", "ashshash_event_report",
                        login="tour_event_officer")
        event = self.env["ashshash.event"].search([("name", "=", "Tour pot show at Koyla bazar")])
        self.assertEqual(event.state, "reported")
        self.assertEqual(event.attendance_total, 50)
        self.assertEqual(event.area_id, self.env.ref("ashshash_case.area_union_kalaroa_koyla"))
        self.assertEqual(event.audience_line_ids.mapped("category"), ["community_people"])
        self.assertEqual(event.user_id.login, "tour_event_officer")
