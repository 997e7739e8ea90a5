from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ashshash_case.tools import (
    CASE_MANAGER,
    PROGRAMME_ADMIN,
    action_date,
    action_day,
    check_state,
    local_date,
)

STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("reported", "Reported"),
    ("cancelled", "Cancelled"),
]
# Who may change an event once it is reported.
MANAGER_GROUPS = (CASE_MANAGER, PROGRAMME_ADMIN)
DEFAULT_DURATION_HOURS = 2


class AshshashEvent(models.Model):
    _name = "ashshash.event"
    _description = "Community event"
    _inherit = ["mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    event_type_id = fields.Many2one(
        "ashshash.event.type", string="Type", required=True, index=True, tracking=True, ondelete="restrict",
    )
    type_category = fields.Selection(related="event_type_id.category", string="Category", store=True, index=True)
    type_code = fields.Char(related="event_type_id.code", string="Type code", store=True, index=True)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    state = fields.Selection(
        STATES, default="planned", required=True, index=True, tracking=True, copy=False,
        group_expand="_expand_states",
    )
    user_id = fields.Many2one(
        "res.users", string="Responsible", index=True, tracking=True,
        default=lambda self: self.env.user, domain="[('share', '=', False)]",
    )

    # When
    date_start = fields.Datetime(
        string="Start", required=True, index=True, tracking=True,
        default=lambda self: fields.Datetime.now().replace(minute=0, second=0, microsecond=0),
    )
    date_end = fields.Datetime(
        string="End", required=True, tracking=True,
        help="Filled in two hours after the start when left empty.",
    )
    date = fields.Date(
        compute="_compute_date", store=True, index=True,
        help="Day of the event in the company's time zone: reports group on it.",
    )
    observance_year = fields.Integer(compute="_compute_date", store=True, index=True, aggregator=False)
    date_reported = fields.Date(readonly=True, copy=False, tracking=True)

    # Where
    area_id = fields.Many2one(
        "ashshash.area", index=True, tracking=True,
        domain="[('level', 'in', ('district', 'upazila', 'union'))]",
        help="The union, upazila or district where the event took place.",
    )
    union_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)
    upazila_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)
    district_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)
    venue = fields.Char()

    # Who organised it
    organiser_ids = fields.Many2many(
        "res.partner", "ashshash_event_organiser_rel", "event_id", "partner_id",
        string="Organised by", domain="[('is_company', '=', True)]",
    )
    joint_partner_ids = fields.Many2many(
        "res.partner", "ashshash_event_joint_partner_rel", "event_id", "partner_id",
        string="Jointly with", domain="[('is_company', '=', True)]",
        help="Government offices that held the event with the organisers.",
    )

    # Attendance
    attendance_women = fields.Integer(string="Women", tracking=True)
    attendance_men = fields.Integer(string="Men", tracking=True)
    attendance_others = fields.Integer(string="Others", tracking=True)
    attendance_total = fields.Integer(string="Total attendance", compute="_compute_attendance_total", store=True)
    audience_line_ids = fields.One2many("ashshash.event.audience", "event_id", string="Audience", copy=True)
    audience_total = fields.Integer(compute="_compute_audience_total", store=True)
    attendee_ids = fields.One2many("ashshash.event.attendee", "event_id", string="Notable attendees")
    survivor_ids = fields.Many2many(
        "ashshash.survivor", "ashshash_event_survivor_rel", "event_id", "survivor_id",
        string="Survivors who took part", check_company=True,
        groups="ashshash_case.group_case_worker,ashshash_case.group_me_officer",
    )

    # Content
    outreach_method_ids = fields.Many2many(
        "ashshash.event.outreach.method", "ashshash_event_outreach_method_rel", "event_id", "method_id",
        string="Outreach methods",
    )
    topics = fields.Html(string="Topics and key messages")
    decisions = fields.Html()
    action_item_ids = fields.One2many("ashshash.event.action.item", "event_id", string="Action items")
    action_item_open_count = fields.Integer(compute="_compute_action_item_open_count")
    is_locked = fields.Boolean(compute="_compute_is_locked")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _expand_states(self, states, domain):
        return [key for key, _label in STATES]

    @api.depends("date_start", "company_id")
    def _compute_date(self):
        for event in self:
            event.date = local_date(event.company_id, event.date_start)
            event.observance_year = event.date.year if event.date else 0

    @api.depends("area_id", "area_id.parent_path")
    def _compute_area_levels(self):
        levels = self.area_id._ancestors_by_level()
        for event in self:
            by_level = levels.get(event.area_id, {})
            event.union_id = by_level.get("union", False)
            event.upazila_id = by_level.get("upazila", False)
            event.district_id = by_level.get("district", False)

    @api.depends("attendance_women", "attendance_men", "attendance_others")
    def _compute_attendance_total(self):
        for event in self:
            event.attendance_total = event.attendance_women + event.attendance_men + event.attendance_others

    @api.depends("audience_line_ids.count")
    def _compute_audience_total(self):
        for event in self:
            event.audience_total = sum(event.audience_line_ids.mapped("count"))

    def _compute_action_item_open_count(self):
        counts = dict(self.env["ashshash.event.action.item"]._read_group(
            [("event_id", "in", self.ids), ("done", "=", False)], ["event_id"], ["__count"],
        ))
        for event in self:
            event.action_item_open_count = counts.get(event, 0)

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_is_locked(self):
        can_edit = self._may_edit_reported()
        for event in self:
            event.is_locked = event.state == "reported" and not can_edit

    @api.onchange("date_start")
    def _onchange_date_start(self):
        if self.date_start and (not self.date_end or self.date_end < self.date_start):
            self.date_end = self.date_start + timedelta(hours=DEFAULT_DURATION_HOURS)

    @api.onchange("event_type_id")
    def _onchange_event_type_id(self):
        if not self.event_type_id:
            return
        if not self.name:
            self.name = self.event_type_id.name
        if self.event_type_id.default_audience and not self.audience_line_ids:
            self.audience_line_ids = [fields.Command.create({"category": self.event_type_id.default_audience})]

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("attendance_women", "attendance_men", "attendance_others", "audience_line_ids")
    def _check_attendance(self):
        for event in self:
            if min(event.attendance_women, event.attendance_men, event.attendance_others) < 0:
                raise ValidationError(self.env._(
                    "Attendance of %(event)s cannot be negative: enter the number of women, men and others "
                    "who attended (0 or more).",
                    event=event.name,
                ))
            audience = sum(event.audience_line_ids.mapped("count"))
            if audience > event.attendance_total:
                raise ValidationError(self.env._(
                    "The audience breakdown of %(event)s counts %(audience)s people but only %(total)s "
                    "attended (women + men + others): lower the breakdown or correct the attendance.",
                    event=event.name, audience=audience, total=event.attendance_total,
                ))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for event in self:
            if event.date_start and event.date_end and event.date_end < event.date_start:
                raise ValidationError(self.env._(
                    "%(event)s ends before it starts: set the end after the start.", event=event.name,
                ))

    @api.constrains("state", "attendance_women", "attendance_men", "attendance_others")
    def _check_reported_attendance(self):
        for event in self:
            if event.state == "reported" and event.attendance_total <= 0:
                raise ValidationError(self.env._(
                    "%(event)s cannot be reported without attendance: enter how many women, men and "
                    "others attended.",
                    event=event.name,
                ))

    @api.constrains("event_type_id", "date_start", "state", "company_id")
    def _check_one_observance_per_year(self):
        observances = self.filtered(lambda e: e.type_category == "international_day" and e.state != "cancelled")
        if not observances:
            return
        # One grouped count for the whole batch (the yearly planning creates many at once).
        counts = self._read_group([
            ("event_type_id", "in", observances.event_type_id.ids),
            ("company_id", "in", observances.company_id.ids),
            ("observance_year", "in", list(set(observances.mapped("observance_year")))),
            ("state", "!=", "cancelled"),
        ], ["event_type_id", "company_id", "observance_year"], ["__count"])
        checked = {(e.event_type_id, e.company_id, e.observance_year) for e in observances}
        for event_type, company, year, count in counts:
            if count > 1 and (event_type, company, year) in checked:
                raise ValidationError(self.env._(
                    "%(day)s is already observed in %(year)s: open that event instead of adding a second "
                    "observance (or cancel it first).",
                    day=event_type.name, year=year,
                ))

    # ------------------------------------------------------------------
    # Lock of reported events
    # ------------------------------------------------------------------
    def _may_edit_reported(self):
        return self.env.su or any(self.env.user.has_group(group) for group in MANAGER_GROUPS)

    def _check_unlocked(self):
        if self._may_edit_reported():
            return
        reported = self.filtered(lambda e: e.state == "reported")
        if reported:
            raise UserError(self.env._(
                "%(events)s is reported and locked: only a case manager or programme admin can change it "
                "(action items can still be followed up).",
                events=", ".join(reported.mapped("name")),
            ))

    @api.model
    def _lock_exempt_fields(self):
        """Fields that stay editable on a reported event: chatter, activities and action item follow-up."""
        exempt = set(self.env["mail.thread"]._fields) | set(self.env["mail.activity.mixin"]._fields)
        return exempt | {"action_item_ids"}

    # ------------------------------------------------------------------
    # Workflow-owned fields
    # ------------------------------------------------------------------
    @api.model
    def _workflow_fields(self):
        return {
            "state": self.env._(
                "use the buttons of the event (Mark done once it has taken place in its area, Report once its "
                "attendance is entered, Cancel, Reset to planned)."
            ),
            "date_reported": self.env._("it is the day the Report button was pressed."),
        }

    def _check_took_place(self, action):
        """Refuse ``action`` ("marked done", "reported") for an event that has not started yet or has
        no area: what the figures of a done or reported event stand for."""
        now = fields.Datetime.now()
        for event in self:
            if event.date_start > now:
                raise UserError(self.env._(
                    "%(event)s has not started yet (%(start)s): it can be %(action)s once it has taken place.",
                    event=event.name, start=event.date_start, action=action,
                ))
            if not event.area_id:
                raise UserError(self.env._(
                    "Set the union, upazila or district where %(event)s took place: an event without its "
                    "area cannot be %(action)s.",
                    event=event.name, action=action,
                ))

    # While the event itself is written, its attendance may not be recomputed yet: audience lines
    # written through it leave the total check to the event's own constraint, run at the end.
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("date_end") and vals.get("date_start"):
                start = fields.Datetime.to_datetime(vals["date_start"])
                vals["date_end"] = start + timedelta(hours=DEFAULT_DURATION_HOURS)
        events = super(AshshashEvent, self.with_context(ashshash_event_audience_deferred=True)).create(vals_list)
        return events.with_env(self.env)

    def write(self, vals):
        if set(vals) - self._lock_exempt_fields():
            self._check_unlocked()
        result = super(AshshashEvent, self.with_context(ashshash_event_audience_deferred=True)).write(vals)
        if not self.env.su and {"date_start", "area_id"} & vals.keys():
            # A done or reported event keeps what Mark done and Report checked: moving it to the
            # future or clearing its area would report an event that has not taken place.
            held = self.filtered(lambda e: e.state in ("done", "reported"))
            held._check_took_place(self.env._("done or reported"))
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_reported(self):
        reported = self.filtered(lambda e: e.state == "reported")
        if reported:
            raise UserError(self.env._(
                "%(events)s is reported: its figures are in donor reports. A manager can reset it to planned "
                "before deleting it.",
                events=", ".join(reported.mapped("name")),
            ))

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def action_done(self):
        check_state(self, ["planned"], self.env._("marked done"))
        self._check_took_place(self.env._("marked done"))
        self._write_workflow({"state": "done"})
        return True

    def action_report(self, date_reported=None):
        """Report, today or on ``date_reported`` (a report sent before it was entered), never
        before the event."""
        check_state(self, ["done"], self.env._("reported"))
        # Checked again: the start or the area may have changed since the event was marked done.
        self._check_took_place(self.env._("reported"))
        for event in self:
            action_date(event, date_reported, self.env._("The reporting date"), event.date,
                        self.env._("the day of the event"))
            if event.attendance_total <= 0:
                raise UserError(self.env._(
                    "%(event)s cannot be reported without attendance: enter how many women, men and others "
                    "attended (from the attendance sheet).",
                    event=event.name,
                ))
        self._write_workflow({"state": "reported", "date_reported": action_day(self, date_reported)})
        return True

    def action_cancel(self):
        check_state(self, ["planned", "done"], self.env._("cancelled"))
        self._write_workflow({"state": "cancelled"})
        return True

    def action_draft(self):
        """Back to planned: cancelled or done events for event officers, reported ones for managers."""
        check_state(self, ["done", "reported", "cancelled"], self.env._("reset to planned"))
        self._check_unlocked()
        self._write_workflow({"state": "planned", "date_reported": False})
        return True

    def action_view_action_items(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ashshash_events.ashshash_event_action_item_action")
        action.update({
            "domain": [("event_id", "=", self.id)],
            "context": {"default_event_id": self.id},
        })
        return action
