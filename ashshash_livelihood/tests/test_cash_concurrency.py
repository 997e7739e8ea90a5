from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, new_test_user, tagged

BATCH = "ashshash.cash.disbursement"


@tagged("post_install", "-at_install")
class TestCashConcurrentPay(BaseCase):
    """Two finance officers press Pay on the same batch at the same moment, each in their
    own database transaction. The second transaction only sees committed rows, so this
    class commits its small set-up and deletes it again afterwards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env.company
            journal = env["account.journal"].search([
                ("type", "=", "bank"), ("company_id", "=", company.id), ("default_account_id", "!=", False),
            ], limit=1)
            if not journal:
                self.skipTest("The main company has no bank journal (no chart of accounts).")
            account = env["account.account"].create({
                "name": "Concurrency test expense", "code": "699987", "account_type": "expense",
            })
            officers = env["res.users"]
            for login in ("test_cash_concurrent_fo_1", "test_cash_concurrent_fo_2"):
                officers |= new_test_user(
                    env, login=login, groups="ashshash_livelihood.group_finance_officer", company_id=company.id,
                )
            survivor = env["ashshash.survivor"].create({
                "name": "Concurrency Test Survivor",
                "gender": "female",
                "estimated_age": 30,
                "area_id": env.ref("ashshash_case.area_union_kalaroa_jugikhali").id,
                "identification_source": "self",
            })
            today = fields.Date.context_today(survivor)
            campaign = env["ashshash.cash.campaign"].create({
                "name": "Concurrency test campaign", "date_start": today, "date_end": today,
                "amount_per_beneficiary": 500, "budget": 500,
                "journal_id": journal.id, "expense_account_id": account.id,
            })
            campaign.action_open()
            batch = env[BATCH].create({
                "campaign_id": campaign.id,
                "line_ids": [Command.create({"survivor_id": survivor.id})],
            })
            batch.write({"state": "approved"})
            self.batch_id, self.officer_ids = batch.id, officers.ids
            self.record_ids = {
                "ashshash.cash.campaign": campaign.ids,
                "ashshash.survivor": survivor.ids,
                "account.account": account.ids,
                "res.users": officers.ids,
            }
        self.addCleanup(self._delete_committed_records)

    def _delete_committed_records(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            batch = env[BATCH].browse(self.batch_id)
            moves = batch.line_ids.move_id | batch.line_ids.reversal_move_id
            payees = batch.line_ids.payee_partner_id
            partners = env["res.users"].browse(self.officer_ids).partner_id
            env["mail.message"].search([("model", "=", BATCH), ("res_id", "=", batch.id)]).unlink()
            cr.execute("DELETE FROM ashshash_cash_disbursement WHERE id = %s", [batch.id])
            env.invalidate_all()
            moves.button_draft()
            moves.with_context(force_delete=True).unlink()
            # The payees first: a payee partner names its survivor (need to know), which keeps the survivor.
            payees.bank_ids.unlink()
            payees.unlink()
            for model in ("ashshash.cash.campaign", "ashshash.survivor", "account.account", "res.users"):
                env[model].browse(self.record_ids[model]).unlink()
            partners.unlink()

    def test_two_finance_officers_pressing_pay_post_one_set_of_entries(self):
        officer_1, officer_2 = self.officer_ids
        with self.registry.cursor() as cr_1, self.registry.cursor() as cr_2:
            batch_1 = api.Environment(cr_1, officer_1, {})[BATCH].browse(self.batch_id)
            batch_2 = api.Environment(cr_2, officer_2, {})[BATCH].browse(self.batch_id)
            batch_1.action_pay()  # not committed yet: the batch row stays locked
            with self.assertRaisesRegex(UserError, "being paid by someone else"):
                batch_2.action_pay()
            cr_2.rollback()
            cr_1.commit()
            # Once the first payment is committed, pressing Pay again is refused as well.
            batch_2.invalidate_recordset()
            with self.assertRaisesRegex(UserError, "cannot be paid: it is paid"):
                batch_2.action_pay()
            cr_2.rollback()

        with self.registry.cursor() as cr:
            batch = api.Environment(cr, SUPERUSER_ID, {})[BATCH].browse(self.batch_id)
            self.assertEqual(batch.state, "paid")
            moves = batch.env["account.move"].search([("ref", "like", batch.name)])
            self.assertEqual(len(moves), 1)
            self.assertEqual(moves, batch.line_ids.move_id)
            self.assertEqual(moves.state, "posted")
