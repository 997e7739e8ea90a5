from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSurvivorTour(HttpCase):

    def test_case_worker_registers_and_enrols_a_survivor(self):
        new_test_user(self.env, login="tour_case_worker", password="tour_case_worker",
                      name="Tour Case Worker", groups="ashshash_case.group_case_worker")
        self.start_tour("/odoo/action-ashshash_case.ashshash_survivor_action", "ashshash_survivor_enrol",
                        login="tour_case_worker")
        survivor = self.env["ashshash.survivor"].search([("name", "=", "Tour Survivor Rahima")])
        self.assertEqual(survivor.state, "enrolled")
        self.assertEqual(survivor.user_id.login, "tour_case_worker")
        self.assertEqual(survivor.consent_ids.consent_type, "services")
