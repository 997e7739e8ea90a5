import calendar
import re
from datetime import date, datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.ashshash_case.tools import company_tz

from .ashshash_event_audience import AUDIENCE_CATEGORIES

TYPE_CATEGORIES = [
    ("awareness", "Awareness"),
    ("coordination", "Coordination"),
    ("capacity_building", "Capacity building"),
    ("dialogue_advocacy", "Dialogue and advocacy"),
    ("international_day", "International day"),
]
MONTHS = [(str(number), calendar.month_name[number]) for number in range(1, 13)]
CODE_PATTERN = re.compile(r"^[A-Z][A-Z0-9_]*$")
# Observances planned by the scheduled action start at this local hour.
OBSERVANCE_START_HOUR = 10
OBSERVANCE_HOURS = 3


class AshshashEventType(models.Model):
    _name = "ashshash.event.type"
    _description = "Community event type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        required=True, index=True,
        help="Stable upper-case code (letters, digits, underscores). Indicators use it: "
             "EVT_<CODE>_COUNT and EVT_<CODE>_PEOPLE. It cannot change once events use the type.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(TYPE_CATEGORIES, required=True, index=True, default="awareness")
    default_audience = fields.Selection(
        AUDIENCE_CATEGORIES,
        help="Audience a new event of this type starts with in its audience breakdown.",
    )
    description = fields.Text(translate=True)
    observance_day = fields.Integer(string="Day", help="International days: day of the month of the observance.")
    observance_month = fields.Selection(MONTHS, string="Month", help="International days: month of the observance.")
    event_ids = fields.One2many("ashshash.event", "event_type_id", string="Events")
    event_count = fields.Integer(compute="_compute_event_count")

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another event type already has this code."),
    ]

    def _compute_event_count(self):
        counts = dict(self.env["ashshash.event"]._read_group(
            [("event_type_id", "in", self.ids)], ["event_type_id"], ["__count"],
        ))
        for event_type in self:
            event_type.event_count = counts.get(event_type, 0)

    @api.constrains("code")
    def _check_code(self):
        for event_type in self:
            if not CODE_PATTERN.match(event_type.code or ""):
                raise ValidationError(self.env._(
                    "The code %(code)s of %(type)s must be upper-case letters, digits and underscores, "
                    "starting with a letter (e.g. SCHOOL_SESSION).",
                    code=event_type.code, type=event_type.name,
                ))

    @api.constrains("category", "observance_day", "observance_month")
    def _check_observance_date(self):
        for event_type in self:
            if event_type.category != "international_day":
                continue
            if not event_type.observance_month or not event_type.observance_day:
                raise ValidationError(self.env._(
                    "%(type)s is an international day: set the day and month it is observed.",
                    type=event_type.name,
                ))
            # A leap year, so that 29 February is accepted; planning moves it to the 28th otherwise.
            days_in_month = calendar.monthrange(2024, int(event_type.observance_month))[1]
            if not 1 <= event_type.observance_day <= days_in_month:
                raise ValidationError(self.env._(
                    "%(month)s has no day %(day)s: check the observance date of %(type)s.",
                    month=dict(MONTHS)[event_type.observance_month], day=event_type.observance_day,
                    type=event_type.name,
                ))

    def write(self, vals):
        if "code" in vals:
            changed = self.filtered(lambda t: t.code != vals["code"])
            if changed and self.env["ashshash.event"].sudo().search_count(
                # sudo: the count must include events of every company; it reveals nothing.
                [("event_type_id", "in", changed.ids)], limit=1,
            ):
                raise UserError(self.env._(
                    "The code of an event type that events already use cannot change: reports and "
                    "indicators rely on it. Create a new type instead."
                ))
        return super().write(vals)

    # ------------------------------------------------------------------
    # International days
    # ------------------------------------------------------------------
    def _next_observance_date(self, today):
        """The next date (today or later) this international day is observed."""
        self.ensure_one()
        month = int(self.observance_month)
        for year in (today.year, today.year + 1):
            day = min(self.observance_day, calendar.monthrange(year, month)[1])
            observance = date(year, month, day)
            if observance >= today:
                return observance
        return observance

    def _plan_observances(self, companies):
        """Create the next planned observance of each international day in ``self`` for each company,
        unless that company already has an observance of the day in that year (whatever its state:
        a cancelled observance is not planned again). Return the created events."""
        Event = self.env["ashshash.event"]
        days = self.filtered(lambda t: t.category == "international_day" and t.observance_month and t.observance_day)
        if not days:
            return Event
        vals_list = []
        for company in companies:
            tz = company_tz(company)
            today = datetime.now(tz).date()
            planned = {day: day._next_observance_date(today) for day in days}
            years = {observance.year for observance in planned.values()}
            existing = {
                (event_type, year)
                for event_type, year in Event._read_group(
                    [("event_type_id", "in", days.ids), ("company_id", "=", company.id),
                     ("observance_year", "in", list(years))],
                    ["event_type_id", "observance_year"],
                )
            }
            for day, observance in planned.items():
                if (day, observance.year) in existing:
                    continue
                start = tz.localize(datetime.combine(observance, time(OBSERVANCE_START_HOUR)))
                start_utc = start.astimezone(pytz.utc).replace(tzinfo=None)
                vals_list.append({
                    "name": f"{day.name} {observance.year}",
                    "event_type_id": day.id,
                    "company_id": company.id,
                    "date_start": start_utc,
                    "date_end": start_utc + timedelta(hours=OBSERVANCE_HOURS),
                    "user_id": False,
                })
        return Event.create(vals_list)

    @api.model
    def _cron_plan_international_days(self):
        types = self.search([("category", "=", "international_day")])
        # Every company observes the international days: loading all of them is the point, and
        # companies are a handful of rows.
        companies = self.env["res.company"].search([])  # pylint: disable=no-search-all
        return types._plan_observances(companies)

    def action_plan_observance(self):
        """Button: plan the next observance of these international days in the current company."""
        not_days = self.filtered(lambda t: t.category != "international_day")
        if not_days:
            raise UserError(self.env._(
                "Only international days have a yearly observance; %(types)s is not one.",
                types=", ".join(not_days.mapped("name")),
            ))
        events = self._plan_observances(self.env.company)
        if not events:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "message": self.env._("The next observance is already planned: nothing to add."),
                    "sticky": False,
                },
            }
        action = self.env["ir.actions.act_window"]._for_xml_id("ashshash_events.ashshash_event_action")
        action.update({"domain": [("id", "in", events.ids)], "view_mode": "list,form"})
        if len(events) == 1:
            action.update({"res_id": events.id, "view_mode": "form", "views": [(False, "form")]})
        return action

    def action_view_events(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("ashshash_events.ashshash_event_action")
        action.update({
            "domain": [("event_type_id", "=", self.id)],
            "context": {"default_event_type_id": self.id},
        })
        return action
