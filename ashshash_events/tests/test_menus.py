from odoo.tests import new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from .common import AshshashEventsCommon


@tagged("post_install", "-at_install")
class TestAshshashMenus(AshshashEventsCommon):
    """Every role opens every ASHSHASH menu it sees: the action, its views and its first page of
    records load without an access error."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.roles = {
            "case worker": cls.case_worker,
            "case manager": cls.case_manager,
            "M&E officer": cls.me_officer,
            "programme admin": cls.programme_admin,
            "event officer": cls.event_officer,
        }
        # The finance officer comes with ASHSHASH Livelihood, installed with this module in the programme.
        if cls.env.ref("ashshash_livelihood.group_finance_officer", raise_if_not_found=False):
            cls.roles["finance officer"] = new_test_user(
                cls.env, login="test_menus_finance_officer", name="Menus Finance Officer",
                groups="ashshash_livelihood.group_finance_officer",
            )
        cls.root = cls.env.ref("ashshash_case.ashshash_menu_root")

    def _visible_ashshash_menus(self, user):
        Menu = self.env["ir.ui.menu"].with_user(user)
        visible = Menu._visible_menu_ids()
        return Menu.search([("id", "child_of", self.root.id)]).filtered(lambda menu: menu.id in visible)

    def _open(self, user, action):
        """What the web client does when the user clicks the menu of a window action: load the
        action, its views and the first page of its records."""
        action_data = action.with_user(user)._get_action_dict()
        model = self.env[action_data["res_model"]].with_user(user)
        view_types = action_data["view_mode"].split(",") + ["search"]
        views = model.get_views([(False, view_type) for view_type in view_types])
        self.assertEqual(set(views["views"]), set(view_types))
        domain = safe_eval(action_data["domain"] or "[]", {"uid": user.id})
        model.web_search_read(domain, {"display_name": {}}, limit=80)

    def test_every_role_opens_every_menu_it_sees(self):
        for role, user in self.roles.items():
            menus = self._visible_ashshash_menus(user)
            self.assertIn(self.root, menus, f"the {role} reaches the ASHSHASH app")
            for menu in menus.filtered("action"):
                with self.subTest(role=role, menu=menu.complete_name):
                    if menu.action._name == "ir.actions.act_window":
                        self._open(user, menu.action)
                    else:
                        self.assertTrue(menu.action.with_user(user)._get_action_dict())

    def test_case_files_are_not_in_the_menus_of_finance_and_event_officers(self):
        cases = self.env.ref("ashshash_case.ashshash_menu_cases")
        for role in ("case worker", "case manager", "M&E officer"):
            self.assertIn(cases, self._visible_ashshash_menus(self.roles[role]), role)
        for role in ("event officer", "finance officer"):
            if role in self.roles:
                self.assertNotIn(cases, self._visible_ashshash_menus(self.roles[role]), role)
