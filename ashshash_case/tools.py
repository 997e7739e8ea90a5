"""Names and plain helpers shared by every ASHSHASH addon: one definition each."""
import pytz

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

# Need to know: the group whose members may read a survivor's identity, contacts,
# trafficking history, notes and documents. Record rules narrow case workers to
# their own cases; case managers (who imply it) see the company's.
SENSITIVE = "ashshash_case.group_case_worker"

CASE_WORKER = "ashshash_case.group_case_worker"
CASE_MANAGER = "ashshash_case.group_case_manager"
ME_OFFICER = "ashshash_case.group_me_officer"
PROGRAMME_ADMIN = "ashshash_case.group_admin"
FINANCE_OFFICER = "ashshash_livelihood.group_finance_officer"
EVENT_OFFICER = "ashshash_events.group_event_officer"

# How an error message names the people of a role: "Only a case manager can ...".
ROLE_LABELS = {
    CASE_WORKER: _lt("a case worker"),
    CASE_MANAGER: _lt("a case manager"),
    ME_OFFICER: _lt("an M&E officer"),
    PROGRAMME_ADMIN: _lt("a programme admin"),
    FINANCE_OFFICER: _lt("a finance officer"),
    EVENT_OFFICER: _lt("an event officer"),
}

GENDERS = [("female", "Female"), ("male", "Male"), ("other", "Other")]
GENDER_KEYS = tuple(key for key, _label in GENDERS)


def check_groups(env, groups, action):
    """Refuse ``action`` (a verb phrase: "close a case") with an AccessError unless
    the user belongs to one of ``groups`` (xml ids). Server code running as
    superuser (data files, scheduled actions, deliberate ``sudo()``) passes."""
    groups = (groups,) if isinstance(groups, str) else tuple(groups)
    if env.su or any(env.user.has_group(group) for group in groups):
        return
    roles = [env._(ROLE_LABELS[group]) if group in ROLE_LABELS else group for group in groups]
    raise AccessError(env._(
        "Only %(roles)s can %(action)s.", roles=env._(" or ").join(roles), action=action,
    ))


def check_state(records, allowed, action):
    """Refuse ``action`` (a past participle: "marked done") with a UserError when a
    record of ``records`` is not in one of the ``allowed`` states; the message names
    the record, its state and the states the action needs."""
    wrong = records.filtered(lambda record: record.state not in allowed)
    if not wrong:
        return
    env = records.env
    labels = dict(records._fields["state"]._description_selection(env))
    raise UserError(env._(
        "%(record)s cannot be %(action)s: it is %(state)s (it must be %(allowed)s).",
        record=wrong[0].display_name, action=action, state=labels[wrong[0].state].lower(),
        allowed=env._(" or ").join(labels[state].lower() for state in allowed),
    ))


def action_day(record, day):
    """The day an action records: ``day`` when given (a past event entered later), else today."""
    return fields.Date.to_date(day) if day else fields.Date.context_today(record)


def action_date(record, day, what, earliest=False, since=None):
    """The day an action records on ``record``: ``day`` when the event happened
    before it was entered (a paper form typed in later), else today. Refused in
    the future, and before ``earliest`` (``since`` names that day: "the
    identification date")."""
    env = record.env
    today = fields.Date.context_today(record)
    day = action_day(record, day)
    if day > today:
        raise UserError(env._(
            "%(what)s of %(record)s cannot be %(date)s, a day in the future: enter the day it happened.",
            what=what, record=record.display_name, date=day,
        ))
    if earliest and day < earliest:
        raise UserError(env._(
            "%(what)s of %(record)s cannot be %(date)s, before %(since)s (%(earliest)s).",
            what=what, record=record.display_name, date=day, since=since, earliest=earliest,
        ))
    return day


def company_tz(company):
    """The time zone of a partner organisation (its company's address), UTC when unset."""
    return pytz.timezone(company.partner_id.tz or "UTC")


def local_date(company, value):
    """The day a UTC datetime ``value`` falls on in ``company``'s time zone: the day
    reports count a record on, the same whoever saved it."""
    if not value:
        return False
    return pytz.utc.localize(value).astimezone(company_tz(company)).date()
