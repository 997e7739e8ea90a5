from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import AshshashCaseCommon


@tagged("post_install", "-at_install")
class TestAccessByRole(AshshashCaseCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survivor.case_worker_ids = cls.env["res.users"]
        cls._give_consent(cls.survivor)
        cls.env["ashshash.family.member"].create({
            "survivor_id": cls.survivor.id, "name": "Karim Sheikh", "relation": "father", "gender": "male", "age": 50,
        })

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_case_worker_sees_only_own_cases(self):
        Survivor = self.env["ashshash.survivor"].with_user(self.case_worker)
        visible = Survivor.search([])
        self.assertIn(self.survivor, visible)
        self.assertNotIn(self.survivor_2, visible)
        self.assertEqual(self.survivor.with_user(self.case_worker).name, "Amena Khatun")
        with self.assertRaises(AccessError):
            self.survivor_2.with_user(self.case_worker).read(["code"])
        with self.assertRaises(AccessError):
            self.survivor_2.with_user(self.case_worker).write({"phone": "0171"})
        # Neither the colleague's family members nor consents.
        self.assertFalse(self.env["ashshash.consent"].with_user(self.case_worker_2).search(
            [("survivor_id", "=", self.survivor.id)]))
        self.assertFalse(self.env["ashshash.family.member"].with_user(self.case_worker_2).search([]))

    def test_case_worker_on_the_team_sees_the_case(self):
        self.survivor.case_worker_ids = self.case_worker_2
        self.assertIn(self.survivor, self.env["ashshash.survivor"].with_user(self.case_worker_2).search([]))
        self.assertEqual(self.survivor.with_user(self.case_worker_2).name, "Amena Khatun")

    @mute_logger("odoo.models")
    def test_case_worker_cannot_delete_or_export(self):
        survivor = self.survivor.with_user(self.case_worker)
        with self.assertRaises(AccessError):
            survivor.unlink()
        with self.assertRaisesRegex(AccessError, "Only a case manager can export survivor data"):
            survivor.export_data(["code", "name"])

    def test_case_manager_sees_all_and_exports(self):
        Survivor = self.env["ashshash.survivor"].with_user(self.case_manager)
        self.assertIn(self.survivor_2, Survivor.search([]))
        self.survivor_2.with_user(self.case_manager).write({"user_id": self.case_worker.id})
        rows = self.survivor.with_user(self.case_manager).export_data(["code", "name"])["datas"]
        self.assertEqual(rows, [[self.survivor.code, "Amena Khatun"]])

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_me_officer_reads_codes_not_names(self):
        survivors = self.env["ashshash.survivor"].with_user(self.me_officer).search([])
        self.assertIn(self.survivor, survivors)
        self.assertIn(self.survivor_2, survivors)
        record = self.survivor.with_user(self.me_officer)
        self.assertEqual(record.read(["code", "gender", "state"])[0]["code"], self.survivor.code)
        for field in ("name", "phone", "trafficking_notes", "exploit_forced_labour", "date_of_birth"):
            with self.assertRaises(AccessError, msg=field):
                record.read([field])
        with self.assertRaises(AccessError):
            self.env["ashshash.family.member"].with_user(self.me_officer).search([]).read(["name"])
        with self.assertRaises(AccessError):
            record.write({"gender": "male"})
        with self.assertRaises(AccessError):
            record.export_data(["code"])
        # Aggregates work.
        groups = self.env["ashshash.survivor"].with_user(self.me_officer)._read_group([], ["gender"], ["__count"])
        self.assertTrue(groups)

    @mute_logger("odoo.models")
    def test_programme_admin_configures_areas_but_sees_no_case(self):
        area = self.env["ashshash.area"].with_user(self.programme_admin).create({
            "name": "Baliadanga", "level": "village", "parent_id": self.union_jugikhali.id,
        })
        self.assertEqual(area.complete_name.split(" › ")[-1], "Baliadanga")
        with self.assertRaises(AccessError):
            self.env["ashshash.survivor"].with_user(self.programme_admin).search([])
        with self.assertRaises(AccessError):
            self.env["ashshash.area"].with_user(self.case_worker).create({"name": "X", "level": "division"})

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_other_company_is_invisible(self):
        other = self.env["res.company"].create({"name": "Agrogoti Sangstha"})
        manager_elsewhere = new_test_user(
            self.env, login="manager_elsewhere", groups="ashshash_case.group_case_manager",
            company_id=other.id, company_ids=[(6, 0, other.ids)],
        )
        self.assertFalse(self.env["ashshash.survivor"].with_user(manager_elsewhere).search([]))
        with self.assertRaises(AccessError):
            self.survivor.with_user(manager_elsewhere).read(["code"])

    @mute_logger("odoo.models")
    def test_plain_employee_sees_nothing(self):
        employee = new_test_user(self.env, login="plain_employee", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["ashshash.survivor"].with_user(employee).search([])

    def test_case_worker_enrols_own_survivor_but_only_a_manager_closes(self):
        survivor = self.survivor.with_user(self.case_worker)
        survivor.action_enrol()
        self.assertEqual(survivor.state, "enrolled")
        survivor.close_reason = "moved_away"
        with self.assertRaisesRegex(AccessError, "Only a case manager"):
            survivor.action_close()
        self.assertEqual(survivor.state, "enrolled")
        self.survivor.with_user(self.case_manager).action_close()
        self.assertEqual(self.survivor.state, "closed")
        with self.assertRaisesRegex(AccessError, "Only a case manager"):
            survivor.action_reopen()
        self.assertEqual(self.survivor.state, "closed")
