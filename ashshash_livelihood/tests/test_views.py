from odoo.tests import Form, tagged

from .common import AshshashLivelihoodCommon

ACTIONS = [
    "ashshash_livelihood.ashshash_training_action",
    "ashshash_livelihood.ashshash_training_enrolment_action",
    "ashshash_livelihood.ashshash_support_action",
    "ashshash_livelihood.ashshash_support_action_contribution",
    "ashshash_livelihood.ashshash_economic_outcome_action",
    "ashshash_livelihood.ashshash_contribution_report_action",
]


@tagged("post_install", "-at_install")
class TestLivelihoodViews(AshshashLivelihoodCommon):

    def test_every_view_opens_for_each_role(self):
        for user in (self.case_worker, self.case_manager, self.me_officer):
            for xml_id in ACTIONS:
                action = self.env.ref(xml_id)
                model = self.env[action.res_model].with_user(user)
                view_types = [(False, view_type) for view_type in action.view_mode.split(",")] + [(False, "search")]
                with self.subTest(user=user.login, action=xml_id):
                    views = model.get_views(view_types)
                    self.assertEqual(set(views["views"]), {vt for _id, vt in view_types})
            survivor_form = self.env["ashshash.survivor"].with_user(user).get_views([(False, "form")])
            self.assertIn("support_plan_line_ids", survivor_form["views"]["form"]["arch"])

    def test_me_officer_form_hides_the_receipt(self):
        views = self.env["ashshash.support"].with_user(self.me_officer).get_views([(False, "form")])
        arch = views["views"]["form"]["arch"]
        self.assertNotIn("received_by", arch)
        self.assertIn("total_value", arch)

    def test_case_worker_records_support_through_the_form(self):
        with Form(self.env["ashshash.support"].with_user(self.case_worker)) as form:
            form.survivor_id = self.survivor
            form.support_type_id = self.support_employment
            form.quantity = 10
            form.unit_value = 400
            form.provided_by = "partner"
            form.contributor_id = self.company_partner
            form.provided_by = "programme"
            self.assertFalse(form.contributor_id)
        support = form.record
        self.assertEqual(support.total_value, 4000)
        self.assertFalse(support.is_contribution)

    def test_case_worker_enrols_through_the_training_form(self):
        with Form(self.training.with_user(self.case_worker)) as form:
            with form.enrolment_ids.new() as line:
                line.survivor_id = self.survivor
                line.days_attended = 9
        self.assertEqual(self.training.enrolment_ids.survivor_id, self.survivor)
        self.assertAlmostEqual(self.training.enrolment_ids.attendance_rate, 90.0)

    def test_partner_form_for_someone_outside_the_programme(self):
        user = self.env["res.users"].create({
            "name": "Accountant", "login": "test_accountant",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id, self.env.ref("base.group_partner_manager").id])],
        })
        arch = self.env["res.partner"].with_user(user).get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn("ashshash_contribution_value", arch)
        with Form(self.company_partner.with_user(user)) as form:
            form.phone = "01711000000"
        self.assertEqual(self.company_partner.phone, "01711000000")
