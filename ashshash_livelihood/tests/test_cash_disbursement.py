import base64
from unittest.mock import patch

import psycopg2
from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import AshshashCashCommon


@tagged("post_install", "-at_install")
class TestCashDisbursementFlow(AshshashCashCommon):

    def test_whole_flow_posts_balanced_entries_on_the_donor_project(self):
        batch = self.env["ashshash.cash.disbursement"].with_user(self.case_manager).create({
            "campaign_id": self.campaign.id,
        })
        batch.action_add_eligible()
        # Jugikhali, enrolled: not survivor_2 (Koyla) nor survivor_new (not enrolled).
        self.assertEqual(batch.line_ids.survivor_id, self.survivor | self.survivor_3)
        self.assertEqual(batch.line_ids.mapped("amount"), [3000.0, 3000.0])
        line_wallet = batch.line_ids.filtered(lambda line: line.survivor_id == self.survivor)
        line_wallet.write({"payment_method": "bkash", "account_number": "01711000001"})

        batch.action_submit()
        self.assertEqual(batch.state, "submitted")
        self.assertEqual(batch.submitted_by_id, self.case_manager)
        self.assertEqual(self.campaign.budget_committed, 6000)

        batch.with_user(self.finance_officer).action_approve()
        self.assertEqual(batch.approved_by_id, self.finance_officer)
        batch.with_user(self.finance_officer).action_pay()

        self.assertEqual(batch.state, "paid")
        self.assertEqual(set(batch.line_ids.mapped("state")), {"paid"})
        self.assertEqual(self.campaign.budget_used, 6000)
        self.assertEqual(self.campaign.budget_remaining, 3000)
        self.assertEqual(self.campaign.paid_count, 2)
        moves = batch.line_ids.move_id
        self.assertEqual(len(moves), 2)
        self.assertEqual(batch.move_ids, moves)
        for line in batch.line_ids:
            move = line.move_id
            self.assertEqual(move.state, "posted")
            self.assertEqual(move.journal_id, self.bank_journal)
            self.assertEqual(move.ref, f"{batch.name} {line.survivor_id.code}")
            self.assertEqual(move.partner_id, line.survivor_id.payee_partner_id)
            self.assertEqual(move.partner_id.name, line.survivor_id.code, "payees are named by the case code")
            self.assertEqual(sum(move.line_ids.mapped("debit")), sum(move.line_ids.mapped("credit")))
            expense = move.line_ids.filtered(lambda ml: ml.account_id == self.expense_account)
            self.assertEqual(expense.debit, 3000)
            self.assertEqual(expense.analytic_distribution, {str(self.donor_project.id): 100})
            self.assertEqual(expense.analytic_line_ids.account_id, self.donor_project)
            credit = move.line_ids - expense
            self.assertEqual(credit.account_id, self.bank_journal.default_account_id)
            self.assertEqual(credit.credit, 3000)
        self.assertEqual(line_wallet.bank_account_id.partner_id, line_wallet.payee_partner_id)
        self.assertEqual(line_wallet.bank_account_id.acc_number, "01711000001")
        self.assertNotIn("Amena", " ".join(moves.line_ids.partner_id.mapped("name")))

    def test_cancel_paid_batch_reverses_entries_and_frees_survivors(self):
        batch = self._paid_batch(self.survivor | self.survivor_3)
        moves = batch.move_ids
        with self.assertRaisesRegex(UserError, "reason"):
            batch.with_user(self.finance_officer).action_cancel()
        self.assertEqual(batch.state, "paid")
        batch.with_user(self.finance_officer).cancel_reason = "Paid twice by mistake"
        with self.assertRaisesRegex(AccessError, "Only a finance officer can"):
            batch.action_cancel()
        self.assertEqual(batch.state, "paid")

        batch.with_user(self.finance_officer).action_cancel()
        self.assertEqual(batch.state, "cancelled")
        reversals = batch.line_ids.reversal_move_id
        self.assertEqual(len(reversals), 2)
        self.assertEqual(reversals.reversed_entry_id, moves)
        self.assertEqual(set(reversals.mapped("state")), {"posted"})
        for reversal in reversals:
            original = reversal.reversed_entry_id
            self.assertEqual(
                sorted(reversal.line_ids.mapped("balance")), sorted(-b for b in original.line_ids.mapped("balance")),
            )
        self.assertEqual(self.campaign.budget_used, 0)
        # The same survivors can be proposed and paid again in the campaign.
        again = self._paid_batch(self.survivor | self.survivor_3)
        self.assertEqual(again.state, "paid")

    def test_submit_lists_every_problem_line(self):
        self._approved_batch(self.survivor_3)
        batch = self._create_batch([self.survivor, self.survivor])
        batch.line_ids[0].amount = 0
        batch.line_ids[1].payment_method = "nagad"
        self.env["ashshash.cash.disbursement.line"].with_user(self.case_manager).create({
            "disbursement_id": batch.id, "survivor_id": self.survivor_3.id,
        })
        with self.assertRaises(UserError) as error:
            batch.action_submit()
        message = str(error.exception)
        code, code_3 = self.survivor.code, self.survivor_3.code
        self.assertIn(f"{code} appears twice in this batch", message)
        self.assertIn(f"{code}: the amount must be above zero", message)
        self.assertIn(f"{code}: enter the account or wallet number for Nagad", message)
        self.assertIn(f"{code_3} is already in batch", message)
        self.assertNotIn("outside the campaign period", message)
        self.assertEqual(batch.state, "draft")
        self.assertFalse(batch.submitted_by_id)

    def test_budget_cannot_be_overspent(self):
        self._approved_batch(self.survivor | self.survivor_3)
        self.assertEqual(self.campaign.budget_remaining, 3000)
        batch = self._create_batch(self._enrol(self._create_survivor(name="Esha Parvin")), amount=3500)
        with self.assertRaisesRegex(UserError, "over the 3000.0 left in the budget"):
            batch.action_submit()
        self.assertEqual(batch.state, "draft")

    def test_database_refuses_paying_a_survivor_twice_in_a_campaign(self):
        self._approved_batch(self.survivor)
        batch = self._create_batch(self.survivor)
        # Bypassing every check of action_submit, the database still refuses.
        with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.errors.UniqueViolation):
            batch.sudo().write({"state": "submitted"})
            batch.line_ids.flush_recordset()

    def test_payment_date_must_fall_in_the_campaign_period(self):
        batch = self._create_batch(self.survivor)
        batch.payment_date = self.today + relativedelta(days=1)
        with self.assertRaisesRegex(UserError, "outside the campaign period"):
            batch.action_submit()
        self.assertEqual(batch.state, "draft")

    def test_add_eligible_skips_survivors_already_in_the_campaign(self):
        self._approved_batch(self.survivor)
        batch = self.env["ashshash.cash.disbursement"].with_user(self.case_manager).create({
            "campaign_id": self.campaign.id,
        })
        batch.action_add_eligible()
        self.assertEqual(batch.line_ids.survivor_id, self.survivor_3)
        with self.assertRaisesRegex(UserError, "already in one of its batches"):
            batch.action_add_eligible()
        self.assertEqual(len(batch.line_ids), 1)

    def test_segregation_of_duties(self):
        batch = self._create_batch(self.survivor)
        with self.assertRaisesRegex(AccessError, "Only a case manager can"):
            batch.with_user(self.finance_officer).action_submit()
        batch.action_submit()
        with self.assertRaisesRegex(AccessError, "Only a finance officer can"):
            batch.action_approve()
        with self.assertRaisesRegex(UserError, "cannot be paid: it is submitted"):
            batch.with_user(self.finance_officer).action_pay()
        self.assertEqual(batch.state, "submitted")
        self.assertFalse(self.env["account.move"].search([("ref", "like", batch.name)]))

        # A manager who is also a finance officer cannot approve what they submitted.
        self.case_manager_only = new_test_user(
            self.env, login="test_case_manager_only", groups="ashshash_case.group_case_manager",
        )
        both = self.case_manager
        both.groups_id = [Command.link(self.env.ref("ashshash_livelihood.group_finance_officer").id)]
        own = self._create_batch(self.survivor_3, user=both)
        own.action_submit()
        with self.assertRaisesRegex(UserError, "another finance officer must approve"):
            own.action_approve()
        self.assertEqual(own.state, "submitted")
        own.with_user(self.finance_officer).action_approve()
        self.assertEqual(own.state, "approved")
        # Once approved, only finance can cancel it.
        manager_only = own.with_user(self.case_manager_only)
        manager_only.cancel_reason = "Duplicate proposal"
        with self.assertRaisesRegex(AccessError, "Only a finance officer can"):
            manager_only.action_cancel()
        self.assertEqual(own.state, "approved")

    def test_pay_is_all_or_nothing(self):
        batch = self._approved_batch(self.survivor | self.survivor_3)
        failing_ref = f"{batch.name} {self.survivor_3.code}"
        AccountMove = type(self.env["account.move"])
        original_post = AccountMove._post

        def _post(moves, soft=True):
            posted = original_post(moves, soft)
            if failing_ref in moves.mapped("ref"):
                raise UserError(moves.env._("The bank refused the transfer."))
            return posted

        # assertRaises (not assertRaisesRegex) rolls back like a request that fails.
        with patch.object(AccountMove, "_post", _post), self.assertRaises(UserError) as error:
            batch.with_user(self.finance_officer).action_pay()
        self.assertIn("bank refused", str(error.exception))
        self.assertEqual(batch.state, "approved")
        self.assertFalse(batch.line_ids.move_id)
        self.assertFalse(self.env["account.move"].search([("ref", "like", batch.name)]))

    def test_lines_are_frozen_after_submit(self):
        batch = self._create_batch(self.survivor)
        batch.action_submit()
        with self.assertRaisesRegex(UserError, "no longer change"):
            batch.line_ids.amount = 10
        with self.assertRaisesRegex(UserError, "draft batch"):
            self.env["ashshash.cash.disbursement.line"].with_user(self.case_manager).create({
                "disbursement_id": batch.id, "survivor_id": self.survivor_3.id,
            })
        with self.assertRaisesRegex(UserError, "paid line"):
            batch.line_ids.with_user(self.finance_officer).received_date = self.today
        self.assertEqual(batch.line_ids.amount, 3000)

    def test_campaign_cannot_open_without_accounting(self):
        campaign = self.env["ashshash.cash.campaign"].create({
            "name": "Flood", "date_start": self.today, "date_end": self.today,
            "amount_per_beneficiary": 1000, "budget": 1000,
        })
        with self.assertRaisesRegex(UserError, "payment journal, expense account"):
            campaign.action_open()
        self.assertEqual(campaign.state, "draft")

    def test_payment_sheet_shows_codes_not_names(self):
        batch = self._paid_batch(self.survivor)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "ashshash_livelihood.ashshash_cash_disbursement_report_payment_sheet", batch.ids,
        )[0].decode()
        self.assertIn(self.survivor.code, html)
        self.assertIn("Signature", html)
        self.assertNotIn(self.survivor.name, html)

    def test_cash_analysis_groups_by_campaign_area_gender_and_month(self):
        self._paid_batch(self.survivor | self.survivor_3)
        groups = self.env["ashshash.cash.disbursement.line"].with_user(self.me_officer)._read_group(
            [("state", "=", "paid")], ["campaign_id", "union_id", "gender", "paid_date:month"], ["amount:sum"],
        )
        self.assertEqual(len(groups), 1)
        campaign, union, gender, _month, amount = groups[0]
        self.assertEqual((campaign, union, gender, amount), (self.campaign, self.union_jugikhali, "female", 6000))


@tagged("post_install", "-at_install")
class TestCashReceiptImport(AshshashCashCommon):

    def _import(self, batch, content):
        wizard = self.env["ashshash.cash.receipt.import.wizard"].with_user(self.finance_officer).create({
            "disbursement_id": batch.id,
            "file": base64.b64encode(content.encode()),
            "filename": "bkash.csv",
        })
        wizard.action_import()
        return wizard

    def test_import_marks_lines_received_and_reports_unmatched_ids(self):
        batch = self._paid_batch(self.survivor | self.survivor_3, payment_method="bkash", account_number="0171")
        content = (
            "case_code,transaction_id,date\n"
            f"{self.survivor.code},BKTX0001,2024-05-21\n"
            "SV-0000-99999,BKTX0404,2024-05-21\n"
        )
        wizard = self._import(batch, content)
        line = batch.line_ids.filtered(lambda ln: ln.survivor_id == self.survivor)
        self.assertEqual(line.transaction_id, "BKTX0001")
        self.assertEqual(str(line.received_date), "2024-05-21")
        self.assertFalse((batch.line_ids - line).received_date)
        self.assertEqual(wizard.matched_count, 1)
        self.assertEqual(wizard.unmatched_ids, "BKTX0404")
        self.assertIn("BKTX0404", batch.message_ids[0].body)
        self.assertEqual(batch.received_count, 1)

    def test_bad_file_changes_nothing(self):
        batch = self._paid_batch(self.survivor)
        with self.assertRaisesRegex(UserError, "missing: date"):
            self._import(batch, f"case_code,transaction_id\n{self.survivor.code},BKTX1\n")
        with self.assertRaisesRegex(UserError, "is not a date"):
            self._import(batch, f"case_code,transaction_id,date\n{self.survivor.code},BKTX1,21/05\n")
        self.assertFalse(batch.line_ids.transaction_id)

    def test_import_refused_on_unpaid_batch(self):
        batch = self._approved_batch(self.survivor)
        with self.assertRaisesRegex(UserError, "only be imported on a paid batch"):
            self._import(batch, f"case_code,transaction_id,date\n{self.survivor.code},BKTX1,2024-01-01\n")


@tagged("post_install", "-at_install")
class TestCashAccess(AshshashCashCommon):

    def test_case_worker_cannot_see_batches(self):
        self._create_batch(self.survivor)
        with self.assertRaises(AccessError):
            self.env["ashshash.cash.disbursement"].with_user(self.case_worker).search([])
        with self.assertRaises(AccessError):
            self.env["ashshash.cash.disbursement.line"].with_user(self.case_worker).search([])

    def test_finance_officer_sees_payee_and_amount_never_sensitive_fields(self):
        batch = self._paid_batch(self.survivor, payment_method="bkash", account_number="01711000001")
        line = batch.line_ids.with_user(self.finance_officer)
        self.assertEqual(line.amount, 3000)
        self.assertEqual(line.survivor_id.code, self.survivor.code)
        self.assertEqual(line.payee_partner_id.name, self.survivor.code)
        self.assertEqual(line.account_number, "01711000001")
        self.assertEqual(line.move_id.amount_total, 3000)
        survivor = self.survivor.with_user(self.finance_officer)
        for field in ("name", "phone", "trafficking_notes", "exploit_sexual"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                survivor.read([field])
        with self.assertRaises(AccessError):
            survivor.write({"gender": "male"})

    def test_finance_officer_menus_show_cash_not_case_files(self):
        menus = self.env["ir.ui.menu"].with_user(self.finance_officer)._visible_menu_ids()
        self.assertIn(self.env.ref("ashshash_livelihood.ashshash_cash_disbursement_menu").id, menus)
        self.assertNotIn(self.env.ref("ashshash_case.ashshash_menu_cases").id, menus)
        case_worker_menus = self.env["ir.ui.menu"].with_user(self.case_worker)._visible_menu_ids()
        self.assertIn(self.env.ref("ashshash_case.ashshash_survivor_menu").id, case_worker_menus)
        self.assertNotIn(self.env.ref("ashshash_livelihood.ashshash_cash_disbursement_menu").id, case_worker_menus)

    def test_finance_officer_cannot_propose_batches(self):
        with self.assertRaises(AccessError):
            self._create_batch(self.survivor, user=self.finance_officer)

    def test_me_officer_reads_but_cannot_change(self):
        batch = self._create_batch(self.survivor)
        batch_me = batch.with_user(self.me_officer)
        self.assertEqual(batch_me.amount_total, 3000)
        with self.assertRaises(AccessError):
            batch_me.write({"note": "changed"})
        with self.assertRaisesRegex(AccessError, "Only a case manager"):
            batch_me.action_submit()


@tagged("post_install", "-at_install")
class TestCashForms(AshshashCashCommon):
    """The forms each role opens load with what that role may read."""

    def test_case_manager_proposes_a_batch_in_the_form(self):
        with Form(self.env["ashshash.cash.disbursement"].with_user(self.case_manager)) as form:
            form.campaign_id = self.campaign
            with form.line_ids.new() as line:
                line.survivor_id = self.survivor
                self.assertEqual(line.amount, 3000)
                line.payment_method = "bkash"
                line.account_number = "01711000009"
        batch = form.record
        self.assertEqual(batch.line_ids.bank_account_id.acc_number, "01711000009")
        self.assertEqual(batch.line_ids.bank_account_id.partner_id.name, self.survivor.code)
        batch.action_submit()
        self.assertEqual(batch.state, "submitted")

    def test_each_role_opens_the_forms(self):
        batch = self._paid_batch(self.survivor)
        for user in (self.case_manager, self.finance_officer, self.me_officer):
            with self.subTest(user=user.login):
                self.assertEqual(Form(batch.with_user(user)).amount_total, 3000)
                self.assertEqual(Form(self.campaign.with_user(user)).budget_used, 3000)
        Form(self.campaign.with_user(self.programme_admin))
        self.assertEqual(Form(self.survivor.with_user(self.case_manager)).cash_line_count, 1)
        # The survivor form of the case worker still opens: the cash button is not theirs.
        self.assertEqual(Form(self.survivor.with_user(self.case_worker)).code, self.survivor.code)
        line_form = Form(batch.line_ids.with_user(self.finance_officer))
        self.assertEqual(line_form.move_id, batch.line_ids.move_id)
