"""Builds a synthetic, fictional programme in its own company through the ORM.

Shared by data/load_dataset.py (the reference programme: the figures of the
programme's final report, exactly) and data/generate_synthetic.py (the same
programme scaled up for the benchmark). Everything is fictional: names are drawn
from lists of common Bangladeshi first and family names, phones are in a
reserved-looking 0190000xxxx range, places are real unions of Kalaroa upazila
with made-up villages.

The figures are a ``Spec``; ``build(env, spec)`` writes the records so that the
indicator report of the new company, over ``spec.period``, gives exactly those
figures. Records that must NOT count (identified-only survivors, draft
assessments, cancelled sessions, draft referrals, cancelled support, a cancelled
cash batch, dropped trainees, a cancelled event, records outside the period, a
survivor assessed twice, a survivor referred twice) are added on purpose.
"""
import datetime
import json
import logging
import random
import time
from dataclasses import dataclass
from pathlib import Path

from odoo import Command, fields
from odoo.tools import SQL

_logger = logging.getLogger("ashshash.dataset")

DAY = datetime.timedelta(days=1)

# The roles of the programme's staff (the groups of ashshash_case.tools).
CASE_WORKER = "ashshash_case.group_case_worker"
CASE_MANAGER = "ashshash_case.group_case_manager"
PROGRAMME_ADMIN = "ashshash_case.group_admin"
FINANCE_OFFICER = "ashshash_livelihood.group_finance_officer"
EVENT_OFFICER = "ashshash_events.group_event_officer"

# The scan of a signed or thumb-printed receipt (a 1x1 PNG: the dataset holds no real document).
RECEIPT = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

# The reference programme's figures, typed in this file only (the dataset's test
# and the table of data/README.md read it too).
FIGURES_FILE = Path(__file__).resolve().with_name("reference_figures.json")


def reference_figures():
    """data/reference_figures.json, as a dict."""
    return json.loads(FIGURES_FILE.read_text(encoding="utf-8"))


FIRST_F = ["Rina", "Shirin", "Salma", "Nasima", "Rokeya", "Fatema", "Amena", "Hasina", "Parvin", "Jesmin",
           "Morium", "Shilpi", "Laboni", "Taslima", "Rehana", "Khadija", "Sumaiya", "Mitu", "Lipi", "Popy",
           "Rupa", "Sathi", "Shapla", "Nargis", "Kohinur", "Jharna", "Dolly", "Bilkis", "Asma", "Runa"]
FIRST_M = ["Rahim", "Karim", "Jamal", "Kamal", "Selim", "Rafiq", "Habib", "Mizan", "Sohel", "Babul",
           "Anwar", "Liton", "Masud", "Shahin", "Rubel", "Sumon", "Jewel", "Faruk", "Alamgir", "Monir"]
MIDDLE = ["", "Akter", "Sultana", "Nahar", "Ara", "Jahan", "Banu", "Rani", "Parvin", "Khanom", "Moni",
          "Uddin", "Hossain", "Ali", "Mia", "Rahman", "Islam", "Sheikh", "Kumar", "Chandra"]
LAST = ["Khatun", "Begum", "Das", "Mondal", "Sarder", "Gazi", "Molla", "Biswas", "Sheikh", "Hossain",
        "Rahman", "Islam", "Ghosh", "Sarkar", "Munshi", "Dhali", "Paik", "Morol", "Howlader", "Kazi",
        "Pramanik", "Bepari", "Talukder", "Mridha", "Khan"]
VILLAGES = {
    "jugikhali": ["Dakshin Jugikhali", "Uttar Jugikhali", "Bamankhali"],
    "koyla": ["Koyla Bazar", "Purba Koyla"],
    "deara": ["Deara Para", "Madhyapara"],
    "joynagar": ["Joynagar Ghat", "Sultanpur"],
    "jalalabad": ["Jalalabad Bazar", "Kashiadanga"],
    "helatala": ["Helatala Dakshin"],
    "keralkata": ["Keralkata Uttar"],
    "sonabaria": ["Sonabaria Hat"],
}

SESSION_TOPICS = ["Coping with stress", "Sleep and routines", "Family relations", "Planning the future",
                  "Safe migration", "Self-esteem", "Managing anger", "Community acceptance"]


@dataclass
class Spec:
    """The figures the report must show over ``period`` (company-filtered).
    ``Spec.reference()`` gives the reference programme's, from data/reference_figures.json."""

    company_name: str
    period: tuple
    enrolled: int
    identified_only: int
    assessed: int
    counselled: int
    families: int
    family_members: int
    certificates: int
    certificates_revoked: int
    community_sessions: int
    community_women: int
    community_men: int
    ref_health: int
    ref_legal: int
    supp_emergency: int
    supp_contributed: int
    supp_other: int
    cash: dict  # campaign key (covid, amphan): survivors paid
    train_lifeskills: int
    train_leadership: int
    events: list  # (event type code, events, people, women share)
    # Noise that must not count (also scaled by the synthetic generator).
    outside_period: int
    seed: int = 20230630

    @classmethod
    def reference(cls, company_name=None):
        """The reference programme (the final report's figures), in ``company_name``
        (default: the company of data/reference_figures.json)."""
        figures = reference_figures()
        ind, noise = figures["indicators"], figures["not_counted"]
        return cls(
            company_name=company_name or figures["company"],
            period=tuple(datetime.date.fromisoformat(day) for day in figures["period"]),
            enrolled=ind["SURV_ENROLLED"], identified_only=noise["identified_only"],
            assessed=ind["SURV_ASSESSED"], counselled=ind["SURV_COUNS_IND"],
            families=ind["FAM_FAMILIES_COUNS"], family_members=ind["FAM_MEMBERS_COUNS"],
            certificates=ind["CERT_ISSUED"], certificates_revoked=noise["certificates_revoked"],
            community_sessions=ind["COMM_SESSIONS"], community_women=figures["community_people"]["women"],
            community_men=figures["community_people"]["men"], ref_health=ind["REF_HEALTH"],
            ref_legal=ind["REF_LEGAL"], supp_emergency=ind["SUPP_EMERGENCY"],
            supp_contributed=ind["SUPP_CONTRIBUTED"], supp_other=ind["SUPP_OTHER"],
            cash={key: campaign["survivors"] for key, campaign in figures["cash_paid_by_campaign"].items()},
            train_lifeskills=ind["TRAIN_LIFESKILLS"], train_leadership=ind["TRAIN_LEADERSHIP"],
            events=[(code, event["events"], event["people"], event["women_share"])
                    for code, event in figures["events"].items()],
            outside_period=noise["outside_period"],
        )

    def scaled(self, factor, company_name):
        """The same programme ``factor`` times larger (events stay one per international day and year)."""
        def s(value):
            return int(round(value * factor))
        enrolled = s(self.enrolled)
        return Spec(
            company_name=company_name, seed=self.seed + 1, period=self.period,
            enrolled=enrolled, identified_only=s(self.identified_only), assessed=s(self.assessed),
            counselled=min(enrolled - 1, s(self.counselled)), families=s(self.families),
            family_members=s(self.family_members), certificates=s(self.certificates),
            certificates_revoked=s(self.certificates_revoked), community_sessions=s(self.community_sessions),
            community_women=s(self.community_women), community_men=s(self.community_men),
            ref_health=s(self.ref_health), ref_legal=s(self.ref_legal), supp_emergency=s(self.supp_emergency),
            supp_contributed=s(self.supp_contributed), supp_other=s(self.supp_other),
            cash={key: s(value) for key, value in self.cash.items()},
            train_lifeskills=s(self.train_lifeskills), train_leadership=s(self.train_leadership),
            events=[(code, count if code in ("IWD", "WDATIP", "IMD") else s(count),
                     s(people), share) for code, count, people, share in self.events],
            outside_period=s(self.outside_period),
        )


class Builder:
    """Writes one programme. ``self.log`` collects timings per step.

    The setting up (company, chart of accounts, villages, partner organisations,
    the staff's user accounts) is done as the superuser, as an implementer would;
    everything the programme does afterwards is done by its staff, each step as
    the user of the role that does it, through the workflow's actions: case
    workers enrol, assess, counsel, refer and deliver on their own cases; the
    case manager issues certificates, runs the trainings, submits cash batches
    and closes cases; the finance officer approves and pays; the event officer
    reports events; the programme admin sets up the cash campaigns. A past event
    is recorded the way a programme enters it later: the record's date is set
    before the transition, or the action is given the day it happened.
    """

    def __init__(self, env, spec):
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.start, self.end = spec.period
        self.env = env
        self.timings = []
        self._names_used = set()
        self._phone = 1900000000 + self.rng.randrange(0, 50000) * 1000

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def step(self, label, func):
        started = time.perf_counter()
        result = func()
        elapsed = time.perf_counter() - started
        self.timings.append((label, elapsed))
        _logger.info("dataset: %s (%.1f s)", label, elapsed)
        return result

    def rdate(self, start, end):
        if end <= start:
            return start
        return start + DAY * self.rng.randrange((end - start).days + 1)

    def clamp(self, day):
        return min(day, self.end)

    def dt(self, day, hour=None):
        return datetime.datetime.combine(day, datetime.time(hour if hour is not None else self.rng.randrange(8, 15)))

    def person_name(self, gender):
        for _attempt in range(20):
            first = self.rng.choice(FIRST_F if gender == "female" else FIRST_M)
            middle = self.rng.choice(MIDDLE)
            last = self.rng.choice(LAST)
            name = " ".join(part for part in (first, middle, last) if part)
            if name not in self._names_used:
                self._names_used.add(name)
                return name
        # Large synthetic runs exhaust the combinations: a numbered suffix keeps names distinct.
        name = f"{first} {last} {len(self._names_used)}"
        self._names_used.add(name)
        return name

    def phone(self):
        self._phone += 1
        return f"0{self._phone}"

    def create_analyzed(self, Model, vals_list, first=200):
        """``Model.create(vals_list)`` in batches that double in size, with ANALYZE
        of the table after each one.

        The duplicate check of each new survivor (a constraint: one query per
        survivor, run inside ``create``) searches by name, phone and company. In a
        company the planner statistics have never seen, PostgreSQL estimates
        that the company has one row and walks the company's index instead of
        the name and phone ones: every check reads the whole company so far,
        and the step is quadratic. ANALYZE counts this transaction's own new
        rows, so after the first batch the plans use the right indexes; doubling
        batches keep the statistics in step with a growing company at a
        logarithmic number of ANALYZEs (linear in total). The rule itself is
        unchanged: every survivor is checked against every other."""
        records = Model.browse()
        start, size = 0, first
        while start < len(vals_list):
            records += Model.create(vals_list[start:start + size])
            self.env.cr.execute(SQL("ANALYZE %s", SQL.identifier(Model._table)))
            start += size
            size *= 2
        return records

    def split(self, total, share):
        women = int(round(total * share))
        return women, total - women

    def spread(self, total, parts, low_share=0.6):
        """``total`` split into ``parts`` positive integers that sum exactly."""
        if parts <= 0:
            return []
        base = total / parts
        values = [max(1, int(base * self.rng.uniform(low_share, 2 - low_share))) for _ in range(parts)]
        diff = total - sum(values)
        i = 0
        while diff:
            j = i % parts
            if diff > 0:
                values[j] += 1
                diff -= 1
            elif values[j] > 1:
                values[j] -= 1
                diff += 1
            i += 1
        return values

    # --- working as the programme's staff ---------------------------------
    def as_user(self, user, model):
        """``model`` in the environment of ``user`` (no superuser rights), in the programme's company."""
        return self.env(user=user.id)[model]

    def worker(self, record):
        """The responsible case worker of a survivor, or of the survivor a record belongs to."""
        survivor = record if record._name == "ashshash.survivor" else record.survivor_id
        return self.worker_of[survivor.id]

    def create_as(self, model, vals_list, users):
        """Create ``vals_list[i]`` as ``users[i]``, one create() per user; the records in
        the order of ``vals_list`` (in the superuser's environment, for reading)."""
        indexes = {}
        for index, user in enumerate(users):
            indexes.setdefault(user, []).append(index)
        ids = [0] * len(vals_list)
        for user, positions in indexes.items():
            records = self.create_analyzed(self.as_user(user, model), [vals_list[i] for i in positions])
            for position, record_id in zip(positions, records.ids, strict=True):
                ids[position] = record_id
        return self.env[model].browse(ids)

    def create_as_workers(self, model, vals_list):
        """Create records of survivors, each by the survivor's case worker."""
        survivors = self.env["ashshash.survivor"].browse([vals["survivor_id"] for vals in vals_list])
        return self.create_as(model, vals_list, [self.worker_of[survivor.id] for survivor in survivors])

    def act(self, records, method, user=None, **kwargs):
        """Run the action ``method`` on ``records`` as ``user`` (default: each record's case worker)."""
        groups = {}
        for record in records:
            groups.setdefault(user or self.worker(record), []).append(record.id)
        for by, ids in groups.items():
            # One prefetch set for every call: what a call reads is read for all the records once.
            model = self.as_user(by, records._name)
            getattr(model.browse(ids).with_prefetch(tuple(records.ids)), method)(**kwargs)

    def act_on_days(self, pairs, method, argument, user=None):
        """Run ``method`` on each (record, day) of ``pairs`` with ``argument=day`` (the day the
        event happened), grouped by day and user."""
        groups = {}
        for record, day in pairs:
            groups.setdefault((user or self.worker(record), day), []).append(record.id)
        prefetch = tuple(record.id for record, _day in pairs)
        for (by, day), ids in groups.items():
            model = self.as_user(by, pairs[0][0]._name)
            getattr(model.browse(ids).with_prefetch(prefetch), method)(**{argument: day})

    # ------------------------------------------------------------------
    # the steps
    # ------------------------------------------------------------------
    def build(self):
        env = self.env
        self.company = self.step("company and chart of accounts", self.make_company)
        self.env = env = env(context=dict(env.context, allowed_company_ids=[self.company.id]))
        self.admin = env.ref("base.user_admin")
        self.step("staff (user accounts)", self.make_staff)
        self.step("areas", self.make_areas)
        self.step("providers and contributor", self.make_partners)
        self.step("survivors, consents (action_enrol)", self.make_survivors)
        self.step("needs assessments (action_done)", self.make_assessments)
        self.step("individual sessions (action_done)", self.make_individual_sessions)
        self.step("certificates (action_issue)", self.make_certificates)
        self.step("family members and sessions", self.make_family)
        self.step("community sessions", self.make_community_sessions)
        self.step("referrals (action_send)", self.make_referrals)
        self.step("support (action_deliver)", self.make_support)
        self.step("trainings (action_complete)", self.make_trainings)
        self.step("emergency cash (action_pay)", self.make_cash)
        self.step("events (action_report)", self.make_events)
        self.step("closures (action_close)", self.close_some)
        env.flush_all()
        return self.company

    def make_company(self):
        env = self.env
        bdt = env.ref("base.BDT")
        if not bdt.active:
            bdt.active = True
        # chart_template_load: no automatic install of the Bangladeshi localisation
        # (l10n_bd) for a company in Bangladesh; the generic chart is loaded below.
        company = env["res.company"].with_context(chart_template_load=True).create({
            "name": self.spec.company_name,
            "currency_id": bdt.id,
            "country_id": env.ref("base.bd").id,
            "city": "Kalaroa, Satkhira",
        })
        # The admin works in the programme's company too (to read it over the API).
        users = env.ref("base.user_admin")
        for xmlid in ("user_demo_casemanager", "user_demo_meofficer"):  # demo users, when demo data is there
            users |= env.ref(f"ashshash_case.{xmlid}", raise_if_not_found=False) or env["res.users"]
        users.write({"company_ids": [Command.link(company.id)]})
        env["account.chart.template"].try_loading("generic_coa", company=company, install_demo=False)
        if self.env["ir.module.module"].search_count([("name", "=like", "l10n_%"), ("state", "=", "to install")]):
            raise RuntimeError("loading the chart of accounts wanted to install a localisation module")
        return company

    def make_staff(self):
        """The programme's staff: user accounts of the company without a password
        (fictional people; nobody logs in as them)."""
        Users = self.env["res.users"].with_context(no_reset_password=True)
        company = self.company

        def user(key, name, *groups):
            return Users.create({
                "name": f"{name} (fictional)", "login": f"dataset-{company.id}-{key}",
                "company_id": company.id, "company_ids": [Command.set(company.ids)],
                "groups_id": [Command.set([self.env.ref(group).id for group in groups])],
            })

        self.case_workers = [user(f"caseworker{i}", name, CASE_WORKER)
                             for i, name in enumerate(("Nasrin Akter", "Shahana Parvin", "Mahmuda Khatun"), 1)]
        self.case_manager = user("casemanager", "Farida Yasmin", CASE_MANAGER)
        self.finance_officer = user("financeofficer", "Abdul Kader", FINANCE_OFFICER)
        self.event_officer = user("eventofficer", "Tanjila Rahman", EVENT_OFFICER)
        self.programme_admin = user("programmeadmin", "Mostafa Kamal", PROGRAMME_ADMIN)
        self.worker_of = {}

    def make_areas(self):
        env = self.env
        Area = env["ashshash.area"]
        self.unions = []
        self.villages = []
        for key, names in VILLAGES.items():
            union = env.ref(f"ashshash_case.area_union_kalaroa_{key}")
            self.unions.append(union)
            existing = Area.search([("parent_id", "=", union.id), ("level", "=", "village")])
            have = set(existing.mapped("name"))
            new = Area.create([{"name": name, "level": "village", "parent_id": union.id}
                               for name in names if name not in have])
            self.villages.extend(existing | new)
        self.upazila = env.ref("ashshash_case.area_upz_kalaroa")
        self.places = self.unions + list(self.villages)

    def make_partners(self):
        env = self.env
        Partner = env["res.partner"]
        health = env.ref("ashshash_case.service_type_health")
        legal = env.ref("ashshash_case.service_type_legal")
        company = self.company.id
        self.provider_health = Partner.create([{
            "name": name, "is_company": True, "company_id": company, "is_ashshash_provider": True,
            "provider_service_type_ids": [Command.set(health.ids)],
        } for name in ("Kalaroa Upazila Health Complex (fictional)", "Satkhira Sadar Hospital (fictional)")])
        self.provider_legal = Partner.create({
            "name": "District Legal Aid Office, Satkhira (fictional)", "is_company": True,
            "company_id": company, "is_ashshash_provider": True,
            "provider_service_type_ids": [Command.set(legal.ids)],
        })
        self.contributor = Partner.create({
            "name": "Sonar Bangla Garments Ltd (fictional)", "is_company": True, "company_id": company,
        })

    def make_survivors(self):
        """Case workers identify survivors (their own cases), record the consents given
        at enrolment and enrol them on that day (``action_enrol(enrolment_date=...)``)."""
        spec = self.spec
        Survivor = self.env["ashshash.survivor"]
        sources = [key for key, _label in Survivor._fields["identification_source"].selection]
        last_enrol = datetime.date(self.end.year - 1, 12, 31)

        def vals(gender, ident):
            return {
                "company_id": self.company.id,
                "name": self.person_name(gender),
                "phone": self.phone() if self.rng.random() < 0.7 else False,
                "gender": gender,
                "estimated_age": self.rng.randrange(14, 45),
                "area_id": self.rng.choice(self.places).id,
                "identification_date": ident,
                "identification_source": self.rng.choice(sources),
            }

        enrolled_vals, enrol_dates = [], []
        for _i in range(spec.enrolled):
            gender = "female" if self.rng.random() < 0.8 else "male"
            ident = self.rdate(self.start, last_enrol - 15 * DAY)
            enrol_dates.append(ident + DAY * self.rng.randrange(0, 15))
            enrolled_vals.append(vals(gender, ident))
        # Enrolled after the period: not counted in it.
        late_vals, late_dates = [], []
        for _i in range(spec.outside_period):
            ident = self.end + DAY * self.rng.randrange(10, 40)
            late_vals.append(vals("female", ident))
            late_dates.append(ident + 5 * DAY)
        ident_only = [vals("female" if self.rng.random() < 0.8 else "male", self.rdate(self.start, self.end))
                      for _i in range(spec.identified_only)]
        all_vals = enrolled_vals + late_vals + ident_only
        workers = [self.rng.choice(self.case_workers) for _vals in all_vals]
        everyone = self.create_as("ashshash.survivor", all_vals, workers)
        self.worker_of = dict(zip(everyone.ids, workers, strict=True))
        self.survivors = everyone[:len(enrolled_vals)]
        self.late_survivors = everyone[len(enrolled_vals):len(enrolled_vals) + len(late_vals)]
        self.identified_only = everyone[len(enrolled_vals) + len(late_vals):]
        self.enrol_date = dict(zip(self.survivors.ids, enrol_dates, strict=True))
        self.late_enrol_date = dict(zip(self.late_survivors.ids, late_dates, strict=True))
        # Consent to services given on the day of enrolment; data sharing with all
        # referral partners for most survivors, given at enrolment too.
        consents = []
        enrolling = [*self.enrol_date.items(), *self.late_enrol_date.items()]
        for survivor_id, day in enrolling:
            consents.append({"survivor_id": survivor_id, "consent_type": "services", "given_on": day})
            if self.rng.random() < 0.85:
                consents.append({"survivor_id": survivor_id, "consent_type": "data_sharing",
                                 "all_providers": True, "given_on": day})
        self.create_as_workers("ashshash.consent", consents)
        # Enrolled through the workflow (refused without a consent to services on that day).
        Survivor = self.env["ashshash.survivor"]
        self.act_on_days([(Survivor.browse(survivor_id), day) for survivor_id, day in enrolling],
                         "action_enrol", "enrolment_date")
        self.order = list(self.survivors)
        self.rng.shuffle(self.order)

    def sample(self, count, pool=None):
        pool = self.order if pool is None else pool
        return self.rng.sample(pool, count)

    def make_assessments(self):
        spec = self.spec
        Assessment = self.env["ashshash.needs.assessment"]
        levels = ["none", "low", "medium", "high"]
        domains = [key for key, _label in Assessment.line_ids._fields["need_domain"].selection]

        def lines():
            return [Command.create({"need_domain": d, "level": self.rng.choice(levels)}) for d in domains]

        assessed = self.sample(spec.assessed - 1)  # one of them is assessed twice
        vals = []
        for survivor in assessed:
            day = self.clamp(self.enrol_date[survivor.id] + DAY * self.rng.randrange(1, 30))
            vals.append({"survivor_id": survivor.id, "date": day, "line_ids": lines()})
        again = assessed[0]
        vals.append({"survivor_id": again.id, "line_ids": lines(),
                     "date": self.clamp(self.enrol_date[again.id] + 200 * DAY)})
        for survivor in self.late_survivors:  # done after the period
            vals.append({"survivor_id": survivor.id, "date": self.late_enrol_date[survivor.id] + 3 * DAY,
                         "line_ids": lines()})
        done = len(vals)
        taken = set(assessed)
        others = [s for s in self.order if s not in taken]
        for survivor in self.rng.sample(others, min(20, len(others))):  # drafts: not done, not counted
            vals.append({"survivor_id": survivor.id, "date": self.enrol_date[survivor.id], "line_ids": lines()})
        # Each case worker assesses their own cases and marks the assessments done.
        assessments = self.create_as_workers("ashshash.needs.assessment", vals)
        self.act(assessments[:done], "action_done")

    def who5(self, low):
        base = [self.rng.randrange(0, 3) if low else self.rng.randrange(3, 6) for _i in range(5)]
        return {"who5_done": True, **{f"who5_item{i + 1}": v for i, v in enumerate(base)}}

    def record_sessions(self, vals_and_outcomes):
        """Sessions planned by the case worker (or ``vals["_by"]``), then marked done, cancelled
        or a no-show through the session's buttons."""
        vals_list = [vals for vals, _outcome in vals_and_outcomes]
        users = [vals.pop("_by", None) or self.worker_of[vals["survivor_id"]] for vals in vals_list]
        sessions = self.create_as("ashshash.counselling.session", vals_list, users)
        by = dict(zip(sessions.ids, users, strict=True))
        for outcome, method in (("done", "action_done"), ("cancelled", "action_cancel"),
                                ("no_show", "action_no_show")):
            chosen = [s for s, (_vals, o) in zip(sessions, vals_and_outcomes, strict=True) if o == outcome]
            groups = {}
            for session in chosen:
                groups.setdefault(by[session.id], []).append(session.id)
            for user, ids in groups.items():
                getattr(self.as_user(user, "ashshash.counselling.session").browse(ids), method)()
        return sessions

    def make_individual_sessions(self):
        spec = self.spec
        n_cert = spec.certificates + spec.certificates_revoked
        counselled = self.order[:spec.counselled]
        self.cert_survivors = counselled[:n_cert]
        self.last_session = {}
        plan = []
        for index, survivor in enumerate(counselled):
            sessions = 6 if index < n_cert else self.rng.randrange(1, 5)
            day = self.enrol_date[survivor.id] + DAY * self.rng.randrange(2, 15)
            for number in range(sessions):
                session = {
                    "survivor_id": survivor.id, "session_type": "individual",
                    "date": self.dt(self.clamp(day)),
                    "mode": self.rng.choice(["office", "home_visit", "phone"]),
                    "topics": self.rng.choice(SESSION_TOPICS), "duration": 1.0,
                }
                if number == 0:
                    session.update(self.who5(low=True))
                elif number == sessions - 1 and index < n_cert:
                    session.update(self.who5(low=False))
                plan.append((session, "done"))
                self.last_session[survivor.id] = self.clamp(day)
                day += DAY * self.rng.randrange(7, 19)
            if self.rng.random() < 0.1:  # a cancelled session too: never counted
                plan.append(({"survivor_id": survivor.id, "session_type": "individual",
                              "date": self.dt(self.clamp(day))}, "cancelled"))
        # Survivors never counselled: only sessions they did not come to.
        for survivor in self.order[spec.counselled:]:
            plan.append(({"survivor_id": survivor.id, "session_type": "individual",
                          "date": self.dt(self.clamp(self.enrol_date[survivor.id] + 7 * DAY))}, "no_show"))
        for survivor in self.late_survivors:  # after the period
            plan.append(({"survivor_id": survivor.id, "session_type": "individual",
                          "date": self.dt(self.late_enrol_date[survivor.id] + 10 * DAY)}, "done"))
        self.record_sessions(plan)

    def make_certificates(self):
        """The case manager issues the certificates (the completion rule of Settings is
        checked) at the monthly ceremony after the last session, then revokes two."""
        spec = self.spec
        manager = self.case_manager
        certificates = self.create_as("ashshash.certificate", [{"survivor_id": s.id} for s in self.cert_survivors],
                                      [manager] * len(self.cert_survivors))
        # Handed over at the monthly ceremony (the 28th) after the last session.
        days = {}
        for certificate, survivor in zip(certificates, self.cert_survivors, strict=True):
            ready = self.last_session[survivor.id] + DAY * self.rng.randrange(1, 10)
            ceremony = ready.replace(day=28) if ready.day <= 28 else (ready.replace(day=1) + 31 * DAY).replace(day=28)
            days[certificate.id] = self.clamp(ceremony)
        self.act_on_days([(c, days[c.id]) for c in certificates], "action_issue", "issue_date", user=manager)
        revoked = certificates[spec.certificates:]
        self.as_user(manager, "ashshash.certificate").browse(revoked.ids).write({
            "revoke_reason": "Issued by mistake before the last session was verified (fictional).",
        })
        self.act_on_days([(c, self.clamp(days[c.id] + 20 * DAY)) for c in revoked], "action_revoke",
                         "revoked_date", user=manager)

    def make_family(self):
        spec = self.spec
        counselled = self.order[:spec.counselled]
        families = self.sample(spec.families, counselled)
        extra = spec.family_members - 2 * spec.families  # families with a third member attending
        relations_f = ["mother", "sister", "daughter", "grandparent", "in_law"]
        relations_m = ["father", "brother", "son", "spouse", "in_law"]
        member_vals, attending = [], []
        for index, survivor in enumerate(families):
            size = 3 if index < extra else 2
            for k in range(size + (1 if self.rng.random() < 0.15 else 0)):  # sometimes one who never came
                gender = "female" if self.rng.random() < 0.55 else "male"
                member_vals.append({
                    "survivor_id": survivor.id, "gender": gender, "name": self.person_name(gender),
                    "relation": self.rng.choice(relations_f if gender == "female" else relations_m),
                    "age": self.rng.randrange(8, 75),
                })
                attending.append(k < size)
        members = self.create_as_workers("ashshash.family.member", member_vals)
        by_survivor = {}
        for member, came in zip(members, attending, strict=True):
            by_survivor.setdefault(member.survivor_id.id, [[], []])[0 if came else 1].append(member.id)
        plan = []
        for survivor in families:
            came, absent = by_survivor[survivor.id]
            day = self.clamp(self.enrol_date[survivor.id] + DAY * self.rng.randrange(15, 120))
            plan.append(({"survivor_id": survivor.id, "session_type": "family", "date": self.dt(day),
                          "mode": "home_visit", "family_member_ids": [Command.set(came)]}, "done"))
            if self.rng.random() < 0.2:  # a second session with the same people: counted once
                plan.append(({"survivor_id": survivor.id, "session_type": "family",
                              "date": self.dt(self.clamp(day + 30 * DAY)), "mode": "home_visit",
                              "family_member_ids": [Command.set(came[:1])]}, "done"))
            if absent:  # the one who never came was only invited to a cancelled session
                plan.append(({"survivor_id": survivor.id, "session_type": "family",
                              "date": self.dt(self.clamp(day + 10 * DAY)),
                              "family_member_ids": [Command.set(absent)]}, "cancelled"))
        self.record_sessions(plan)

    def make_community_sessions(self):
        spec = self.spec
        n = spec.community_sessions
        women = self.spread(spec.community_women, n)
        men = self.spread(spec.community_men, n)
        plan = []
        for i in range(n):
            plan.append(({
                "session_type": "community", "company_id": self.company.id,
                "area_id": self.rng.choice(self.unions).id, "_by": self.rng.choice(self.case_workers),
                "date": self.dt(self.rdate(self.start, self.end)), "mode": "community_venue",
                "venue": "Union Parishad hall", "attendance_women": women[i], "attendance_men": men[i],
                "main_messages": "Accepting returnees back in the community; where to get help.",
            }, "done"))
        # Cancelled (rain) with the expected attendance still filled in: not counted.
        plan.append(({"session_type": "community", "company_id": self.company.id,
                      "area_id": self.unions[0].id, "_by": self.case_workers[0],
                      "date": self.dt(self.rdate(self.start, self.end)), "mode": "community_venue",
                      "attendance_women": 30, "attendance_men": 20}, "cancelled"))
        self.record_sessions(plan)

    def make_referrals(self):
        spec = self.spec
        env = self.env
        health = env.ref("ashshash_case.service_type_health")
        legal = env.ref("ashshash_case.service_type_legal")
        with_sharing = set(env["ashshash.consent"].search([
            ("company_id", "=", self.company.id), ("consent_type", "=", "data_sharing"),
        ]).survivor_id.ids)
        pool = [s for s in self.order if s.id in with_sharing]
        health_survivors = self.sample(spec.ref_health, pool)
        legal_survivors = self.sample(spec.ref_legal, pool)
        plan = [(s, health, self.rng.choice(self.provider_health)) for s in health_survivors]
        plan += [(s, health, self.provider_health[0]) for s in health_survivors[:max(1, spec.ref_health // 20)]]
        plan += [(s, legal, self.provider_legal) for s in legal_survivors]
        dates = [self.clamp(self.enrol_date[s.id] + DAY * self.rng.randrange(3, 90)) for s, _t, _p in plan]
        # Referred on the day, sent the same day through the workflow (refused without a
        # data-sharing consent in force on the day of sending), answered within a week.
        referrals = self.create_as_workers("ashshash.referral", [{
            "survivor_id": s.id, "service_type_id": t.id, "provider_id": p.id, "date": d,
            "urgency": self.rng.choice(["normal", "normal", "urgent"]),
        } for (s, t, p), d in zip(plan, dates, strict=True)])
        sent = dict(zip(referrals.ids, dates, strict=True))
        self.act_on_days(list(zip(referrals, dates, strict=True)), "action_send", "sent_date")
        accepted = referrals.filtered(lambda r: self.rng.random() < 0.8)
        answered = {r.id: min(sent[r.id] + DAY * self.rng.randrange(1, 8), fields.Date.today()) for r in accepted}
        self.act_on_days([(r, answered[r.id]) for r in accepted], "action_accept", "answer_date")
        completed = accepted.filtered(lambda r: self.rng.random() < 0.7)
        for referral in completed:
            self.as_user(self.worker(referral), "ashshash.referral").browse(referral.id).service_date = self.clamp(
                answered[referral.id] + DAY * self.rng.randrange(0, 10))
        self.act(completed, "action_complete")
        # Drafts never sent: not counted.
        taken = set(health_survivors) | set(legal_survivors)
        others = [s for s in self.order if s not in taken]
        self.create_as_workers("ashshash.referral", [{
            "survivor_id": s.id, "service_type_id": health.id, "provider_id": self.provider_health[0].id,
            "date": self.enrol_date[s.id],
        } for s in self.rng.sample(others, min(8, len(others)))])

    def make_support(self):
        """Support planned and delivered by the case worker: the delivery date is entered,
        and for the types that need one the signed receipt, before Deliver."""
        spec = self.spec
        ref = self.env.ref
        emergency = [ref("ashshash_livelihood.support_type_health_care"),
                     ref("ashshash_livelihood.support_type_trauma_counselling"),
                     ref("ashshash_livelihood.support_type_shelter")]
        other = [ref(f"ashshash_livelihood.support_type_{key}") for key in
                 ("food", "short_term_employment", "tubewell", "hygiene_kit", "financial_support")]
        contributed = [ref("ashshash_livelihood.support_type_food"),
                       ref("ashshash_livelihood.support_type_hygiene_kit")]
        picks = self.sample(spec.supp_emergency + spec.supp_contributed + spec.supp_other)
        em = picks[:spec.supp_emergency]
        co = picks[spec.supp_emergency:spec.supp_emergency + spec.supp_contributed]
        ot = picks[spec.supp_emergency + spec.supp_contributed:]
        vals = []

        def delivered(survivor, stype, value, **extra):
            day = self.clamp(self.enrol_date[survivor.id] + DAY * self.rng.randrange(5, 200))
            result = {"survivor_id": survivor.id, "support_type_id": stype.id,
                      "date": day, "delivery_date": day, "quantity": 1, "unit_value": value}
            if stype.requires_acknowledgement:
                result.update(acknowledgement=RECEIPT, acknowledgement_name="receipt.png",
                              acknowledgement_date=day, received_by="The survivor (thumb print)")
            result.update(extra)
            return result

        for survivor in em:
            vals.append(delivered(survivor, self.rng.choice(emergency), 1500))
            if self.rng.random() < 0.2:  # a second emergency support: counted once
                vals.append(delivered(survivor, self.rng.choice(emergency), 800))
        for survivor in co:
            vals.append(delivered(survivor, self.rng.choice(contributed), 2500, provided_by="partner",
                                  contributor_id=self.contributor.id))
        for index, survivor in enumerate(ot):
            vals.append(delivered(survivor, other[index % len(other)], 3000))
        delivered_count = len(vals)
        # Cancelled support of other survivors: not counted.
        taken = set(picks)
        rest = [s for s in self.order if s not in taken]
        for survivor in self.rng.sample(rest, min(10, len(rest))):
            vals.append({"survivor_id": survivor.id, "support_type_id": self.rng.choice(emergency + other).id,
                         "cancel_reason": "Survivor moved before delivery",
                         "date": self.enrol_date[survivor.id], "quantity": 1, "unit_value": 1000})
        support = self.create_as_workers("ashshash.support", vals)
        self.act(support[:delivered_count], "action_deliver")
        self.act(support[delivered_count:], "action_cancel")

    def make_trainings(self):
        """The case manager runs the trainings: starts a batch, enrols its participants,
        records the days each attended, completes them (or marks them dropped out) on the
        day it happened, then marks the batch done."""
        spec = self.spec
        env = self.env
        manager = self.case_manager
        Training = self.as_user(manager, "ashshash.training")
        Enrolment = self.as_user(manager, "ashshash.training.enrolment")
        today = fields.Date.context_today(Training)
        life = env.ref("ashshash_livelihood.training_type_life_skills")
        lead = env.ref("ashshash_livelihood.training_type_leadership")
        counselled = self.order[:spec.counselled]
        plan = [(life, self.sample(spec.train_lifeskills, counselled), 25),
                (lead, self.sample(spec.train_leadership, counselled), 25)]
        for ttype, survivors, size in plan:
            # A few dropped out of a batch: not counted.
            taken = set(survivors)
            dropped = self.sample(max(1, len(survivors) // 20), [s for s in counselled if s not in taken])
            batches = [survivors[i:i + size] for i in range(0, len(survivors), size)]
            for number, batch in enumerate(batches, 1):
                start = self.rdate(datetime.date(2020, 9, 1), self.end - 20 * DAY)
                end = start + 4 * DAY
                # Enrolments are taken while the batch runs (the ORM refuses them in an
                # ended batch): planned until today, started, enrolled, then given its real end.
                training = Training.create({
                    "name": f"{ttype.name} batch {number}", "training_type_id": ttype.id,
                    "company_id": self.company.id, "date_start": start, "date_end": today,
                    "area_id": self.rng.choice(self.unions).id, "trainer": "CWCS trainer",
                })
                training.action_start()
                enrolments = Enrolment.create([{
                    "training_id": training.id, "survivor_id": s.id, "enrolment_date": start,
                } for s in batch] + [{
                    "training_id": training.id, "survivor_id": s.id, "enrolment_date": start,
                } for s in (dropped if number == 1 else [])])
                training.date_end = end
                done, gone = enrolments[:len(batch)], enrolments[len(batch):]
                done.days_attended = 5
                done.action_complete(completion_date=end)
                if gone:
                    gone.write({"drop_reason": "Found work", "days_attended": 1})
                    gone.action_drop(drop_date=start + DAY)
                training.action_done()

    def make_cash(self):
        """The programme admin sets up and opens each campaign; the case manager lists the
        payees and submits the batches; the finance officer (never the submitter) approves
        and pays them on their payment date. A batch is cancelled by the case manager."""
        spec = self.spec
        env = self.env
        company = self.company
        journal = env["account.journal"].search([("company_id", "=", company.id), ("type", "=", "cash")], limit=1)
        expense = env["account.account"].search([
            ("company_ids", "in", company.id), ("account_type", "=", "expense")], limit=1)
        if not journal.default_account_id or not expense:
            raise RuntimeError(
                f"no cash journal or expense account in {company.name}: is its chart of accounts loaded?")
        campaigns = {
            "covid": ("COVID-19 emergency cash 2020", datetime.date(2020, 4, 1), datetime.date(2020, 12, 31), 3000),
            "amphan": ("Cyclone Amphan response", datetime.date(2020, 5, 21), datetime.date(2020, 6, 30), 5000),
        }
        Campaign = self.as_user(self.programme_admin, "ashshash.cash.campaign")
        Batch = self.as_user(self.case_manager, "ashshash.cash.disbursement")
        finance = self.as_user(self.finance_officer, "ashshash.cash.disbursement")
        for key, count in spec.cash.items():
            name, start, end, amount = campaigns[key]
            campaign = Campaign.create({
                "name": name, "company_id": company.id, "date_start": start, "date_end": end,
                "amount_per_beneficiary": amount, "budget": amount * (count + 20),
                "journal_id": journal.id, "expense_account_id": expense.id,
            })
            campaign.action_open()
            eligible = [s for s in self.order if self.enrol_date[s.id] < start]
            payees = self.sample(count, eligible)
            chunks = [payees[i:i + 40] for i in range(0, len(payees), 40)]
            for chunk in chunks:
                batch = Batch.create({
                    "campaign_id": campaign.id, "payment_date": self.rdate(start, min(end, start + 40 * DAY)),
                    "line_ids": [Command.create({"survivor_id": s.id, "amount": amount,
                                                 "payment_method": "cash"}) for s in chunk],
                })
                batch.action_submit()
                finance.browse(batch.id).action_approve()
                finance.browse(batch.id).action_pay()
            # A batch cancelled before payment: its survivors are not counted as paid.
            taken = set(payees)
            rest = [s for s in eligible if s not in taken]
            cancelled = Batch.create({
                "campaign_id": campaign.id, "payment_date": start + DAY,
                "line_ids": [Command.create({"survivor_id": s.id, "amount": amount, "payment_method": "cash"})
                             for s in rest[:3]],
            })
            cancelled.action_submit()
            cancelled.cancel_reason = "Duplicate list sent by the union (fictional)."
            cancelled.action_cancel()

    def make_events(self):
        """The event officer plans each event, marks it done after it took place and reports
        most of them within two weeks (``action_report(date_reported=...)``)."""
        spec = self.spec
        officer = self.event_officer
        types = {t.code: t for t in self.env["ashshash.event.type"].search([])}
        intl = {"IWD": (3, 8), "WDATIP": (7, 30), "IMD": (12, 18)}
        plan = []  # (vals, outcome)
        for code, count, people, share in spec.events:
            etype = types[code]
            totals = self.spread(people, count)
            for i in range(count):
                if code in intl:
                    month, day = intl[code]
                    year = self.start.year + (1 if (month, day) < (self.start.month, self.start.day) else 0) + i
                    date = datetime.date(year, month, day)
                else:
                    date = self.rdate(self.start, self.end - DAY)
                women, men = self.split(totals[i], share)
                start = self.dt(date, 10)
                plan.append(({
                    "name": f"{etype.name} {i + 1}", "event_type_id": etype.id, "company_id": self.company.id,
                    "date_start": start, "date_end": start + datetime.timedelta(hours=3),
                    "area_id": self.rng.choice(self.unions + [self.upazila]).id, "user_id": officer.id,
                    "attendance_women": women, "attendance_men": men, "attendance_others": 0,
                }, "reported" if self.rng.random() < 0.7 else "done"))
        # Noise: a cancelled pot show with its planned audience, and one after the period.
        pot = types["POT_SHOW"]
        for state, day in (("cancelled", self.start + 100 * DAY), ("done", self.end + 40 * DAY)):
            start = self.dt(day, 16)
            plan.append(({"name": f"{pot.name} ({state})", "event_type_id": pot.id, "company_id": self.company.id,
                          "date_start": start, "date_end": start + datetime.timedelta(hours=2),
                          "area_id": self.unions[0].id, "user_id": officer.id,
                          "attendance_women": 300, "attendance_men": 250}, state))
        events = self.create_as("ashshash.event", [vals for vals, _o in plan], [officer] * len(plan))
        outcome = dict(zip(events.ids, [o for _v, o in plan], strict=True))
        self.act(events.filtered(lambda e: outcome[e.id] in ("done", "reported")), "action_done", user=officer)
        self.act(events.filtered(lambda e: outcome[e.id] == "cancelled"), "action_cancel", user=officer)
        today = fields.Date.today()
        self.act_on_days([(e, min(e.date + DAY * self.rng.randrange(1, 15), today))
                          for e in events if outcome[e.id] == "reported"],
                         "action_report", "date_reported", user=officer)

    def close_some(self):
        # A few cases closed by the case manager after their counselling: still counted
        # (enrolled, counselled), closed on the day it was decided.
        counselled = self.order[self.spec.certificates + self.spec.certificates_revoked:self.spec.counselled]
        closing = counselled[:max(1, len(counselled) // 10)]
        manager = self.case_manager
        self.as_user(manager, "ashshash.survivor").browse([s.id for s in closing]).write(
            {"close_reason": "dropped_out"})
        self.act_on_days([(s, self.clamp(self.last_session[s.id] + 30 * DAY)) for s in closing],
                         "action_close", "close_date", user=manager)


def build(env, spec):
    builder = Builder(env, spec)
    company = builder.build()
    return company, builder.timings
