from odoo import api, fields, models


class AshshashSurvivor(models.Model):
    _inherit = "ashshash.survivor"

    support_ids = fields.One2many("ashshash.support", "survivor_id", string="Support given")
    training_enrolment_ids = fields.One2many(
        "ashshash.training.enrolment", "survivor_id", string="Training enrolments",
    )
    economic_outcome_ids = fields.One2many("ashshash.economic.outcome", "survivor_id", string="Economic outcomes")
    support_count = fields.Integer(compute="_compute_livelihood_counts")
    training_enrolment_count = fields.Integer(compute="_compute_livelihood_counts")
    economic_outcome_count = fields.Integer(compute="_compute_livelihood_counts")

    # Support plan: the medium and high needs of the latest done assessment.
    support_plan_line_ids = fields.Many2many(
        "ashshash.needs.assessment.line", compute="_compute_support_plan", string="Support plan",
    )
    needs_not_met = fields.Boolean(
        compute="_compute_needs_not_met", store=True, index=True,
        help="A medium or high need of the latest done assessment is answered by no delivered support, "
             "completed training or accepted referral yet.",
    )

    # Income before the programme and now.
    income_currency_id = fields.Many2one(related="company_id.currency_id", string="Income currency")
    income_before_programme = fields.Monetary(
        currency_field="income_currency_id", tracking=True,
        help="The survivor's monthly income when identified, before any support.",
    )
    current_monthly_income = fields.Monetary(
        currency_field="income_currency_id", compute="_compute_current_monthly_income", store=True,
        string="Monthly income now",
        help="Monthly income of the latest economic outcome that has not ended.",
    )

    # Emergency cash
    payee_partner_id = fields.Many2one(
        "res.partner", string="Cash payee", readonly=True, copy=False, index="btree_not_null",
        help="Partner named by the case code, used for cash payments in Accounting.",
    )
    cash_line_ids = fields.One2many("ashshash.cash.disbursement.line", "survivor_id", string="Emergency cash")
    cash_line_count = fields.Integer(compute="_compute_cash_line_count")

    @api.model
    def _workflow_fields(self):
        return {
            **super()._workflow_fields(),
            "payee_partner_id": self.env._(
                "the cash payee is made by the programme when the survivor is first proposed for emergency cash."
            ),
        }

    def _compute_livelihood_counts(self):
        self._set_counts([
            ("ashshash.support", "support_count"),
            ("ashshash.training.enrolment", "training_enrolment_count"),
            ("ashshash.economic.outcome", "economic_outcome_count"),
        ])

    def _support_plan_lines(self):
        """The medium and high need lines of the latest done assessment of this survivor."""
        self.ensure_one()
        done = self.assessment_ids.filtered(lambda a: a.state == "done")
        latest = done.sorted(lambda a: (a.date, a.id), reverse=True)[:1]
        return latest.line_ids.filtered(lambda line: line.level in ("medium", "high"))

    @api.depends("assessment_ids.state", "assessment_ids.date", "assessment_ids.line_ids.level")
    def _compute_support_plan(self):
        for survivor in self:
            survivor.support_plan_line_ids = survivor._support_plan_lines()

    @api.depends(
        "assessment_ids.state", "assessment_ids.date", "assessment_ids.line_ids.level",
        "assessment_ids.line_ids.plan_status",
    )
    def _compute_needs_not_met(self):
        for survivor in self:
            survivor.needs_not_met = any(line.plan_status != "met" for line in survivor._support_plan_lines())

    @api.depends("economic_outcome_ids.date_start", "economic_outcome_ids.date_end",
                 "economic_outcome_ids.monthly_income")
    def _compute_current_monthly_income(self):
        for survivor in self:
            current = survivor.economic_outcome_ids.filtered(lambda o: not o.date_end)
            latest = current.sorted(lambda o: (o.date_start, o.id), reverse=True)[:1]
            survivor.current_monthly_income = latest.monthly_income

    def action_view_support(self):
        return self._action_related(
            "ashshash.support", self.env._("Support given"), "ashshash_livelihood.ashshash_support_action")

    def action_view_training_enrolments(self):
        return self._action_related(
            "ashshash.training.enrolment", self.env._("Trainings"),
            "ashshash_livelihood.ashshash_training_enrolment_action")

    def action_view_economic_outcomes(self):
        return self._action_related(
            "ashshash.economic.outcome", self.env._("Economic outcomes"),
            "ashshash_livelihood.ashshash_economic_outcome_action")

    def _compute_cash_line_count(self):
        if not self.env["ashshash.cash.disbursement.line"].has_access("read"):
            self.cash_line_count = 0
            return
        counts = self._counts_by_survivor("ashshash.cash.disbursement.line", [("state", "!=", "cancelled")])
        for survivor in self:
            survivor.cash_line_count = counts.get(survivor, 0)

    def _get_payee_partner(self):
        """The payee partner of each survivor, created on first payment. Named by the case
        code so that Accounting never shows the survivor's name."""
        missing = self.filtered(lambda survivor: not survivor.payee_partner_id)
        if missing:
            # sudo: the payee partner holds only the case code and payment details; case
            # managers and finance officers need it but may not create contacts or edit cases.
            partners = self.env["res.partner"].sudo().create([{
                "name": survivor.code,
                "ref": survivor.code,
                "company_id": survivor.company_id.id,
                "ashshash_payee_survivor_id": survivor.id,
            } for survivor in missing])
            # sudo: linking the payee is no edit of the case file the user could otherwise make.
            for survivor, partner in zip(missing.sudo(), partners, strict=False):
                survivor.payee_partner_id = partner
        return self.payee_partner_id

    def action_view_cash_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "ashshash_livelihood.ashshash_cash_disbursement_line_action",
        )
        action["domain"] = [("survivor_id", "=", self.id)]
        return action
