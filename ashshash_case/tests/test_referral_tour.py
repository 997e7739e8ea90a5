from odoo.tests import HttpCase, tagged

from .common import AshshashReferralCommon


@tagged("post_install", "-at_install")
class TestReferralTour(AshshashReferralCommon, HttpCase):

    def test_case_worker_refers_a_survivor_from_the_case_file(self):
        self.hospital.name = "Tour Hospital"
        self._sharing_consent(provider=self.hospital)
        self.start_tour(f"/odoo/ashshash.survivor/{self.survivor.id}", "ashshash_referral_tour",
                        login=self.case_worker.login)
        referral = self.env["ashshash.referral"].search([("survivor_id", "=", self.survivor.id)])
        self.assertEqual((referral.state, referral.provider_id, referral.user_id),
                         ("sent", self.hospital, self.case_worker))
