from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ashshash_case.tools import SENSITIVE, action_date, action_day, check_state

ENROLMENT_STATES = [
    ("enrolled", "Enrolled"),
    ("completed", "Completed"),
    ("dropped", "Dropped out"),
]


class AshshashTrainingEnrolment(models.Model):
    _name = "ashshash.training.enrolment"
    _description = "Training enrolment"
    _inherit = ["mail.thread", "ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "training_id, id"

    training_id = fields.Many2one(
        "ashshash.training", required=True, index=True, ondelete="restrict", tracking=True,
    )
    survivor_id = fields.Many2one(
        "ashshash.survivor", required=True, index=True, ondelete="cascade", tracking=True,
    )
    state = fields.Selection(
        ENROLMENT_STATES, default="enrolled", required=True, index=True, tracking=True, copy=False,
    )
    enrolment_date = fields.Date(default=fields.Date.context_today, required=True, tracking=True)
    days_attended = fields.Integer(tracking=True)
    attendance_rate = fields.Float(
        string="Attendance (%)", compute="_compute_attendance_rate", store=True, aggregator="avg",
        digits=(5, 1),
    )
    completion_date = fields.Date(readonly=True, copy=False, index=True, tracking=True)
    drop_date = fields.Date(readonly=True, copy=False, tracking=True)
    drop_reason = fields.Char(tracking=True, groups=SENSITIVE)
    need_line_id = fields.Many2one(
        "ashshash.needs.assessment.line", string="Need answered", index=True, ondelete="set null",
        domain="[('survivor_id', '=', survivor_id), ('level', 'in', ('medium', 'high'))]",
        help="The need of the survivor's assessment that this training answers.",
    )
    # Stored for indicators (TRAIN_LIFESKILLS, TRAIN_LEADERSHIP) and reports.
    training_type_id = fields.Many2one(related="training_id.training_type_id", store=True, index=True)
    training_category = fields.Selection(
        related="training_id.category", store=True, index=True, string="Training category",
    )
    training_state = fields.Selection(related="training_id.state", string="Training state")
    date_start = fields.Date(related="training_id.date_start")
    date_end = fields.Date(related="training_id.date_end")
    session_days = fields.Integer(related="training_id.session_days")
    company_id = fields.Many2one(related="survivor_id.company_id", store=True, index=True)
    gender = fields.Selection(related="survivor_id.gender", store=True, index=True)
    area_id = fields.Many2one(related="survivor_id.area_id", store=True, index=True)

    _sql_constraints = [
        ("survivor_training_uniq", "unique(training_id, survivor_id)",
         "This survivor is already enrolled in this training."),
    ]

    @api.depends("days_attended", "training_id.session_days")
    def _compute_attendance_rate(self):
        for enrolment in self:
            days = enrolment.training_id.session_days
            enrolment.attendance_rate = 100.0 * enrolment.days_attended / days if days else 0.0

    def _compute_display_name(self):
        # Never the survivor's name: display names are computed as superuser.
        for enrolment in self:
            enrolment.display_name = f"{enrolment.survivor_id.code} · {enrolment.training_id.name or ''}"

    @api.constrains("days_attended", "training_id")
    def _check_days_attended(self):
        for enrolment in self:
            if enrolment.days_attended < 0:
                raise ValidationError(self.env._("Days attended cannot be negative."))
            if enrolment.days_attended > enrolment.training_id.session_days:
                raise ValidationError(self.env._(
                    "%(code)s cannot have attended %(days)s days of a %(total)s-day training.",
                    code=enrolment.survivor_id.code, days=enrolment.days_attended,
                    total=enrolment.training_id.session_days,
                ))

    @api.constrains("need_line_id", "survivor_id")
    def _check_need_line(self):
        for enrolment in self:
            if enrolment.need_line_id and enrolment.need_line_id.survivor_id != enrolment.survivor_id:
                raise ValidationError(self.env._(
                    "The need answered must come from an assessment of %(code)s.", code=enrolment.survivor_id.code,
                ))

    # ------------------------------------------------------------------
    # Enrolling
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        trainings = self.env["ashshash.training"].browse(
            [vals["training_id"] for vals in vals_list if vals.get("training_id")]
        )
        self._check_can_enrol(trainings, vals_list)
        return super().create(vals_list)

    @api.model
    def _workflow_fields(self):
        return {
            "state": self.env._(
                "use the Complete button (it needs the minimum attendance) or the Drop out button."
            ),
            "completion_date": self.env._("it is the day the Complete button was pressed."),
            "drop_date": self.env._("it is the day the Drop out button was pressed."),
        }

    @api.model
    def _frozen_fields(self):
        return {
            "training_id": self.env._(
                "an enrolment stays in its training: drop the participant out and enrol them in the other one."
            ),
            "survivor_id": self.env._(
                "an enrolment stays with its survivor: enrol the other survivor instead."
            ),
        }

    def write(self, vals):
        if not self.env.su and "days_attended" in vals:
            # The rate a participant completed with stays theirs: no 0 % completion afterwards.
            closed = self.filtered(lambda enrolment: enrolment.state != "enrolled"
                                   and enrolment.days_attended != vals["days_attended"])
            if closed:
                raise UserError(self.env._(
                    "%(enrolment)s is %(state)s: the days attended can no longer change.",
                    enrolment=closed[0].display_name,
                    state=dict(closed._fields["state"]._description_selection(self.env))[closed[0].state].lower(),
                ))
        if "training_id" in vals:
            training = self.env["ashshash.training"].browse(vals["training_id"])
            self._check_can_enrol(training, [
                {"training_id": training.id, "survivor_id": vals.get("survivor_id", enrolment.survivor_id.id)}
                for enrolment in self
            ])
        elif vals.get("state") in ("enrolled", "completed"):
            # A dropped participant taken back takes a seat again: same checks as a new enrolment.
            rejoining = self.filtered(lambda enrolment: enrolment.state == "dropped")
            if rejoining:
                rejoining._check_can_enrol(rejoining.training_id, [
                    {"training_id": enrolment.training_id.id, "survivor_id": enrolment.survivor_id.id}
                    for enrolment in rejoining
                ])
        return super().write(vals)

    def _check_can_enrol(self, trainings, vals_list):
        """Refuse enrolments of survivors not in the programme and in a training
        that ended, was cancelled or is full, before anything is written."""
        today = fields.Date.context_today(self)
        survivors = self.env["ashshash.survivor"].browse(
            {vals["survivor_id"] for vals in vals_list if vals.get("survivor_id")}
        )
        for survivor in survivors:
            if survivor.state in ("identified", "closed"):
                raise UserError(self.env._(
                    "%(code)s is not in the programme (state: %(state)s): only enrolled, open cases can "
                    "join a training.",
                    code=survivor.code, state=dict(survivor._fields["state"].selection)[survivor.state],
                ))
        new_seats = {}
        for vals in vals_list:
            # Completed participants hold a seat too (see _compute_enrolment_counts).
            if vals.get("training_id") and vals.get("state", "enrolled") in ("enrolled", "completed"):
                new_seats[vals["training_id"]] = new_seats.get(vals["training_id"], 0) + 1
        counts = trainings._seat_counts()
        pairs = [(vals.get("training_id"), vals.get("survivor_id")) for vals in vals_list]
        if len(set(pairs)) < len(pairs):
            raise UserError(self.env._("The same survivor is listed twice for one training."))
        # sudo: the duplicate may be a colleague's enrolment; only its existence is used.
        existing = self.sudo().search([
            ("training_id", "in", [t for t, _s in pairs if t]),
            ("survivor_id", "in", [s for _t, s in pairs if s]),
            ("id", "not in", self.ids),
        ])
        existing_pairs = {(e.training_id.id, e.survivor_id.id) for e in existing}
        if any(pair in existing_pairs for pair in pairs):
            raise UserError(self.env._("This survivor is already enrolled in this training."))
        for training in trainings:
            if training.state in ("done", "cancelled") or training.date_end < today:
                raise UserError(self.env._(
                    "'%(name)s' ended on %(date)s (%(state)s): survivors can no longer be enrolled.",
                    name=training.name, date=training.date_end,
                    state=dict(training._fields["state"].selection)[training.state],
                ))
            by_state = counts.get(training.id, {})
            taken = by_state.get("enrolled", 0) + by_state.get("completed", 0)
            if training.capacity and taken + new_seats.get(training.id, 0) > training.capacity:
                raise UserError(self.env._(
                    "'%(name)s' is full (%(taken)s of %(capacity)s places taken): enrol the survivor in "
                    "another batch or raise the capacity.",
                    name=training.name, taken=taken, capacity=training.capacity,
                ))

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    @api.model
    def _min_attendance_rate(self):
        # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
        return float(self.env["ir.config_parameter"].sudo().get_param(
            "ashshash_livelihood.training_min_attendance", 80))

    def action_complete(self, completion_date=None):
        """Complete, today or on ``completion_date`` (a training that ended before it was entered)."""
        min_rate = self._min_attendance_rate()
        check_state(self, ["enrolled"], self.env._("completed"))
        for enrolment in self:
            code = enrolment.survivor_id.code
            if enrolment.training_id.state not in ("ongoing", "done"):
                raise UserError(self.env._(
                    "'%(name)s' has not started: a participant completes it once it is ongoing or done.",
                    name=enrolment.training_id.name,
                ))
            if enrolment.attendance_rate < min_rate:
                raise UserError(self.env._(
                    "%(code)s attended %(rate).0f %% of the training days; completing requires at least "
                    "%(min).0f %%. Record the days attended, or mark the participant as dropped out.",
                    code=code, rate=enrolment.attendance_rate, min=min_rate,
                ))
            action_date(enrolment, completion_date, self.env._("The completion date"), enrolment.date_start,
                        self.env._("the start of the training"))
        self._write_workflow({"state": "completed", "completion_date": action_day(self, completion_date)})
        return True

    def action_drop(self, drop_date=None):
        """Mark as dropped out, today or on ``drop_date`` (on or after the enrolment)."""
        check_state(self, ["enrolled"], self.env._("marked as dropped out"))
        for enrolment in self:
            action_date(enrolment, drop_date, self.env._("The drop-out date"), enrolment.enrolment_date,
                        self.env._("the enrolment date"))
        self._write_workflow({"state": "dropped", "drop_date": action_day(self, drop_date)})
        return True
