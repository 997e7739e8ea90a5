"""Workflow-owned fields of ASHSHASH Livelihood are written only by their workflow: for
each lifecycle model, every field of its table (_workflow_fields() / _frozen_fields())
is tried by every role that may write the model, through create(), write() and import,
and refused; then the user stories of issue 12 (segregation of duties, need to know)."""
import base64
from datetime import timedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.ashshash_case.tests.common import AshshashWorkflowGuardCommon

from .common import AshshashCashCommon


class AshshashLivelihoodGuardCommon(AshshashWorkflowGuardCommon, AshshashCashCommon):
    """The cash programme plus a training under way, support, and an event officer when
    ASHSHASH Events is installed alongside (so that the guard tests try them too)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env.ref("ashshash_events.group_event_officer", raise_if_not_found=False):
            cls.event_officer = new_test_user(
                cls.env, login="test_liv_event_officer", name="Event Officer",
                groups="ashshash_events.group_event_officer",
            )
        cls.support_health = cls.env.ref("ashshash_livelihood.support_type_health_care")
        cls.support_food = cls.env.ref("ashshash_livelihood.support_type_food")
        cls.receipt = base64.b64encode(b"signed receipt")
        cls.training = cls.env["ashshash.training"].create({
            "name": "Guard test training",
            "training_type_id": cls.env.ref("ashshash_livelihood.training_type_life_skills").id,
            "date_start": cls.today - timedelta(days=9), "date_end": cls.today, "session_days": 10,
        })
        cls.training.action_start()
        cls.other_company = cls.env["res.company"].sudo().create({"name": "Guard test organisation"})

    def _enrolment(self, survivor=None, training=None, user=None, **vals):
        return self.env["ashshash.training.enrolment"].with_user(user or self.case_worker).create({
            "training_id": (training or self.training).id, "survivor_id": (survivor or self.survivor).id, **vals,
        })

    def _support(self, survivor=None, support_type=None, user=None, **vals):
        return self.env["ashshash.support"].with_user(user or self.case_worker).create({
            "survivor_id": (survivor or self.survivor).id,
            "support_type_id": (support_type or self.support_health).id,
            "unit_value": 1000, **vals,
        })


@tagged("post_install", "-at_install")
class TestLivelihoodWorkflowGuard(AshshashLivelihoodGuardCommon):

    def test_training_workflow_fields(self):
        self.assertWorkflowGuarded(
            "ashshash.training",
            writable={self.case_worker: self.training, self.case_manager: self.training},
            creatable={user: {
                "name": f"Guard training {user.login}", "training_type_id": self.training.training_type_id.id,
                "date_start": self.today, "date_end": self.today,
            } for user in (self.case_worker, self.case_manager)},
        )

    def test_enrolment_workflow_fields(self):
        own = self._enrolment()
        other = self._enrolment(self.survivor_2, user=self.case_manager)
        self.assertWorkflowGuarded(
            "ashshash.training.enrolment",
            writable={self.case_worker: own, self.case_manager: other},
            creatable={
                self.case_worker: {"training_id": self.training.id, "survivor_id": self.survivor_3.id},
                self.case_manager: {"training_id": self.training.id, "survivor_id": self.survivor_3.id},
            },
        )

    def test_support_workflow_fields(self):
        own = self._support()
        other = self._support(self.survivor_2, user=self.case_manager)
        self.assertWorkflowGuarded(
            "ashshash.support",
            writable={self.case_worker: own, self.case_manager: other},
            creatable={
                self.case_worker: {"survivor_id": self.survivor.id, "support_type_id": self.support_food.id},
                self.case_manager: {"survivor_id": self.survivor_2.id, "support_type_id": self.support_food.id},
            },
        )

    def test_campaign_workflow_fields(self):
        self.assertWorkflowGuarded(
            "ashshash.cash.campaign",
            writable={self.programme_admin: self.campaign, self.finance_officer: self.campaign},
            creatable={self.programme_admin: {
                "name": "Guard campaign", "date_start": self.today, "date_end": self.today,
                "amount_per_beneficiary": 1000, "budget": 1000,
            }},
        )

    def test_batch_workflow_fields(self):
        self._paid_batch(self.survivor_3)  # journal entries exist to try move ids with
        batch = self._create_batch(self.survivor)
        self.assertWorkflowGuarded(
            "ashshash.cash.disbursement",
            writable={self.case_manager: batch, self.finance_officer: batch},
            creatable={self.case_manager: {"campaign_id": self.campaign.id}},
        )

    def test_line_workflow_fields(self):
        self._paid_batch(self.survivor_3)
        batch = self._create_batch(self.survivor)
        self.assertWorkflowGuarded(
            "ashshash.cash.disbursement.line",
            writable={self.case_manager: batch.line_ids, self.finance_officer: batch.line_ids},
            creatable={self.case_manager: {"disbursement_id": batch.id, "survivor_id": self.survivor_2.id}},
        )

    def test_survivor_payee_is_made_by_the_programme(self):
        self._create_batch(self.survivor)
        payee = self.survivor.payee_partner_id
        self.assertTrue(payee)
        for user in (self.case_worker, self.case_manager):
            with self.assertRefused(UserError, "cash payee"):
                self.survivor.with_user(user).write({"payee_partner_id": user.partner_id.id})
        self.assertEqual(self.survivor.payee_partner_id, payee)


@tagged("post_install", "-at_install")
class TestTrainingAndSupportStories(AshshashLivelihoodGuardCommon):

    def test_a_case_worker_cannot_complete_an_enrolment_at_zero_attendance(self):
        enrolment = self._enrolment()
        worker = enrolment.with_user(self.case_worker)
        with self.assertRefused(UserError, "Complete button"):
            worker.write({"state": "completed", "completion_date": self.today})
        with self.assertRefused(UserError, r"attended 0 %"):
            worker.action_complete()
        with self.assertRefused(UserError, "Complete button"):
            self._enrolment(self.survivor_3, state="completed")
        self.assertRecordValues(enrolment, [{"state": "enrolled", "completion_date": False}])
        worker.days_attended = 9
        worker.action_complete()
        self.assertRecordValues(enrolment, [{"state": "completed", "completion_date": self.today}])
        # The attendance it was completed with stays: no 0 % completion afterwards.
        with self.assertRefused(UserError, "can no longer change"):
            worker.write({"days_attended": 0})
        self.assertEqual(enrolment.days_attended, 9)

    def test_an_enrolment_stays_in_its_training_and_with_its_survivor(self):
        enrolment = self._enrolment()
        other_training = self.training.copy({"name": "Another batch"})
        with self.assertRefused(UserError, "stays in its training"):
            enrolment.with_user(self.case_manager).write({"training_id": other_training.id})
        with self.assertRefused(UserError, "stays with its survivor"):
            enrolment.with_user(self.case_manager).write({"survivor_id": self.survivor_3.id})
        self.assertRecordValues(enrolment, [{"training_id": self.training.id, "survivor_id": self.survivor.id}])

    def test_a_training_is_started_and_closed_by_its_buttons_only(self):
        training = self.training.copy({"name": "Planned batch"})
        with self.assertRefused(UserError, "Start, Mark done"):
            training.with_user(self.case_worker).write({"state": "done"})
        self.assertEqual(training.state, "planned")
        training.with_user(self.case_worker).action_start()
        training.with_user(self.case_worker).action_done()
        self.assertEqual(training.state, "done")

    def test_support_is_not_created_delivered_without_the_acknowledgement_its_type_requires(self):
        self.assertTrue(self.support_food.requires_acknowledgement)
        Support = self.env["ashshash.support"].with_user(self.case_worker)
        count = Support.sudo().search_count([])
        with self.assertRefused(UserError, "Deliver button"):
            Support.create({"survivor_id": self.survivor.id, "support_type_id": self.support_food.id,
                            "state": "delivered", "delivery_date": self.today})
        result = Support.load(["survivor_id/.id", "support_type_id/.id", "state"],
                              [[str(self.survivor.id), str(self.support_food.id), "delivered"]])
        self.assertFalse(result["ids"])
        self.assertEqual(Support.sudo().search_count([]), count)

        support = self._support(support_type=self.support_food)
        with self.assertRefused(UserError, "Deliver button"):
            support.with_user(self.case_worker).write({"state": "delivered"})
        with self.assertRefused(UserError, "acknowledgement of receipt"):
            support.with_user(self.case_worker).action_deliver()
        self.assertEqual(support.state, "planned")
        support.with_user(self.case_worker).write({
            "acknowledgement": self.receipt, "acknowledgement_date": self.today, "received_by": "The survivor",
        })
        support.with_user(self.case_worker).action_deliver()
        self.assertRecordValues(support, [{"state": "delivered", "delivery_date": self.today}])

    def test_delivered_support_keeps_its_acknowledgement(self):
        support = self._support(support_type=self.support_food, acknowledgement=self.receipt,
                                acknowledgement_date=self.today, received_by="The survivor")
        support.with_user(self.case_worker).action_deliver()
        with self.assertRefused(UserError, "acknowledgement of receipt"):
            support.with_user(self.case_manager).write({"acknowledgement": False})
        self.assertTrue(support.sudo().acknowledgement)
        # A correction that keeps the receipt still goes through for the case manager.
        support.with_user(self.case_manager).write({"quantity": 2})
        self.assertEqual(support.total_value, 2000)


@tagged("post_install", "-at_install")
class TestCashSegregationOfDuties(AshshashLivelihoodGuardCommon):

    def test_the_submitter_never_approves_on_any_path(self):
        both = new_test_user(self.env, login="test_manager_and_finance",
                             groups="ashshash_case.group_case_manager,ashshash_livelihood.group_finance_officer")
        batch = self._create_batch(self.survivor, user=both)
        batch.action_submit()
        with self.assertRefused(UserError, "another finance officer must approve"):
            batch.action_approve()
        for vals in ({"state": "approved"}, {"approved_by_id": both.id}, {"submitted_by_id": self.case_manager.id}):
            with self.assertRefused(UserError, "set by its workflow"):
                batch.write(vals)
        self.assertRecordValues(batch, [{"state": "submitted", "submitted_by_id": both.id, "approved_by_id": False}])

    def test_only_a_finance_officer_approves_and_pays(self):
        batch = self._create_batch(self.survivor)
        batch.action_submit()
        manager = batch.with_user(self.case_manager)
        with self.assertRefused(UserError, "finance officer"):
            manager.write({"state": "approved"})
        with self.assertRefused(AccessError, "Only a finance officer"):
            manager.action_approve()
        batch.with_user(self.finance_officer).action_approve()
        with self.assertRefused(UserError, "finance officer"):
            manager.write({"state": "paid"})
        with self.assertRefused(AccessError, "Only a finance officer"):
            manager.action_pay()
        self.assertEqual(batch.state, "approved")
        self.assertFalse(batch.line_ids.move_id)

    def test_a_finance_officer_cannot_pay_a_batch_twice_even_by_writing_its_state_back(self):
        batch = self._paid_batch(self.survivor | self.survivor_3)
        moves = batch.line_ids.move_id
        officer = batch.with_user(self.finance_officer)
        with self.assertRefused(UserError, "set by its workflow"):
            officer.write({"state": "approved"})
        with self.assertRefused(UserError, "set by its workflow"):
            officer.write({"paid_by_id": False, "paid_date": False})
        result = officer.load([".id", "state"], [[str(batch.id), "approved"]])
        self.assertFalse(result["ids"])
        self.assertEqual(batch.state, "paid")
        with self.assertRefused(UserError, "cannot be paid: it is paid"):
            officer.action_pay()
        # Even if the state were rewound behind the workflow's back, the entries on the lines refuse it.
        batch.sudo().write({"state": "approved"})
        with self.assertRefused(UserError, "paid once"):
            batch.with_user(self.finance_officer_2).action_pay()
        self.assertEqual(batch.line_ids.move_id, moves)
        self.assertEqual(self.env["account.move"].search_count([("ref", "like", batch.name)]), 2)

    def test_a_case_manager_cannot_write_a_paid_batch_back_to_draft(self):
        batch = self._paid_batch(self.survivor)
        with self.assertRefused(UserError, "reverses its journal entries"):
            batch.with_user(self.case_manager).write({"state": "draft"})
        with self.assertRefused(UserError, "cannot be reset to draft"):
            batch.with_user(self.case_manager).action_draft()
        self.assertEqual(batch.state, "paid")
        self.assertFalse(batch.line_ids.reversal_move_id)

    def test_a_finance_officer_cannot_write_paid_without_journal_entries(self):
        batch = self._approved_batch(self.survivor)
        officer = batch.with_user(self.finance_officer)
        with self.assertRefused(UserError, "set by its workflow"):
            officer.write({"state": "paid"})
        with self.assertRefused(UserError, "set by its workflow"):
            officer.write({"paid_by_id": self.finance_officer.id, "paid_date": self.today})
        with self.assertRefused(UserError, "no longer change|set by its workflow"):
            officer.line_ids.write({"state": "paid"})
        self.assertRecordValues(batch, [{"state": "approved", "paid_by_id": False, "paid_date": False}])
        self.assertEqual(batch.line_ids.state, "approved")

    def test_cancelling_a_paid_batch_is_the_only_way_back_and_reverses_the_entries(self):
        batch = self._paid_batch(self.survivor)
        officer = batch.with_user(self.finance_officer)
        for state in ("approved", "submitted", "draft", "cancelled"):
            with self.assertRefused(UserError, "set by its workflow"):
                officer.write({"state": state})
        officer.cancel_reason = "Paid to the wrong wallet"
        officer.action_cancel()
        self.assertEqual(batch.state, "cancelled")
        self.assertEqual(batch.line_ids.reversal_move_id.reversed_entry_id, batch.line_ids.move_id)
        with self.assertRefused(UserError, "cannot be paid: it is cancelled"):
            officer.action_pay()

    def test_finance_officers_do_not_change_a_campaigns_amount_or_budget(self):
        officer = self.campaign.with_user(self.finance_officer)
        with self.assertRefused(AccessError, "programme admin"):
            officer.write({"budget": 90000})
        with self.assertRefused(AccessError, "programme admin"):
            officer.write({"amount_per_beneficiary": 6000})
        with self.assertRefused(AccessError, "programme admin"):
            self.env["ashshash.cash.campaign"].with_user(self.finance_officer).create({
                "name": "Finance campaign", "date_start": self.today, "date_end": self.today,
                "amount_per_beneficiary": 1000, "budget": 1000,
            })
        self.assertRecordValues(self.campaign, [{"budget": 9000, "amount_per_beneficiary": 3000}])
        # What is theirs still goes through: the accounting of the campaign, its description.
        officer.write({"description": "<p>Cyclone response</p>"})
        self.campaign.with_user(self.programme_admin).write({"budget": 12000})
        self.assertEqual(self.campaign.budget, 12000)

    def test_line_amounts_and_wallet_numbers_are_frozen_once_submitted(self):
        batch = self._create_batch(self.survivor, payment_method="bkash", account_number="01711000001")
        batch.action_submit()
        line = batch.line_ids
        with self.assertRefused(UserError, "no longer change"):
            line.with_user(self.case_manager).write({"amount": 30000})
        with self.assertRefused(UserError, "no longer change"):
            line.with_user(self.finance_officer).write({"account_number": "01999999999"})
        # Nor through the bank account itself, as a finance officer who may edit contacts.
        self.finance_officer.groups_id = [Command.link(self.env.ref("base.group_partner_manager").id)]
        with self.assertRefused(UserError, "can no longer change"):
            line.bank_account_id.with_user(self.finance_officer).write({"acc_number": "01999999999"})
        self.assertRecordValues(line, [{"amount": 3000, "account_number": "01711000001"}])

    def test_the_payment_date_moves_only_while_the_batch_is_a_draft(self):
        batch = self._create_batch(self.survivor)
        day = batch.payment_date
        batch.with_user(self.case_manager).write({"payment_date": day})  # the same day: nothing moves
        batch.action_submit()
        for user in (self.case_manager, self.finance_officer):
            with self.assertRefused(UserError, "only be changed on a draft"):
                batch.with_user(user).write({"payment_date": day - timedelta(days=1)})
            result = self.env["ashshash.cash.disbursement"].with_user(user).load(
                [".id", "payment_date"], [[str(batch.id), str(day - timedelta(days=1))]])
            self.assertFalse(result["ids"])
        self.assertEqual(batch.payment_date, day)

    def test_a_batch_number_is_never_chosen_by_a_client(self):
        Batch = self.env["ashshash.cash.disbursement"].with_user(self.case_manager)
        with self.assertRefused(UserError, "set by its workflow"):
            Batch.create({"campaign_id": self.campaign.id, "payment_date": self.today, "name": "CASH-0001"})
        numbered = Batch.create({"campaign_id": self.campaign.id, "payment_date": self.today, "name": "New"})
        self.assertNotIn(numbered.name, ("New", "/"))

    def test_eligibility_is_checked_again_at_approval_for_lines_added_by_hand(self):
        batch = self._create_batch(self.survivor)
        # survivor_2 lives in Koyla: outside the campaign's Jugikhali, added by hand.
        self.env["ashshash.cash.disbursement.line"].with_user(self.case_manager).create({
            "disbursement_id": batch.id, "survivor_id": self.survivor_2.id,
        })
        batch.action_submit()
        with self.assertRefused(UserError, rf"{self.survivor_2.code} not eligible"):
            batch.with_user(self.finance_officer).action_approve()
        self.assertRecordValues(batch, [{"state": "submitted", "approved_by_id": False}])
        # A case closed after it was proposed is refused the same way.
        batch.with_user(self.case_manager).action_draft()
        batch.line_ids.filtered(lambda line: line.survivor_id == self.survivor_2).with_user(self.case_manager).unlink()
        batch.action_submit()
        self.survivor.sudo().write({"state": "closed"})
        with self.assertRefused(UserError, rf"{self.survivor.code} not eligible"):
            batch.with_user(self.finance_officer).action_approve()


@tagged("post_install", "-at_install")
class TestPayeeNeedToKnow(AshshashLivelihoodGuardCommon):
    """Payees' bank and wallet numbers (the survivors' mobile numbers) are read by finance
    officers, case managers and the case workers on the case; nobody else, on any path."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.batch = cls.env["ashshash.cash.disbursement"].with_user(cls.case_manager).create({
            "campaign_id": cls.campaign.id,
            "line_ids": [Command.create({"survivor_id": cls.survivor.id, "payment_method": "bkash",
                                         "account_number": "01711000777"})],
        })
        cls.payee = cls.survivor.payee_partner_id
        cls.wallet = cls.batch.line_ids.bank_account_id

    def _outsiders(self):
        users = [self.me_officer, self.programme_admin, self.case_worker_2]
        if getattr(self, "event_officer", None):
            users.append(self.event_officer)
        return users

    def test_other_internal_users_read_no_wallet_number(self):
        self.assertTrue(self.wallet)
        for user in self._outsiders():
            with self.subTest(user=user.login):
                Bank = self.env["res.partner.bank"].with_user(user)
                self.assertFalse(Bank.search([("acc_number", "ilike", "01711000777")]))
                self.assertNotIn("01711000777", repr(Bank.search_read([], ["acc_number"])))
                with self.assertRaises(AccessError):
                    self.wallet.with_user(user).read(["acc_number"])
                Partner = self.env["res.partner"].with_user(user)
                self.assertFalse(Partner.search([("name", "=", self.survivor.code)]))
                self.assertFalse(Partner.search([("bank_ids.acc_number", "=", "01711000777")]))
                with self.assertRaises(AccessError):
                    self.payee.with_user(user).read(["bank_ids"])

    def test_finance_officers_case_managers_and_the_case_worker_read_it(self):
        for user in (self.finance_officer, self.case_manager, self.case_worker):
            with self.subTest(user=user.login):
                self.assertEqual(self.wallet.with_user(user).acc_number, "01711000777")
                self.assertEqual(self.payee.with_user(user).bank_ids.acc_number, "01711000777")

    def test_the_me_officer_reads_the_cash_lines_without_the_number(self):
        line = self.batch.line_ids.with_user(self.me_officer)
        self.assertEqual(line.read(["amount"])[0]["amount"], 3000)
        with self.assertRaises(AccessError):
            line.read(["account_number"])
        with self.assertRaises(AccessError):
            line.read(["bank_account_id"])
        # The payee is named by the case code, as everywhere.
        self.assertEqual(line.read(["payee_partner_id"])[0]["payee_partner_id"][1], self.survivor.code)

    def test_accounting_keeps_working_for_the_finance_officer(self):
        self.batch.action_submit()
        self.batch.with_user(self.finance_officer).action_approve()
        self.batch.with_user(self.finance_officer).action_pay()
        move = self.batch.line_ids.move_id.with_user(self.finance_officer)
        self.assertEqual((move.state, move.partner_id.name), ("posted", self.survivor.code))
        self.batch.with_user(self.finance_officer).cancel_reason = "Wrong wallet"
        self.batch.with_user(self.finance_officer).action_cancel()
        self.assertEqual(self.batch.line_ids.reversal_move_id.state, "posted")

    def test_nobody_marks_a_partner_as_a_payee_or_unmarks_one(self):
        self.finance_officer.groups_id = [Command.link(self.env.ref("base.group_partner_manager").id)]
        with self.assertRefused(UserError, "kept by the programme"):
            self.payee.with_user(self.finance_officer).write({"ashshash_payee_survivor_id": False})
        with self.assertRefused(UserError, "made by the programme"):
            self.env["res.partner"].with_user(self.finance_officer).create({
                "name": "Fake payee", "ashshash_payee_survivor_id": self.survivor_2.id,
            })
        self.assertEqual(self.payee.sudo().ashshash_payee_survivor_id, self.survivor)
