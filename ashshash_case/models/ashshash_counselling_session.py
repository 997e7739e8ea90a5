from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import SENSITIVE, check_state, local_date

SESSION_TYPES = [
    ("individual", "Individual"),
    ("family", "Family"),
    ("community", "Community"),
]
SESSION_MODES = [
    ("office", "Office"),
    ("home_visit", "Home visit"),
    ("phone", "Phone"),
    ("community_venue", "Community venue"),
]
SESSION_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class AshshashCounsellingSession(models.Model):
    _name = "ashshash.counselling.session"
    _description = "Counselling session"
    _inherit = [
        "mail.thread", "mail.activity.mixin", "ashshash.who5.mixin",
        "ashshash.workflow.mixin", "ashshash.need.to.know.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    session_type = fields.Selection(
        SESSION_TYPES, required=True, default="individual", index=True, tracking=True,
    )
    state = fields.Selection(
        SESSION_STATES, default="planned", required=True, index=True, tracking=True, copy=False,
    )
    did_not_attend = fields.Boolean(
        tracking=True, copy=False,
        help="Set when the session was cancelled because the survivor or family did not come.",
    )
    survivor_id = fields.Many2one(
        "ashshash.survivor", index=True, ondelete="cascade", tracking=True, check_company=True,
        help="Individual and family sessions belong to a survivor; community sessions to nobody.",
    )
    company_id = fields.Many2one(
        "res.company", compute="_compute_company_id", store=True, readonly=False, precompute=True,
        required=True, index=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True, tracking=True)
    session_date = fields.Date(
        string="Session day", compute="_compute_session_date", store=True, index=True,
    )
    duration = fields.Float(string="Duration (hours)", default=1.0)
    user_id = fields.Many2one(
        "res.users", string="Counsellor", required=True, index=True, tracking=True,
        default=lambda self: self.env.user, domain="[('share', '=', False)]",
    )
    mode = fields.Selection(SESSION_MODES, required=True, default="office")
    topics = fields.Char(help="General topics only; anything personal belongs in the notes.")
    notes = fields.Html(groups=SENSITIVE)
    family_member_ids = fields.Many2many(
        "ashshash.family.member", "ashshash_counselling_session_family_member_rel",
        "session_id", "family_member_id", string="Family members present",
        domain="[('survivor_id', '=', survivor_id)]",
    )
    # Reports filter and group on these: stored and indexed.
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(
        "ashshash.area", string="Union / village", compute="_compute_area_id", store=True,
        readonly=False, precompute=True, index=True,
        domain="[('level', 'in', ('union', 'village'))]",
    )

    # Community sessions
    venue = fields.Char()
    facilitator = fields.Char(help="Who facilitated with the counsellor (e.g. a peer leader or activist).")
    main_messages = fields.Text()
    attendance_women = fields.Integer(string="Women")
    attendance_men = fields.Integer(string="Men")
    attendance_others = fields.Integer(string="Others")
    attendance_total = fields.Integer(string="Attendance", compute="_compute_attendance_total", store=True)

    _sql_constraints = [
        ("attendance_positive",
         "CHECK(attendance_women >= 0 AND attendance_men >= 0 AND attendance_others >= 0)",
         "Attendance counts cannot be negative."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("survivor_id")
    def _compute_company_id(self):
        for session in self:
            if session.survivor_id:
                session.company_id = session.survivor_id.company_id
            elif not session.company_id:
                session.company_id = self.env.company

    @api.depends("survivor_id", "survivor_id.area_id")
    def _compute_area_id(self):
        for session in self:
            if session.survivor_id:
                session.area_id = session.survivor_id.area_id

    @api.depends("date", "company_id")
    def _compute_session_date(self):
        for session in self:
            session.session_date = local_date(session.company_id, session.date)

    @api.depends("attendance_women", "attendance_men", "attendance_others")
    def _compute_attendance_total(self):
        for session in self:
            session.attendance_total = session.attendance_women + session.attendance_men + session.attendance_others

    def _compute_display_name(self):
        types = dict(SESSION_TYPES)
        for session in self:
            # Display names are read as superuser on many2one fields: case code, never the name.
            who = session.survivor_id.code if session.survivor_id else session.area_id.name or ""
            day = session.session_date or ""
            session.display_name = f"{types.get(session.session_type, '')} · {who} · {day}"

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("session_type", "survivor_id", "area_id")
    def _check_session_type(self):
        for session in self:
            if session.session_type == "community":
                if session.survivor_id:
                    raise ValidationError(self.env._(
                        "A community session belongs to no survivor: remove the survivor or choose "
                        "an individual or family session."
                    ))
                if not session.area_id:
                    raise ValidationError(self.env._("Choose the union where the community session takes place."))
            elif not session.survivor_id:
                raise ValidationError(self.env._(
                    "An individual or family session belongs to a survivor: choose the survivor."
                ))

    @api.constrains("attendance_women", "attendance_men", "attendance_others")
    def _check_attendance(self):
        for session in self:
            if min(session.attendance_women, session.attendance_men, session.attendance_others) < 0:
                raise ValidationError(self.env._(
                    "Attendance counts cannot be negative: enter how many women, men and others came (0 or more)."
                ))

    @api.constrains("family_member_ids", "survivor_id")
    def _check_family_members(self):
        for session in self:
            strangers = session.family_member_ids.filtered(lambda m: m.survivor_id != session.survivor_id)  # noqa: B023 (filtered calls it at once)
            if strangers:
                raise ValidationError(self.env._(
                    "Only family members of %(code)s can attend this family session.",
                    code=session.survivor_id.code,
                ))

    @api.constrains("state", "date", "session_type", "family_member_ids")
    def _check_done(self):
        now = fields.Datetime.now()
        for session in self.filtered(lambda s: s.state == "done"):
            problem = session._done_problem(now)
            if problem:
                raise ValidationError(problem)

    def _done_problem(self, now):
        """What prevents this session from being done, or False."""
        self.ensure_one()
        if self.date > now:
            return self.env._(
                "The session of %(date)s is in the future: it can be marked done once it has taken place.",
                date=fields.Datetime.context_timestamp(self, self.date).strftime("%Y-%m-%d %H:%M"),
            )
        if self.session_type == "family" and not self.family_member_ids:
            return self.env._("Record which family members attended the family session (at least one).")
        if self.session_type == "community" and not self.attendance_total:
            return self.env._("Record how many women, men and others attended the community session.")
        return False

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    @api.model
    def _workflow_fields(self):
        return {
            "state": self.env._(
                "use the buttons of the session: Mark done once it has taken place, Cancel or No-show, "
                "Plan again for a cancelled one."
            ),
            "did_not_attend": self.env._("use the No-show button."),
        }

    @api.model
    def _frozen_fields(self):
        return {"survivor_id": self.env._(
            "a session stays in the case it was planned for; cancel it and plan one for the right survivor."
        )}

    def action_done(self):
        now = fields.Datetime.now()
        check_state(self, ["planned"], self.env._("marked done"))
        for session in self:
            if session.survivor_id and session.survivor_id.state == "identified":
                raise UserError(self.env._(
                    "Enrol %(code)s (with a consent to services) before recording counselling sessions.",
                    code=session.survivor_id.code,
                ))
            if session.survivor_id.state == "closed":
                raise UserError(self.env._(
                    "The case of %(code)s is closed: reopen it before recording counselling sessions.",
                    code=session.survivor_id.code,
                ))
            problem = session._done_problem(now)
            if problem:
                raise UserError(problem)
        self._write_workflow({"state": "done", "did_not_attend": False})
        self.filtered(lambda s: s.session_type == "individual").survivor_id._advance_state("in_counselling")
        self.survivor_id._clear_dropout_risk()
        return True

    def action_cancel(self):
        check_state(self, ["planned"], self.env._("cancelled"))
        self._write_workflow({"state": "cancelled"})
        return True

    def action_no_show(self):
        """Cancel because nobody came: counted apart from sessions cancelled in advance."""
        self.action_cancel()
        self._write_workflow({"did_not_attend": True})
        return True

    def action_draft(self):
        check_state(self, ["cancelled"], self.env._("planned again"))
        self._write_workflow({"state": "planned", "did_not_attend": False})
        return True
