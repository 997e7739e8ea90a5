from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSupportTour(HttpCase):

    def test_case_worker_records_and_delivers_support(self):
        user = new_test_user(self.env, login="tour_liv_case_worker", password="tour_liv_case_worker",
                             name="Tour Livelihood Case Worker", groups="ashshash_case.group_case_worker")
        survivor = self.env["ashshash.survivor"].create({
            "name": "Tour Survivor Jahanara", "gender": "female", "estimated_age": 25,
            "area_id": self.env.ref("ashshash_case.area_union_kalaroa_jugikhali").id,
            "identification_source": "self", "user_id": user.id,
        })
        self.env["ashshash.consent"].create({
            "survivor_id": survivor.id, "consent_type": "services",
            "given_on": fields.Date.context_today(survivor),
        })
        survivor.action_enrol()
        self.start_tour("/odoo/action-ashshash_livelihood.ashshash_support_action", "ashshash_support_deliver",
                        login="tour_liv_case_worker")
        support = self.env["ashshash.support"].search([("survivor_id", "=", survivor.id)])
        self.assertEqual(support.state, "delivered")
        self.assertEqual(support.total_value, 1500)
        self.assertEqual(support.create_uid, user)
