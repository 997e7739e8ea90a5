from odoo import fields
from odoo.tests import TransactionCase, new_test_user


class AshshashCaseCommon(TransactionCase):
    """A small programme shared by the tests of every ASHSHASH addon: one user per
    role, two unions of Kalaroa and a survivor for each case worker."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.today = fields.Date.context_today(cls.env["ashshash.survivor"])
        cls.union_jugikhali = cls.env.ref("ashshash_case.area_union_kalaroa_jugikhali")
        cls.union_koyla = cls.env.ref("ashshash_case.area_union_kalaroa_koyla")
        cls.upazila_kalaroa = cls.env.ref("ashshash_case.area_upz_kalaroa")
        cls.district_satkhira = cls.env.ref("ashshash_case.area_dist_satkhira")

        cls.case_worker = new_test_user(
            cls.env, login="test_case_worker", name="Case Worker One",
            groups="ashshash_case.group_case_worker",
        )
        cls.case_worker_2 = new_test_user(
            cls.env, login="test_case_worker_2", name="Case Worker Two",
            groups="ashshash_case.group_case_worker",
        )
        cls.case_manager = new_test_user(
            cls.env, login="test_case_manager", name="Case Manager",
            groups="ashshash_case.group_case_manager",
        )
        cls.me_officer = new_test_user(
            cls.env, login="test_me_officer", name="M&E Officer",
            groups="ashshash_case.group_me_officer",
        )
        cls.programme_admin = new_test_user(
            cls.env, login="test_programme_admin", name="Programme Admin",
            groups="ashshash_case.group_admin",
        )

        cls.survivor = cls._create_survivor(name="Amena Khatun", user=cls.case_worker)
        cls.survivor_2 = cls._create_survivor(
            name="Bilkis Akter", user=cls.case_worker_2, area=cls.union_koyla,
        )

    @classmethod
    def _create_survivor(cls, name="Test Survivor", user=None, area=None, **vals):
        values = {
            "name": name,
            "gender": "female",
            "estimated_age": 22,
            "area_id": (area or cls.union_jugikhali).id,
            "identification_source": "peer_leader",
            "identification_date": cls.today,
            "user_id": (user or cls.case_worker).id,
        }
        values.update(vals)
        return cls.env["ashshash.survivor"].create(values)

    @classmethod
    def _give_consent(cls, survivor, consent_type="services", **vals):
        values = {
            "survivor_id": survivor.id,
            "consent_type": consent_type,
            "given_on": cls.today,
            "given_by": "survivor",
            "method": "signed_form",
        }
        values.update(vals)
        return cls.env["ashshash.consent"].create(values)

    @classmethod
    def _enrol(cls, survivor):
        cls._give_consent(survivor)
        survivor.action_enrol()
        return survivor
