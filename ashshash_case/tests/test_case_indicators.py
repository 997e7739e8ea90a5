from datetime import timedelta

from odoo import Command
from odoo.tests import tagged

from .common import SENT_STATES, AshshashCaseIndicatorCommon

# What each indicator of ashshash_case means, in plain SQL (alias r).
SQL = {
    "SURV_COUNS_IND": {
        "from": "ashshash_counselling_session r",
        "where": "r.session_type = 'individual' AND r.state = 'done'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.session_date",
    },
    "FAM_MEMBERS_COUNS": {
        "from": "ashshash_counselling_session r JOIN ashshash_counselling_session_family_member_rel m "
                "ON m.session_id = r.id",
        "where": "r.session_type = 'family' AND r.state = 'done'",
        "count": "COUNT(DISTINCT m.family_member_id)", "gender": None, "date": "r.session_date",
    },
    "FAM_FAMILIES_COUNS": {
        "from": "ashshash_counselling_session r",
        "where": "r.session_type = 'family' AND r.state = 'done'",
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.session_date",
    },
    "CERT_ISSUED": {
        "from": "ashshash_certificate r",
        "where": "r.state = 'issued'",
        "count": "COUNT(*)", "gender": "r.gender", "date": "r.issue_date",
    },
    "COMM_SESSIONS": {
        "from": "ashshash_counselling_session r",
        "where": "r.session_type = 'community' AND r.state = 'done'",
        "count": "COUNT(*)", "gender": None, "date": "r.session_date",
    },
    "COMM_PEOPLE": {
        "from": "ashshash_counselling_session r",
        "where": "r.session_type = 'community' AND r.state = 'done'",
        "sums": ("r.attendance_women", "r.attendance_men", "r.attendance_others"), "date": "r.session_date",
    },
    "REF_HEALTH": {
        "from": "ashshash_referral r",
        "where": "r.service_category = 'health' AND r.state IN %s",
        "params": (SENT_STATES,),
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.sent_date",
    },
    "REF_LEGAL": {
        "from": "ashshash_referral r",
        "where": "r.service_category = 'legal' AND r.state IN %s",
        "params": (SENT_STATES,),
        "count": "COUNT(DISTINCT r.survivor_id)", "gender": "r.gender", "date": "r.sent_date",
    },
}


@tagged("post_install", "-at_install")
class TestCaseIndicators(AshshashCaseIndicatorCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survivors = cls._make_case_programme(seed=18, size=40)

    def test_every_case_indicator_equals_plain_sql(self):
        """Counselling, certificate and referral indicators equal plain SQL for every filter;
        their drill-downs find exactly the counted records."""
        for code, sql in SQL.items():
            self.assertIndicatorEqualsSql(code, sql)

    def test_data_has_what_must_not_count(self):
        """The random data holds what the definitions must leave out, in the period too."""
        self.env.flush_all()
        self.env.cr.execute("""
            SELECT
              (SELECT COUNT(*) FROM ashshash_counselling_session
                WHERE state != 'done' AND session_date BETWEEN %(f)s AND %(t)s),
              (SELECT COUNT(*) FROM ashshash_certificate
                WHERE state = 'revoked' AND issue_date BETWEEN %(f)s AND %(t)s),
              (SELECT COUNT(*) FROM ashshash_referral
                WHERE state = 'rejected' AND service_category = 'health' AND sent_date BETWEEN %(f)s AND %(t)s),
              (SELECT COUNT(*) FROM ashshash_referral WHERE state = 'draft' AND service_category = 'health'),
              (SELECT COUNT(*) FROM (SELECT survivor_id FROM ashshash_counselling_session
                WHERE state = 'done' AND session_type = 'individual' AND session_date BETWEEN %(f)s AND %(t)s
                GROUP BY survivor_id HAVING COUNT(*) > 1) twice)
        """, {"f": self.date_start, "t": self.date_end})
        for figure in self.env.cr.fetchone():
            self.assertGreater(figure, 0)

    def test_one_survivor_counselled_twice_counts_once(self):
        """Two done individual sessions, two family sessions with the mother in both, two
        health referrals: one survivor, one family, two members, one referred survivor."""
        ngo = self.env["res.company"].create({"name": "Double NGO"})
        survivor = self._create_survivor(name="Twice Counted", company_id=ngo.id, state="enrolled",
                                         enrolment_date=self.date_start)
        mother, brother = self.env["ashshash.family.member"].create([
            {"survivor_id": survivor.id, "name": "Mother", "relation": "mother", "gender": "female"},
            {"survivor_id": survivor.id, "name": "Brother", "relation": "brother", "gender": "male"},
        ])
        day = self.date_start + timedelta(days=10)
        self.Session.create([
            {"session_type": "individual", "survivor_id": survivor.id, "date": self._at(day), "state": "done"},
            {"session_type": "individual", "survivor_id": survivor.id, "date": self._at(day, 14), "state": "done"},
            {"session_type": "family", "survivor_id": survivor.id, "date": self._at(day), "state": "done",
             "family_member_ids": [Command.set(mother.ids)]},
            {"session_type": "family", "survivor_id": survivor.id, "date": self._at(day, 15), "state": "done",
             "family_member_ids": [Command.set((mother | brother).ids)]},
        ])
        self.env["ashshash.referral"].create([
            {"survivor_id": survivor.id, "provider_id": self.provider.id, "service_type_id": self.health.id,
             "date": day, "state": state, "sent_date": day}
            for state in ("completed", "rejected")
        ])
        values = self.Indicator.search([])._compute_values(self.date_start, self.date_end, companies=ngo,
                                                              by_gender=True)
        self.assertEqual(values["SURV_COUNS_IND"]["total"], 1)
        self.assertEqual(values["SURV_COUNS_IND"]["female"], 1)
        self.assertEqual(values["FAM_FAMILIES_COUNS"]["total"], 1)
        self.assertEqual(values["FAM_MEMBERS_COUNS"]["total"], 2)
        self.assertEqual(values["REF_HEALTH"]["total"], 1)
        self.assertEqual(values["REF_LEGAL"]["total"], 0)
        # the drill-down shows both sessions, grouped by survivor: one group
        action = self.env.ref("ashshash_case.indicator_surv_couns_ind").action_drilldown(
            self.date_start, self.date_end, companies=ngo)
        self.assertEqual(self.Session.search_count(action["domain"]), 2)
        self.assertEqual(action["context"]["group_by"], ["survivor_id"])

    def test_revoking_removes_the_certificate_from_the_figure(self):
        ngo = self.env["res.company"].create({"name": "Certificate NGO"})
        survivor = self._create_survivor(name="Certified", company_id=ngo.id, state="enrolled",
                                         enrolment_date=self.date_start)
        certificate = self.env["ashshash.certificate"].create({
            "survivor_id": survivor.id, "state": "issued", "name": "RTG/TEST", "issue_date": self.date_end,
        })
        indicator = self.env.ref("ashshash_case.indicator_cert_issued")

        def issued():
            return indicator._compute_values(self.date_start, self.date_end, companies=ngo)["CERT_ISSUED"]["total"]

        self.assertEqual(issued(), 1)
        certificate.write({"state": "revoked", "revoke_reason": "Test", "revoked_date": self.today})
        self.assertEqual(issued(), 0)
