import re
import unicodedata
from datetime import timedelta

from odoo import SUPERUSER_ID, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools import CASE_MANAGER, GENDERS, SENSITIVE, action_date, action_day, check_groups, check_state

IDENTIFICATION_SOURCES = [
    ("peer_leader", "Peer leader"),
    ("ctc", "Counter Trafficking Committee"),
    ("ctip_activist", "CTIP activist"),
    ("local_influential", "Local influential"),
    ("youth_club", "Youth club"),
    ("imam", "Imam"),
    ("village_police", "Village police"),
    ("self", "Self"),
    ("partner_ngo", "Partner NGO"),
    ("government_office", "Government office"),
    ("returnee_list", "Returnee list"),
    ("other", "Other"),
]

STATES = [
    ("identified", "Identified"),
    ("enrolled", "Enrolled"),
    ("assessed", "Assessed"),
    ("in_counselling", "In counselling"),
    ("counselling_completed", "Counselling completed"),
    ("reintegration", "Reintegration"),
    ("closed", "Closed"),
]

OPEN_STATES = ("enrolled", "assessed", "in_counselling", "counselling_completed", "reintegration")

CLOSE_REASONS = [
    ("reintegrated", "Reintegrated"),
    ("dropped_out", "Dropped out"),
    ("moved_away", "Moved away"),
    ("referred_out", "Referred out"),
    ("deceased", "Deceased"),
]

# Human Trafficking Case Data Standard (HTCDS) v2.0 choice lists, so that an
# export can map field by field later.
TRAFFICKING_STATUS = [
    ("possible", "Possible victim"),
    ("actual", "Actual victim"),
    ("not_victim", "Not a victim"),
]
RELATIONSHIPS = [
    ("familial", "Familial"),
    ("acquainted", "Acquainted"),
    ("unacquainted", "Unacquainted"),
]
RECRUITER_ROLES = [
    ("broker", "Broker (dalal)"),
    ("employer", "Employer"),
    ("recruitment_agency", "Recruitment agency"),
    ("intimate_partner", "Intimate partner"),
    ("family_member", "Family member"),
    ("friend", "Friend or acquaintance"),
    ("other", "Other"),
]
RECRUITMENT_METHODS = [
    ("job_offer", "False job offer"),
    ("marriage_offer", "False marriage offer"),
    ("education_offer", "False education offer"),
    ("abduction", "Abduction"),
    ("sold_by_family", "Sold by family"),
    ("other", "Other"),
]
LABOUR_INDUSTRIES = [
    ("agriculture", "Agriculture"),
    ("construction", "Construction"),
    ("domestic_work", "Domestic work"),
    ("manufacturing", "Manufacturing"),
    ("fishing", "Fishing"),
    ("hospitality", "Hospitality"),
    ("begging", "Begging"),
    ("brick_kiln", "Brick kiln"),
    ("other", "Other"),
]
MIGRATION_INFLUENCERS = [
    ("self", "Self"),
    ("parents", "Parents"),
    ("spouse", "Spouse"),
    ("relative", "Other relative"),
    ("friend", "Friend"),
    ("broker", "Broker (dalal)"),
    ("other", "Other"),
]


def normalize_name(name):
    """Lower case, no accents or punctuation, single spaces: 'Mst.  Rina  Begum' -> 'mst rina begum'."""
    if not name:
        return False
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split()) or False


def normalize_phone(phone):
    """Keep the last ten digits: +880 1711-000000 and 01711000000 match."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-10:] if len(digits) >= 7 else False


class AshshashSurvivor(models.Model):
    _name = "ashshash.survivor"
    _description = "Survivor case file"
    _inherit = ["mail.thread", "mail.activity.mixin", "ashshash.workflow.mixin", "ashshash.need.to.know.mixin"]
    _order = "identification_date desc, id desc"
    _rec_name = "code"
    _rec_names_search = ["code"]
    _check_company_auto = True
    # The case file is its own survivor: its chatter, files and to-dos are need to know.
    _need_to_know_survivor_field = "id"

    code = fields.Char(
        string="Case code", required=True, copy=False, readonly=True, index="trigram",
        default=lambda self: self.env._("New"),
        help="Pseudonymous case code: the only identifier shown to people who may not see the survivor.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company,
    )
    active = fields.Boolean(default=True)
    state = fields.Selection(
        STATES, default="identified", required=True, index=True, tracking=True, copy=False,
    )
    state_before_close = fields.Selection(STATES, copy=False, readonly=True)

    # Identity: need to know only.
    name = fields.Char(required=True, tracking=True, groups=SENSITIVE)
    name_normalized = fields.Char(
        compute="_compute_name_normalized", store=True, index=True, groups=SENSITIVE,
    )
    phone = fields.Char(tracking=True, groups=SENSITIVE)
    phone_normalized = fields.Char(
        compute="_compute_phone_normalized", store=True, index=True, groups=SENSITIVE,
    )
    date_of_birth = fields.Date(tracking=True, groups=SENSITIVE)
    estimated_age = fields.Integer(
        help="Age in years at identification, when the date of birth is not known.",
    )
    birth_year = fields.Integer(compute="_compute_birth_year", store=True, index=True)
    age = fields.Integer(compute="_compute_age")
    age_at_identification = fields.Integer(compute="_compute_age_at_identification", store=True)
    gender = fields.Selection(GENDERS, required=True, index=True, tracking=True)

    # Where the survivor lives: the union or village; district and upazila derived.
    area_id = fields.Many2one(
        "ashshash.area", string="Union / village", required=True, index=True, tracking=True,
        domain="[('level', 'in', ('union', 'village'))]",
    )
    union_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)
    upazila_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)
    district_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)
    division_id = fields.Many2one("ashshash.area", compute="_compute_area_levels", store=True, index=True)

    # Identification
    identification_date = fields.Date(
        required=True, default=fields.Date.context_today, index=True, tracking=True,
    )
    identification_source = fields.Selection(
        IDENTIFICATION_SOURCES, string="Identified through", required=True, index=True, tracking=True,
    )
    identified_by = fields.Char(
        help="Who identified the survivor (e.g. the peer leader's or committee's name).", groups=SENSITIVE,
    )
    enrolment_date = fields.Date(readonly=True, copy=False, index=True, tracking=True)

    # Who works on the case
    user_id = fields.Many2one(
        "res.users", string="Responsible case worker", index=True, tracking=True,
        default=lambda self: self.env.user, domain="[('share', '=', False)]",
    )
    case_worker_ids = fields.Many2many(
        "res.users", "ashshash_survivor_case_worker_rel", "survivor_id", "user_id",
        string="Other case workers", domain="[('share', '=', False)]",
    )

    # Closure
    close_reason = fields.Selection(CLOSE_REASONS, tracking=True, copy=False)
    close_date = fields.Date(readonly=True, copy=False, tracking=True)
    close_note = fields.Text(groups=SENSITIVE)

    # Trafficking profile (sensitive, HTCDS v2.0 vocabulary)
    trafficking_status = fields.Selection(TRAFFICKING_STATUS, tracking=True, groups=SENSITIVE)
    exploit_forced_labour = fields.Boolean("Forced labour", tracking=True, groups=SENSITIVE)
    exploit_sexual = fields.Boolean("Sexual exploitation", tracking=True, groups=SENSITIVE)
    exploit_child_labour = fields.Boolean("Child labour", tracking=True, groups=SENSITIVE)
    exploit_forced_marriage = fields.Boolean("Forced marriage", tracking=True, groups=SENSITIVE)
    exploit_servitude = fields.Boolean("Servitude", tracking=True, groups=SENSITIVE)
    exploit_forced_begging = fields.Boolean("Forced begging", tracking=True, groups=SENSITIVE)
    exploit_organ_removal = fields.Boolean("Organ removal", tracking=True, groups=SENSITIVE)
    exploit_other = fields.Boolean("Other exploitation", tracking=True, groups=SENSITIVE)
    labour_industry = fields.Selection(
        LABOUR_INDUSTRIES, string="Forced-labour industry", tracking=True, groups=SENSITIVE,
    )
    control_debt_bondage = fields.Boolean("Debt bondage", tracking=True, groups=SENSITIVE)
    control_withholds_documents = fields.Boolean("Withholds documents", tracking=True, groups=SENSITIVE)
    control_takes_earnings = fields.Boolean("Takes earnings", tracking=True, groups=SENSITIVE)
    control_false_promises = fields.Boolean("False promises", tracking=True, groups=SENSITIVE)
    control_physical_abuse = fields.Boolean("Physical abuse", tracking=True, groups=SENSITIVE)
    control_sexual_abuse = fields.Boolean("Sexual abuse", tracking=True, groups=SENSITIVE)
    control_psychological_abuse = fields.Boolean("Psychological abuse", tracking=True, groups=SENSITIVE)
    control_threats_family = fields.Boolean("Threats to family", tracking=True, groups=SENSITIVE)
    control_restricts_movement = fields.Boolean("Restricts movement", tracking=True, groups=SENSITIVE)
    control_excessive_hours = fields.Boolean("Excessive working hours", tracking=True, groups=SENSITIVE)
    control_other = fields.Boolean("Other means of control", tracking=True, groups=SENSITIVE)
    trafficker_relationship = fields.Selection(
        RELATIONSHIPS, string="Relationship to the trafficker", tracking=True, groups=SENSITIVE,
    )
    recruiter_role = fields.Selection(RECRUITER_ROLES, tracking=True, groups=SENSITIVE)
    recruitment_method = fields.Selection(
        RECRUITMENT_METHODS, string="Method of recruitment", tracking=True, groups=SENSITIVE,
    )
    recruitment_country_id = fields.Many2one(
        "res.country", string="Country of recruitment", tracking=True, groups=SENSITIVE,
    )
    exploitation_country_id = fields.Many2one(
        "res.country", string="Country of exploitation", tracking=True, groups=SENSITIVE,
    )
    age_when_trafficked = fields.Integer(tracking=True, groups=SENSITIVE)
    return_year = fields.Integer(string="Year of return", tracking=True, groups=SENSITIVE)
    migration_influencer = fields.Selection(
        MIGRATION_INFLUENCERS, string="Who influenced the decision to migrate", tracking=True, groups=SENSITIVE,
    )
    trafficking_notes = fields.Html(groups=SENSITIVE)

    # Related records
    family_member_ids = fields.One2many("ashshash.family.member", "survivor_id", string="Family members")
    consent_ids = fields.One2many("ashshash.consent", "survivor_id", string="Consents")
    assessment_ids = fields.One2many("ashshash.needs.assessment", "survivor_id", string="Needs assessments")
    family_member_count = fields.Integer(compute="_compute_counts")
    consent_count = fields.Integer(compute="_compute_counts")
    assessment_count = fields.Integer(compute="_compute_counts")
    services_consent_in_force = fields.Boolean(compute="_compute_services_consent_in_force")

    # Possible duplicates
    duplicate_confirmed = fields.Boolean(
        string="Not a duplicate", copy=False, tracking=True,
        help="Tick after checking the possible duplicates listed on the form with the responsible case workers.",
    )
    duplicate_warning = fields.Text(compute="_compute_duplicate_warning")

    # Counselling, follow-ups and certificates
    counselling_session_ids = fields.One2many(
        "ashshash.counselling.session", "survivor_id", string="Counselling sessions",
    )
    followup_ids = fields.One2many("ashshash.followup", "survivor_id", string="Follow-ups")
    certificate_ids = fields.One2many("ashshash.certificate", "survivor_id", string="Certificates")

    individual_session_count = fields.Integer(string="Individual sessions", compute="_compute_counselling_counts")
    family_session_count = fields.Integer(string="Family sessions", compute="_compute_counselling_counts")
    session_count = fields.Integer(string="Sessions", compute="_compute_counselling_counts")
    followup_count = fields.Integer(string="Number of follow-ups", compute="_compute_counselling_counts")
    certificate_count = fields.Integer(string="Number of certificates", compute="_compute_counselling_counts")
    first_session_date = fields.Date(compute="_compute_counselling_counts")
    last_session_date = fields.Date(compute="_compute_counselling_counts")
    who5_first = fields.Integer(string="WHO-5 first (%)", compute="_compute_who5_first_latest")
    who5_latest = fields.Integer(string="WHO-5 latest (%)", compute="_compute_who5_first_latest")
    who5_measure_count = fields.Integer(compute="_compute_who5_first_latest")

    last_contact_date = fields.Date(
        compute="_compute_last_contact_date", store=True, index=True,
        help="Latest done counselling session or follow-up.",
    )
    days_since_contact = fields.Integer(
        compute="_compute_days_since_contact",
        help="Days since the last contact, or since enrolment when there was none yet.",
    )
    at_risk_dropout = fields.Boolean(
        string="At risk of dropping out", readonly=True, copy=False, index=True, tracking=True,
        help="Set by the daily check when there was no contact for longer than the threshold in Settings.",
    )

    # Referrals
    referral_ids = fields.One2many("ashshash.referral", "survivor_id", string="Referrals")
    referral_count = fields.Integer(compute="_compute_referral_count")
    referral_open_count = fields.Integer(compute="_compute_referral_count")

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "Another survivor already has this case code."),
    ]

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("name")
    def _compute_name_normalized(self):
        for survivor in self:
            survivor.name_normalized = normalize_name(survivor.name)

    @api.depends("phone")
    def _compute_phone_normalized(self):
        for survivor in self:
            survivor.phone_normalized = normalize_phone(survivor.phone)

    @api.depends("date_of_birth", "estimated_age", "identification_date")
    def _compute_birth_year(self):
        for survivor in self.sudo():
            # sudo: the birth year is derived from the date of birth, which is
            # restricted; the year alone is what aggregate reports group on.
            if survivor.date_of_birth:
                survivor.birth_year = survivor.date_of_birth.year
            elif survivor.estimated_age and survivor.identification_date:
                survivor.birth_year = survivor.identification_date.year - survivor.estimated_age
            else:
                survivor.birth_year = 0

    @api.depends("birth_year")
    def _compute_age(self):
        this_year = fields.Date.context_today(self).year
        for survivor in self:
            survivor.age = this_year - survivor.birth_year if survivor.birth_year else 0

    @api.depends("birth_year", "identification_date")
    def _compute_age_at_identification(self):
        for survivor in self:
            if survivor.birth_year and survivor.identification_date:
                survivor.age_at_identification = survivor.identification_date.year - survivor.birth_year
            else:
                survivor.age_at_identification = 0

    @api.depends("area_id", "area_id.parent_path")
    def _compute_area_levels(self):
        levels = self.area_id._ancestors_by_level()
        for survivor in self:
            by_level = levels.get(survivor.area_id, {})
            survivor.union_id = by_level.get("union", False)
            survivor.upazila_id = by_level.get("upazila", False)
            survivor.district_id = by_level.get("district", False)
            survivor.division_id = by_level.get("division", False)

    def _compute_counts(self):
        self._set_counts([
            ("ashshash.family.member", "family_member_count"),
            ("ashshash.consent", "consent_count"),
            ("ashshash.needs.assessment", "assessment_count"),
        ])

    def _counts_by_survivor(self, model, domain=()):
        """{survivor: number of ``model`` records of that survivor matching ``domain``}, for the
        survivors of ``self``, in one grouped query (record rules apply)."""
        return dict(self.env[model]._read_group(
            [("survivor_id", "in", self.ids), *domain], ["survivor_id"], ["__count"],
        ))

    def _set_counts(self, models_fields):
        """Fill each count field of ``(model, field)`` pairs: one grouped query per model."""
        for model, field in models_fields:
            counts = self._counts_by_survivor(model)
            for survivor in self:
                survivor[field] = counts.get(survivor, 0)

    @api.depends("consent_ids.given_on", "consent_ids.withdrawn_on", "consent_ids.expiry_date")
    def _compute_services_consent_in_force(self):
        today = fields.Date.context_today(self)
        for survivor in self:
            survivor.services_consent_in_force = bool(
                survivor.consent_ids._in_force(today).filtered(lambda c: c.consent_type == "services")
            )

    @api.depends("name", "phone", "birth_year", "area_id", "duplicate_confirmed")
    @api.depends_context("uid")
    def _compute_duplicate_warning(self):
        may_know = self._may_know_duplicates()
        for survivor in self:
            # Who may not read names learns nothing of other cases: no code, no count.
            candidates = survivor._find_duplicates() if may_know else survivor.browse()
            if not candidates:
                survivor.duplicate_warning = False
                continue
            survivor.duplicate_warning = self.env._(
                "Possible duplicate of %(codes)s (same name and age in the same union, or the same phone). "
                "Check with their case workers before going on; nothing is merged automatically.",
                codes=", ".join(candidates.mapped("code")),
            )

    def _compute_counselling_counts(self):
        Session = self.env["ashshash.counselling.session"]
        by_type = {
            (survivor, session_type): (count, first, last)
            for survivor, session_type, count, first, last in Session._read_group(
                [("survivor_id", "in", self.ids), ("state", "=", "done")],
                ["survivor_id", "session_type"],
                ["__count", "session_date:min", "session_date:max"],
            )
        }
        all_counts = self._counts_by_survivor("ashshash.counselling.session")
        followups = self._counts_by_survivor("ashshash.followup")
        certificates = self._counts_by_survivor("ashshash.certificate")
        for survivor in self:
            individual = by_type.get((survivor, "individual"), (0, False, False))
            family = by_type.get((survivor, "family"), (0, False, False))
            survivor.individual_session_count = individual[0]
            survivor.family_session_count = family[0]
            survivor.session_count = all_counts.get(survivor, 0)
            survivor.followup_count = followups.get(survivor, 0)
            survivor.certificate_count = certificates.get(survivor, 0)
            dates = [d for d in (individual[1], individual[2], family[1], family[2]) if d]
            survivor.first_session_date = min(dates) if dates else False
            survivor.last_session_date = max(dates) if dates else False

    def _who5_measures(self):
        """WHO-5 measures per survivor, oldest first: {survivor id: [(date, percentage), ...]}
        from done sessions and follow-ups, in two queries for the whole recordset."""
        measures = {survivor_id: [] for survivor_id in self.ids}
        sessions = self.env["ashshash.counselling.session"].search_fetch(
            [("survivor_id", "in", self.ids), ("state", "=", "done"), ("who5_done", "=", True)],
            ["survivor_id", "session_date", "who5_percentage", "date"], order="date, id",
        )
        for session in sessions:
            measures[session.survivor_id.id].append((session.session_date, session.who5_percentage))
        followups = self.env["ashshash.followup"].search_fetch(
            [("survivor_id", "in", self.ids), ("who5_done", "=", True)],
            ["survivor_id", "date", "who5_percentage"], order="date, id",
        )
        for followup in followups:
            measures[followup.survivor_id.id].append((followup.date, followup.who5_percentage))
        for values in measures.values():
            values.sort(key=lambda measure: measure[0])  # stable: sessions before follow-ups on a day
        return measures

    def _compute_who5_first_latest(self):
        measures = self._who5_measures()
        for survivor in self:
            values = measures.get(survivor.id) or []
            survivor.who5_measure_count = len(values)
            survivor.who5_first = values[0][1] if values else 0
            survivor.who5_latest = values[-1][1] if values else 0

    @api.depends(
        "counselling_session_ids.state", "counselling_session_ids.session_date", "followup_ids.date",
    )
    def _compute_last_contact_date(self):
        for survivor in self:
            dates = survivor.counselling_session_ids.filtered(lambda s: s.state == "done").mapped("session_date")
            dates += survivor.followup_ids.mapped("date")
            survivor.last_contact_date = max(dates) if dates else False

    @api.depends("last_contact_date", "enrolment_date", "identification_date")
    def _compute_days_since_contact(self):
        today = fields.Date.context_today(self)
        for survivor in self:
            since = survivor.last_contact_date or survivor.enrolment_date or survivor.identification_date
            survivor.days_since_contact = (today - since).days if since else 0

    @api.depends_context("uid")
    def _compute_referral_count(self):
        counts = {}
        for survivor, state, count in self.env["ashshash.referral"]._read_group(
            [("survivor_id", "in", self.ids)], ["survivor_id", "state"], ["__count"],
        ):
            total, open_count = counts.get(survivor, (0, 0))
            counts[survivor] = (total + count, open_count + (count if state in ("draft", "sent", "accepted") else 0))
        for survivor in self:
            survivor.referral_count, survivor.referral_open_count = counts.get(survivor, (0, 0))

    # ------------------------------------------------------------------
    # Duplicates
    # ------------------------------------------------------------------
    @api.model
    def _may_know_duplicates(self):
        """Whether the current user may be told the codes of possible duplicates: the
        case workers (who must check with their colleagues) and case managers, and
        the server itself (data files, scheduled actions). Decided by the user, not
        by ``sudo()``: an action run as superuser on behalf of an M&E officer still
        tells them nothing."""
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group(SENSITIVE)

    def _find_duplicates(self):
        """Other survivors with the same normalised name, age within two years and
        union, or the same phone. Searched as superuser because a possible
        duplicate may sit in a colleague's caseload; only its code is shown."""
        self.ensure_one()
        survivor = self.sudo()
        union = survivor.area_id._ancestor_of_level("union") if survivor.area_id else survivor.area_id
        name_key = normalize_name(survivor.name)
        phone_key = normalize_phone(survivor.phone)
        clauses = []
        if name_key and union:
            name_clause = [("name_normalized", "=", name_key), ("union_id", "=", union.id)]
            if survivor.birth_year:
                # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
                tolerance = int(self.env["ir.config_parameter"].sudo().get_param(
                    "ashshash_case.duplicate_age_tolerance", 2))
                name_clause += [
                    ("birth_year", ">=", survivor.birth_year - tolerance),
                    ("birth_year", "<=", survivor.birth_year + tolerance),
                ]
            clauses.append(name_clause)
        if phone_key:
            clauses.append([("phone_normalized", "=", phone_key)])
        if not clauses:
            return self.browse()
        domain = expression.AND([expression.OR(clauses), [("company_id", "=", survivor.company_id.id)]])
        own_id = survivor._origin.id or survivor.id
        if isinstance(own_id, int):
            domain.append(("id", "!=", own_id))
        return self.env["ashshash.survivor"].sudo().with_context(active_test=False).search(domain, limit=10)

    @api.constrains("name", "phone", "birth_year", "area_id", "duplicate_confirmed")
    def _check_duplicates(self):
        for survivor in self:
            if survivor.duplicate_confirmed:
                continue
            candidates = survivor._find_duplicates()
            if candidates and not self._may_know_duplicates():
                # Still refused, but without a code or a count.
                raise ValidationError(self.env._(
                    "This survivor may already be registered (same name and age in the same union, or "
                    "the same phone). Ask a case worker or a case manager to register the survivor: "
                    "they can check the possible duplicates."
                ))
            if candidates:
                raise ValidationError(self.env._(
                    "This survivor may already be registered as %(codes)s (same name and age in the same "
                    "union, or the same phone). Check with the case workers of that case; if it is a "
                    "different person, tick 'Not a duplicate' and save again.",
                    codes=", ".join(candidates.mapped("code")),
                ))

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("identification_date")
    def _check_identification_date(self):
        today = fields.Date.context_today(self)
        for survivor in self:
            if survivor.identification_date and survivor.identification_date > today:
                raise ValidationError(self.env._(
                    "The identification date %(date)s is in the future: enter the day the survivor was identified.",
                    date=survivor.identification_date,
                ))

    @api.constrains("date_of_birth", "estimated_age")
    def _check_age(self):
        today = fields.Date.context_today(self)
        for survivor in self.sudo():
            # sudo: the check must hold whoever writes; it reveals nothing.
            if survivor.date_of_birth:
                if survivor.date_of_birth > today:
                    raise ValidationError(self.env._("The date of birth cannot be in the future."))
                if today.year - survivor.date_of_birth.year > 120:
                    raise ValidationError(self.env._("The date of birth gives an age above 120 years: check the year."))
            if survivor.estimated_age and not 0 <= survivor.estimated_age <= 120:
                raise ValidationError(self.env._("The estimated age must be between 0 and 120 years."))

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _workflow_fields(self):
        return {
            "code": self.env._("the case code is given by the programme's numbering when the case is saved."),
            "state": self.env._(
                "use the buttons of the case (Enrol, Start reintegration; Close and Reopen are for case managers)."
            ),
            "state_before_close": self.env._("it is kept by the Close button."),
            "enrolment_date": self.env._("it is the day the Enrol button was pressed."),
            "close_date": self.env._("it is the day a case manager pressed Close."),
            "at_risk_dropout": self.env._(
                "the daily dropout check sets it and a new session or follow-up clears it."
            ),
        }

    @api.model
    def _workflow_filled_on_create(self):
        return {"code"}

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("user_id") not in (None, False, self.env.uid) for vals in vals_list):
            check_groups(self.env, CASE_MANAGER, self.env._("assign a case to another case worker"))
        self._workflow_number(
            vals_list, "code", "ashshash.survivor",
            lambda vals: self.env["res.company"].browse(vals.get("company_id")) or self.env.company,
        )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and {"user_id", "case_worker_ids"} & vals.keys():
            for name in {"user_id", "case_worker_ids"} & vals.keys():
                if any(self._workflow_value(survivor, name, vals[name])
                       != self._workflow_value(survivor, name, survivor[name]) for survivor in self):
                    check_groups(self.env, CASE_MANAGER, self.env._("reassign a case"))
        return super().write(vals)

    def export_data(self, fields_to_export):
        # Exports of survivor data are limited to case managers (design rule).
        check_groups(self.env, CASE_MANAGER, self.env._("export survivor data"))
        return super().export_data(fields_to_export)

    # ------------------------------------------------------------------
    # Lifecycle
    # ------------------------------------------------------------------
    def action_enrol(self, enrolment_date=None):
        """Enrol, today or on ``enrolment_date`` (an enrolment entered after the day it happened)."""
        check_state(self, ["identified"], self.env._("enrolled"))
        for survivor in self:
            day = action_date(survivor, enrolment_date, self.env._("The enrolment date"),
                              survivor.identification_date, self.env._("the identification date"))
            if not survivor.consent_ids._in_force(day).filtered(lambda c: c.consent_type == "services"):
                raise UserError(self.env._(
                    "%(code)s cannot be enrolled: record the survivor's consent to services first "
                    "(Consents tab), given on or before %(date)s and not withdrawn.",
                    code=survivor.code, date=day,
                ))
        self._write_workflow({"state": "enrolled", "enrolment_date": action_day(self, enrolment_date)})
        return True

    def action_close(self, close_date=None):
        """Close, today or on ``close_date`` (a closure entered after the day it was decided)."""
        check_groups(self.env, CASE_MANAGER, self.env._("close a case"))
        check_state(self, [state for state, _label in STATES if state != "closed"], self.env._("closed"))
        for survivor in self:
            if not survivor.close_reason:
                raise UserError(self.env._(
                    "Choose why the case of %(code)s is closed (reintegrated, dropped out, moved away, "
                    "referred out, deceased) before closing it.",
                    code=survivor.code,
                ))
        self._write_workflow_each(lambda survivor: {
            "state_before_close": survivor.state,
            "state": "closed",
            "close_date": action_date(survivor, close_date, self.env._("The closing date"),
                                      survivor.enrolment_date or survivor.identification_date,
                                      self.env._("the start of the case")),
        })
        return True

    def action_reopen(self):
        check_groups(self.env, CASE_MANAGER, self.env._("reopen a case"))
        check_state(self, ["closed"], self.env._("reopened"))
        self._write_workflow_each(lambda survivor: {
            "state": survivor.state_before_close or "enrolled",
            "state_before_close": False,
            "close_reason": False,
            "close_date": False,
        })
        return True

    def action_start_reintegration(self):
        check_state(self, ["counselling_completed"], self.env._("moved to reintegration"))
        self._write_workflow({"state": "reintegration"})
        return True

    def _advance_state(self, target):
        """Move survivors forward to ``target`` when they are behind it; never backwards, never out of closed."""
        order = [state for state, _label in STATES]
        position = order.index(target)
        to_move = self.filtered(
            lambda s: s.state != "closed" and order.index(s.state) < position and s.state != "identified"
        )
        if to_move:
            to_move._write_workflow({"state": target})
        return to_move

    # ------------------------------------------------------------------
    # Completion rule
    # ------------------------------------------------------------------
    def _completion_settings(self):
        # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
        get = self.env["ir.config_parameter"].sudo().get_param
        return {
            "min_sessions": int(get("ashshash_case.certificate_min_sessions", 6)),
            "who5_required": bool(get("ashshash_case.certificate_who5_required")),
            "min_end_score": int(get("ashshash_case.certificate_min_end_score", 0)),
            "min_improvement": int(get("ashshash_case.certificate_min_improvement", 0)),
        }

    def _counselling_completion_gaps(self):
        """Every criterion of the completion rule (Settings) that this survivor
        does not meet yet, as sentences that say what to do; empty when met."""
        self.ensure_one()
        rule = self._completion_settings()
        gaps = []
        if self.state not in ("in_counselling", "counselling_completed", "reintegration"):
            gaps.append(self.env._(
                "The case is %(state)s: only a survivor in counselling can complete it.",
                state=dict(self._fields["state"]._description_selection(self.env))[self.state],
            ))
        if self.individual_session_count < rule["min_sessions"]:
            gaps.append(self.env._(
                "%(done)s done individual sessions, %(min)s required.",
                done=self.individual_session_count, min=rule["min_sessions"],
            ))
        measures = self._who5_measures()[self.id]
        if rule["who5_required"] or rule["min_end_score"] or rule["min_improvement"]:
            if not measures:
                gaps.append(self.env._("No WHO-5 recorded at the start of counselling."))
            last_session = self.last_session_date
            has_end = len(measures) > 1 and (not last_session or measures[-1][0] >= last_session)
            if not has_end:
                gaps.append(self.env._(
                    "No WHO-5 recorded at the end of counselling: take it at the last session "
                    "(on or after the last session, besides the one at the start)."
                ))
            if measures and has_end:
                first, latest = measures[0][1], measures[-1][1]
                if rule["min_end_score"] and latest < rule["min_end_score"]:
                    gaps.append(self.env._(
                        "WHO-5 at the end is %(score)s%%, at least %(min)s%% required.",
                        score=latest, min=rule["min_end_score"],
                    ))
                if rule["min_improvement"] and latest - first < rule["min_improvement"]:
                    gaps.append(self.env._(
                        "WHO-5 improved by %(gain)s points (from %(first)s%% to %(latest)s%%), "
                        "at least %(min)s points required.",
                        gain=latest - first, first=first, latest=latest, min=rule["min_improvement"],
                    ))
        return gaps

    def _counselling_summary(self):
        self.ensure_one()
        measures = self._who5_measures()[self.id]
        return {
            "session_count": self.individual_session_count,
            "family_session_count": self.family_session_count,
            "date_start": self.first_session_date,
            "date_end": self.last_session_date,
            "who5_start": measures[0][1] if measures else 0,
            "who5_end": measures[-1][1] if measures else 0,
        }

    # ------------------------------------------------------------------
    # Dropout early warning
    # ------------------------------------------------------------------
    def _clear_dropout_risk(self):
        """A new contact ends the risk: unflag and close the warning to-do."""
        flagged = self.filtered("at_risk_dropout")
        if not flagged:
            return
        flagged._write_workflow({"at_risk_dropout": False})
        activity_type = self.env.ref("ashshash_case.mail_activity_type_dropout_risk")
        flagged.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).action_feedback(
            feedback=self.env._("Contact recorded."),
        )

    def _close_followup_activities(self):
        activity_type = self.env.ref("ashshash_case.mail_activity_type_followup_due")
        self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type).action_feedback(
            feedback=self.env._("Follow-up recorded."),
        )

    @api.model
    def _cron_flag_dropout_risk(self):
        """Daily: flag open cases without contact for longer than the threshold and
        give their responsible case worker one to-do; running it again adds none."""
        # sudo: settings (ir.config_parameter) are readable by administrators only; this reads one threshold.
        threshold = int(self.env["ir.config_parameter"].sudo().get_param("ashshash_case.dropout_threshold_days", 60))
        limit = fields.Date.context_today(self) - timedelta(days=threshold)
        survivors = self.search([("state", "in", OPEN_STATES)])
        at_risk = survivors.filtered(
            lambda s: (s.last_contact_date or s.enrolment_date or s.identification_date) < limit
        )
        (survivors - at_risk).filtered("at_risk_dropout")._clear_dropout_risk()
        at_risk.filtered(lambda s: not s.at_risk_dropout)._write_workflow({"at_risk_dropout": True})

        activity_type = self.env.ref("ashshash_case.mail_activity_type_dropout_risk")
        warned = set(self.env["mail.activity"].search([
            ("res_model", "=", self._name),
            ("res_id", "in", at_risk.ids),
            ("activity_type_id", "=", activity_type.id),
        ]).mapped("res_id"))
        for survivor in at_risk.filtered(lambda s: s.id not in warned):
            survivor.activity_schedule(
                activity_type_id=activity_type.id,
                user_id=(survivor.user_id or self.env.user).id,
                summary=self.env._("No contact for %(days)s days", days=survivor.days_since_contact),
                note=self.env._(
                    "%(code)s has had no session or follow-up since %(date)s. Contact the survivor and "
                    "record a follow-up.",
                    code=survivor.code,
                    date=survivor.last_contact_date or survivor.enrolment_date or survivor.identification_date,
                ),
            )
        return True

    # ------------------------------------------------------------------
    # Smart buttons
    # ------------------------------------------------------------------
    def _action_related(self, model, name, xml_id=None):
        """The window action of ``model`` (``xml_id``, by default ashshash_case's action of
        the model) showing this survivor's records and creating new ones for them."""
        self.ensure_one()
        xml_id = xml_id or f"ashshash_case.{model.replace('.', '_')}_action"
        action = self.env["ir.actions.act_window"]._for_xml_id(xml_id)
        action.update({
            "name": name,
            "domain": [("survivor_id", "=", self.id)],
            "context": {"default_survivor_id": self.id},
        })
        return action

    def action_view_family_members(self):
        return self._action_related("ashshash.family.member", self.env._("Family members"))

    def action_view_consents(self):
        return self._action_related("ashshash.consent", self.env._("Consents"))

    def action_view_assessments(self):
        return self._action_related("ashshash.needs.assessment", self.env._("Needs assessments"))

    def action_view_counselling_sessions(self):
        return self._action_related("ashshash.counselling.session", self.env._("Counselling sessions"))

    def action_view_followups(self):
        return self._action_related("ashshash.followup", self.env._("Follow-ups"))

    def action_view_certificates(self):
        return self._action_related("ashshash.certificate", self.env._("Certificates"))

    def action_view_referrals(self):
        return self._action_related("ashshash.referral", self.env._("Referrals"))
