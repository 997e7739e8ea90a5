from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ashshash_case.tools import check_state

TRAINING_STATES = [
    ("planned", "Planned"),
    ("ongoing", "Ongoing"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class AshshashTraining(models.Model):
    _name = "ashshash.training"
    _description = "Training batch"
    _inherit = ["mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    training_type_id = fields.Many2one(
        "ashshash.training.type", string="Type", required=True, index=True, tracking=True, ondelete="restrict",
    )
    category = fields.Selection(related="training_type_id.category", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    provider_id = fields.Many2one(
        "res.partner", tracking=True,
        help="Who gives the training, e.g. a technical training centre. Empty when the programme gives it.",
    )
    trainer = fields.Char(tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Responsible", default=lambda self: self.env.user, tracking=True,
        domain="[('share', '=', False)]",
    )
    date_start = fields.Date(string="Start date", required=True, index=True, tracking=True)
    date_end = fields.Date(string="End date", required=True, index=True, tracking=True)
    session_days = fields.Integer(
        string="Training days", compute="_compute_session_days", store=True, readonly=False, tracking=True,
        help="Days on which the training is held: the base of each participant's attendance rate. "
             "Defaults to every day from start to end.",
    )
    venue = fields.Char()
    area_id = fields.Many2one(
        "ashshash.area", index=True, tracking=True,
        domain="[('level', 'in', ('upazila', 'union', 'village'))]",
    )
    capacity = fields.Integer(tracking=True, help="Maximum number of participants; 0 means no limit.")
    state = fields.Selection(
        TRAINING_STATES, default="planned", required=True, index=True, tracking=True, copy=False,
    )
    description = fields.Html()
    enrolment_ids = fields.One2many("ashshash.training.enrolment", "training_id", string="Enrolments")
    enrolment_count = fields.Integer(compute="_compute_enrolment_counts", string="Participants")
    completed_count = fields.Integer(compute="_compute_enrolment_counts", string="Completed")
    seats_left = fields.Integer(compute="_compute_enrolment_counts")
    color = fields.Integer()

    _sql_constraints = [
        ("capacity_positive", "CHECK(capacity >= 0)", "The capacity of a training cannot be negative."),
        ("session_days_positive", "CHECK(session_days >= 0)", "The number of training days cannot be negative."),
    ]

    @api.depends("date_start", "date_end")
    def _compute_session_days(self):
        for training in self:
            if training.date_start and training.date_end and training.date_end >= training.date_start:
                training.session_days = (training.date_end - training.date_start).days + 1
            else:
                training.session_days = 0

    def _seat_counts(self):
        """Enrolments per training and state, colleagues' survivors included."""
        # sudo: seats are counted over every participant (a case worker only sees
        # their own survivors' enrolments); only numbers leave this method.
        training_ids = [tid for tid in self._origin.ids if isinstance(tid, int)]
        groups = self.env["ashshash.training.enrolment"].sudo()._read_group(
            [("training_id", "in", training_ids)], ["training_id", "state"], ["__count"],
        )
        counts = {}
        for training, state, count in groups:
            counts.setdefault(training.id, {})[state] = count
        return counts

    @api.depends("enrolment_ids.state", "capacity")
    def _compute_enrolment_counts(self):
        counts = self._seat_counts()
        for training in self:
            by_state = counts.get(training._origin.id, {})
            taken = by_state.get("enrolled", 0) + by_state.get("completed", 0)
            training.enrolment_count = taken
            training.completed_count = by_state.get("completed", 0)
            training.seats_left = max(training.capacity - taken, 0) if training.capacity else 0

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for training in self:
            if training.date_end < training.date_start:
                raise ValidationError(self.env._(
                    "The training '%(name)s' ends (%(end)s) before it starts (%(start)s): correct the dates.",
                    name=training.name, end=training.date_end, start=training.date_start,
                ))

    @api.constrains("session_days", "date_start", "date_end")
    def _check_session_days(self):
        for training in self:
            span = (training.date_end - training.date_start).days + 1
            if training.session_days > span:
                raise ValidationError(self.env._(
                    "'%(name)s' cannot have %(days)s training days between %(start)s and %(end)s (%(span)s days).",
                    name=training.name, days=training.session_days, start=training.date_start,
                    end=training.date_end, span=span,
                ))

    @api.constrains("capacity")
    def _check_capacity(self):
        counts = self._seat_counts()
        for training in self:
            by_state = counts.get(training.id, {})
            taken = by_state.get("enrolled", 0) + by_state.get("completed", 0)
            if training.capacity and taken > training.capacity:
                raise ValidationError(self.env._(
                    "'%(name)s' already has %(taken)s participants: the capacity cannot be lower.",
                    name=training.name, taken=taken,
                ))

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    @api.model
    def _workflow_fields(self):
        return {
            "state": self.env._("use the buttons of the training (Start, Mark done, Cancel)."),
        }

    def action_start(self):
        today = fields.Date.context_today(self)
        check_state(self, ["planned"], self.env._("started"))
        for training in self:
            if training.date_start > today:
                raise UserError(self.env._(
                    "'%(name)s' starts on %(date)s: it can be marked as started from that day on.",
                    name=training.name, date=training.date_start,
                ))
        self._write_workflow({"state": "ongoing"})
        return True

    def action_done(self):
        check_state(self, ["ongoing"], self.env._("marked done"))
        self._write_workflow({"state": "done"})
        return True

    def action_cancel(self):
        check_state(self, ["planned", "ongoing"], self.env._("cancelled"))
        self._write_workflow({"state": "cancelled"})
        return True

    def action_view_enrolments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ashshash_livelihood.ashshash_training_enrolment_action")
        action.update({
            "domain": [("training_id", "=", self.id)],
            "context": {"default_training_id": self.id},
        })
        return action
