from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import CASE_MANAGER, SENSITIVE, action_date, action_day, check_groups, check_state

STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("accepted", "Accepted"),
    ("rejected", "Rejected"),
    ("completed", "Completed"),
    ("closed", "Closed"),
]
# States in which a referral counts as made (indicators REF_HEALTH / REF_LEGAL).
SENT_STATES = ("sent", "accepted", "rejected", "completed", "closed")

URGENCIES = [("normal", "Normal"), ("urgent", "Urgent"), ("emergency", "Emergency")]

SATISFACTION = [
    ("1", "Very unsatisfied"),
    ("2", "Unsatisfied"),
    ("3", "Neutral"),
    ("4", "Satisfied"),
    ("5", "Very satisfied"),
]


class AshshashReferral(models.Model):
    _name = "ashshash.referral"
    _description = "Referral to a service provider"
    _inherit = ["mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, copy=False, readonly=True, index=True,
        default=lambda self: self.env._("New"),
    )
    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="restrict", tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True, string="Union / village")
    district_id = fields.Many2one(related="survivor_id.district_id", store=True, index=True, string="District")
    user_id = fields.Many2one(
        "res.users", string="Referred by", index=True, tracking=True,
        default=lambda self: self.env.user, domain="[('share', '=', False)]",
    )
    service_type_id = fields.Many2one("ashshash.service.type", required=True, index=True, tracking=True)
    service_category = fields.Selection(related="service_type_id.category", store=True, index=True)
    provider_id = fields.Many2one(
        "res.partner", required=True, index=True, tracking=True,
        domain="[('is_ashshash_provider', '=', True)]",
    )
    date = fields.Date(
        string="Referral date", required=True, default=fields.Date.context_today, index=True, tracking=True,
    )
    reason = fields.Text(groups=SENSITIVE)
    urgency = fields.Selection(URGENCIES, required=True, default="normal", index=True, tracking=True)
    state = fields.Selection(STATES, default="draft", required=True, index=True, tracking=True, copy=False)
    sent_date = fields.Date(readonly=True, copy=False, index=True, tracking=True)
    answer_date = fields.Date(
        readonly=True, copy=False, tracking=True, help="The day the provider accepted or rejected the referral.",
    )
    service_date = fields.Date(string="Service received on", copy=False, tracking=True)
    outcome = fields.Text(string="Outcome of the service", copy=False, groups=SENSITIVE)
    provider_feedback = fields.Text(copy=False, groups=SENSITIVE)
    satisfaction = fields.Selection(SATISFACTION, string="Survivor's satisfaction", copy=False, tracking=True)
    provider_mismatch = fields.Boolean(
        compute="_compute_provider_mismatch",
        help="The provider's directory entry does not list this service type.",
    )
    provider_mismatch_override = fields.Boolean(
        string="Send despite the mismatch", copy=False, tracking=True,
        help="A case manager confirms the provider gives this service although the directory does not say so.",
    )
    no_answer_activity_date = fields.Date(
        readonly=True, copy=False,
        help="The day the case worker was asked to chase the provider for an answer.",
    )

    @api.depends("provider_id", "service_type_id", "provider_id.provider_service_type_ids")
    def _compute_provider_mismatch(self):
        for referral in self:
            referral.provider_mismatch = bool(
                referral.provider_id and referral.service_type_id
                and referral.service_type_id not in referral.provider_id.provider_service_type_ids
            )

    def _compute_display_name(self):
        for referral in self:
            # The case code, never the survivor's name.
            referral.display_name = f"{referral.name} · {referral.survivor_id.sudo().code}"

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("date", "service_date")
    def _check_service_date(self):
        for referral in self:
            if referral.service_date and referral.date and referral.service_date < referral.date:
                raise ValidationError(self.env._(
                    "The service date %(service)s of %(ref)s is before the referral date %(date)s: "
                    "enter the day the survivor received the service.",
                    service=referral.service_date, ref=referral.name, date=referral.date,
                ))

    @api.constrains("date")
    def _check_date(self):
        today = fields.Date.context_today(self)
        for referral in self:
            if referral.date > today:
                raise ValidationError(self.env._(
                    "The referral date %(date)s is in the future: enter the day the referral is made.",
                    date=referral.date,
                ))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    def _check_override_rights(self):
        check_groups(self.env, CASE_MANAGER, self.env._(
            "confirm sending a referral to a provider whose directory entry does not list the service type"))

    @api.model
    def _workflow_fields(self):
        answer = self.env._("use the Accepted or Rejected button when the provider answers.")
        return {
            "name": self.env._("the reference is given by the programme's numbering when the referral is saved."),
            "state": self.env._(
                "use the buttons of the referral: Send (it needs the survivor's data-sharing consent), "
                "Accepted, Rejected, Completed, Close."
            ),
            "sent_date": self.env._("it is the day the Send button checked the consent and sent the referral."),
            "answer_date": answer,
            "no_answer_activity_date": self.env._("the daily check of unanswered referrals sets it."),
        }

    @api.model
    def _workflow_filled_on_create(self):
        return {"name"}

    @api.model
    def _frozen_fields(self):
        return {"survivor_id": self.env._(
            "a referral stays in the case it was made for; create a new referral for the right survivor."
        )}

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("provider_mismatch_override") for vals in vals_list):
            self._check_override_rights()
        self._workflow_number(vals_list, "name", "ashshash.referral")
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("provider_mismatch_override"):
            self._check_override_rights()
        # The form shows these read-only once sent; the ORM enforces it for every client.
        frozen = {"survivor_id", "provider_id", "service_type_id", "date"} & set(vals)
        if frozen and any(referral.state != "draft" for referral in self):
            raise UserError(self.env._(
                "A referral that has been sent keeps its survivor, provider, service type and referral date: "
                "create a new referral instead.",
            ))
        if {"provider_id", "service_type_id"} & set(vals) and "provider_mismatch_override" not in vals:
            # An override confirms one provider for one service; a new choice needs a new confirmation.
            vals = dict(vals, provider_mismatch_override=False)
        return super().write(vals)

    # ------------------------------------------------------------------
    # Consent
    # ------------------------------------------------------------------
    def _sharing_consents(self, on_date=None):
        """The data-sharing consents of the survivor in force on ``on_date`` that cover the provider."""
        self.ensure_one()
        on_date = on_date or fields.Date.context_today(self)
        return self.survivor_id.consent_ids._in_force(on_date)._covers_provider(self.provider_id)

    def _slip_values(self):
        """What the referral slip may show: identity and reason only with a covering consent."""
        self.ensure_one()
        consents = self._sharing_consents(self.sent_date or fields.Date.context_today(self))
        values = {"share_identity": bool(consents), "consent": consents[:1]}
        if consents:
            values.update(
                survivor_name=self.survivor_id.name,
                survivor_phone=self.survivor_id.phone,
                reason=self.reason,
            )
        return values

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def action_send(self, sent_date=None):
        """Send, today or on ``sent_date`` (a referral entered after the day it was sent): the
        data-sharing consent must be in force on the day of sending."""
        check_state(self, ["draft"], self.env._("sent"))
        for referral in self:
            today = action_date(referral, sent_date, self.env._("The sending date"), referral.date,
                                self.env._("the referral date"))
            if referral.survivor_id.state == "closed":
                raise UserError(self.env._(
                    "%(ref)s cannot be sent: the case %(code)s is closed. Reopen the case first.",
                    ref=referral.name, code=referral.survivor_id.code,
                ))
            if referral.provider_mismatch and not referral.provider_mismatch_override:
                raise UserError(self.env._(
                    "%(provider)s does not offer %(service)s according to the service directory. "
                    "Choose another provider, update the directory entry, or ask a case manager to tick "
                    "'Send despite the mismatch' on %(ref)s.",
                    provider=referral.provider_id.display_name, service=referral.service_type_id.name,
                    ref=referral.name,
                ))
            if not referral._sharing_consents(today):
                raise UserError(self.env._(
                    "%(ref)s cannot be sent: record a data-sharing consent of %(code)s covering %(provider)s "
                    "(or all providers), given on or before %(date)s, not withdrawn and not expired.",
                    ref=referral.name, code=referral.survivor_id.code,
                    provider=referral.provider_id.display_name, date=today,
                ))
        self._write_workflow({"state": "sent", "sent_date": action_day(self, sent_date)})
        return True

    def _answer_date(self, answer_date):
        """The day of the provider's answer: today, or ``answer_date`` (on or after the sending)."""
        for referral in self:
            action_date(referral, answer_date, self.env._("The answer date"), referral.sent_date,
                        self.env._("the sending date"))
        return action_day(self, answer_date)

    def action_accept(self, answer_date=None):
        check_state(self, ["sent"], self.env._("accepted"))
        self._write_workflow({"state": "accepted", "answer_date": self._answer_date(answer_date)})
        return True

    def action_reject(self, answer_date=None):
        check_state(self, ["sent"], self.env._("rejected"))
        self._write_workflow({"state": "rejected", "answer_date": self._answer_date(answer_date)})
        return True

    def action_complete(self):
        check_state(self, ["accepted"], self.env._("completed"))
        for referral in self:
            if not referral.service_date:
                raise UserError(self.env._(
                    "Enter the date the survivor received the service before completing %(ref)s.",
                    ref=referral.name,
                ))
        self._write_workflow({"state": "completed"})
        return True

    def action_close(self):
        check_state(self, ["sent", "accepted", "rejected", "completed"], self.env._("closed"))
        self._write_workflow({"state": "closed"})
        return True

    def action_draft(self):
        check_state(self, ["rejected"], self.env._("reset to draft"))
        self._write_workflow({
            "state": "draft", "sent_date": False, "answer_date": False, "no_answer_activity_date": False,
        })
        return True

    # ------------------------------------------------------------------
    # No answer from the provider
    # ------------------------------------------------------------------
    @api.model
    def _cron_no_answer_activity(self):
        """One activity per sent referral left unanswered longer than the configured number of days."""
        # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
        days = int(self.env["ir.config_parameter"].sudo().get_param("ashshash_case.referral_no_answer_days", 7))
        today = fields.Date.context_today(self)
        referrals = self.search([
            ("state", "=", "sent"),
            ("sent_date", "<=", today - timedelta(days=days)),
            ("no_answer_activity_date", "=", False),
        ])
        for referral in referrals:
            referral.activity_schedule(
                act_type_xmlid="ashshash_case.mail_activity_type_referral_no_answer",
                summary=self.env._("No answer from %(provider)s", provider=referral.provider_id.display_name),
                note=self.env._(
                    "Sent on %(date)s and still unanswered: call the provider and record whether the referral "
                    "is accepted or rejected.", date=referral.sent_date,
                ),
                user_id=(referral.survivor_id.user_id or referral.user_id).id,
            )
        referrals._write_workflow({"no_answer_activity_date": today})
        return referrals
