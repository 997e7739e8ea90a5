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
    """Writes one programme. ``self.log`` collects timings per step."""

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

    # ------------------------------------------------------------------
    # the steps
    # ------------------------------------------------------------------
    def build(self):
        env = self.env
        self.company = self.step("company and chart of accounts", self.make_company)
        self.env = env = env(context=dict(env.context, allowed_company_ids=[self.company.id]))
        self.admin = env.ref("base.user_admin")
        self.step("areas", self.make_areas)
        self.step("providers and contributor", self.make_partners)
        self.step("survivors and consents", self.make_survivors)
        self.step("needs assessments", self.make_assessments)
        self.step("individual sessions", self.make_individual_sessions)
        self.step("certificates (action_issue)", self.make_certificates)
        self.step("family members and sessions", self.make_family)
        self.step("community sessions", self.make_community_sessions)
        self.step("referrals (action_send)", self.make_referrals)
        self.step("support", self.make_support)
        self.step("trainings", self.make_trainings)
        self.step("emergency cash (action_pay)", self.make_cash)
        self.step("events", self.make_events)
        self.step("closures", self.close_some)
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
        spec = self.spec
        env = self.env
        Survivor = env["ashshash.survivor"]
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
                "user_id": self.admin.id,
            }

        enrolled_vals, enrol_dates = [], []
        for _i in range(spec.enrolled):
            gender = "female" if self.rng.random() < 0.8 else "male"
            ident = self.rdate(self.start, last_enrol - 15 * DAY)
            enrol = ident + DAY * self.rng.randrange(0, 15)
            enrol_dates.append(enrol)
            enrolled_vals.append(dict(vals(gender, ident), state="enrolled", enrolment_date=enrol))
        # Enrolled after the period: not counted in it.
        late_vals = []
        for _i in range(spec.outside_period):
            ident = self.end + DAY * self.rng.randrange(10, 40)
            late_vals.append(dict(vals("female", ident), state="enrolled", enrolment_date=ident + 5 * DAY))
        ident_only = [vals("female" if self.rng.random() < 0.8 else "male", self.rdate(self.start, self.end))
                      for _i in range(spec.identified_only)]
        self.survivors = self.create_analyzed(Survivor, enrolled_vals)
        self.enrol_date = dict(zip(self.survivors.ids, enrol_dates, strict=True))
        self.late_survivors = self.create_analyzed(Survivor, late_vals)
        self.identified_only = self.create_analyzed(Survivor, ident_only)
        # Consent to services given on (or before) the day of enrolment; data sharing
        # with all referral partners for most survivors, given at enrolment too.
        consents = []
        for survivor in self.survivors | self.late_survivors:
            day = self.enrol_date.get(survivor.id) or survivor.enrolment_date
            consents.append({"survivor_id": survivor.id, "consent_type": "services", "given_on": day})
            if self.rng.random() < 0.85:
                consents.append({"survivor_id": survivor.id, "consent_type": "data_sharing",
                                 "all_providers": True, "given_on": day})
        env["ashshash.consent"].create(consents)
        self.order = list(self.survivors)
        self.rng.shuffle(self.order)

    def sample(self, count, pool=None):
        pool = self.order if pool is None else pool
        return self.rng.sample(pool, count)

    def make_assessments(self):
        spec = self.spec
        env = self.env
        Assessment = env["ashshash.needs.assessment"]
        levels = ["none", "low", "medium", "high"]
        domains = [key for key, _label in Assessment.line_ids._fields["need_domain"].selection]

        def lines():
            return [Command.create({"need_domain": d, "level": self.rng.choice(levels)}) for d in domains]

        assessed = self.sample(spec.assessed - 1)  # one of them is assessed twice
        vals = []
        for survivor in assessed:
            day = self.clamp(self.enrol_date[survivor.id] + DAY * self.rng.randrange(1, 30))
            vals.append({"survivor_id": survivor.id, "date": day, "state": "done", "line_ids": lines(),
                         "assessor_id": self.admin.id})
        again = assessed[0]
        vals.append({"survivor_id": again.id, "state": "done", "line_ids": lines(), "assessor_id": self.admin.id,
                     "date": self.clamp(self.enrol_date[again.id] + 200 * DAY)})
        taken = set(assessed)
        others = [s for s in self.order if s not in taken]
        for survivor in self.rng.sample(others, min(20, len(others))):  # drafts: not done, not counted
            vals.append({"survivor_id": survivor.id, "date": self.enrol_date[survivor.id],
                         "line_ids": lines(), "assessor_id": self.admin.id})
        for survivor in self.late_survivors:  # done after the period
            vals.append({"survivor_id": survivor.id, "date": survivor.enrolment_date + 3 * DAY, "state": "done",
                         "line_ids": lines(), "assessor_id": self.admin.id})
        Assessment.create(vals)
        env["ashshash.survivor"].browse([s.id for s in assessed]).write({"state": "assessed"})
        self.late_survivors.write({"state": "assessed"})

    def who5(self, low):
        base = [self.rng.randrange(0, 3) if low else self.rng.randrange(3, 6) for _i in range(5)]
        return {"who5_done": True, **{f"who5_item{i + 1}": v for i, v in enumerate(base)}}

    def make_individual_sessions(self):
        spec = self.spec
        env = self.env
        n_cert = spec.certificates + spec.certificates_revoked
        counselled = self.order[:spec.counselled]
        self.cert_survivors = counselled[:n_cert]
        self.last_session = {}
        vals = []
        for index, survivor in enumerate(counselled):
            sessions = 6 if index < n_cert else self.rng.randrange(1, 5)
            day = self.enrol_date[survivor.id] + DAY * self.rng.randrange(2, 15)
            for number in range(sessions):
                session = {
                    "survivor_id": survivor.id, "session_type": "individual", "state": "done",
                    "date": self.dt(self.clamp(day)), "user_id": self.admin.id,
                    "mode": self.rng.choice(["office", "home_visit", "phone"]),
                    "topics": self.rng.choice(SESSION_TOPICS), "duration": 1.0,
                }
                if number == 0:
                    session.update(self.who5(low=True))
                elif number == sessions - 1 and index < n_cert:
                    session.update(self.who5(low=False))
                vals.append(session)
                self.last_session[survivor.id] = self.clamp(day)
                day += DAY * self.rng.randrange(7, 19)
            if self.rng.random() < 0.1:  # a cancelled session too: never counted
                vals.append({"survivor_id": survivor.id, "session_type": "individual", "state": "cancelled",
                             "date": self.dt(self.clamp(day)), "user_id": self.admin.id})
        # Survivors never counselled: only cancelled or planned sessions.
        for survivor in self.order[spec.counselled:]:
            vals.append({"survivor_id": survivor.id, "session_type": "individual", "state": "cancelled",
                         "did_not_attend": True, "user_id": self.admin.id,
                         "date": self.dt(self.clamp(self.enrol_date[survivor.id] + 7 * DAY))})
        for survivor in self.late_survivors:  # after the period
            vals.append({"survivor_id": survivor.id, "session_type": "individual", "state": "done",
                         "user_id": self.admin.id, "date": self.dt(survivor.enrolment_date + 10 * DAY)})
        env["ashshash.counselling.session"].create(vals)
        env["ashshash.survivor"].browse([s.id for s in counselled]).write({"state": "in_counselling"})
        self.late_survivors.write({"state": "in_counselling"})

    def make_certificates(self):
        spec = self.spec
        env = self.env
        Certificate = env["ashshash.certificate"]
        certificates = Certificate.create([{"survivor_id": s.id} for s in self.cert_survivors])
        # Issued through the workflow (completion rule checked), in batches.
        for start in range(0, len(certificates), 200):
            certificates[start:start + 200].action_issue()
        # The issue date is the day after the last session, not the day of loading.
        by_day = {}
        for certificate, survivor in zip(certificates, self.cert_survivors, strict=True):
            day = self.clamp(self.last_session[survivor.id] + DAY * self.rng.randrange(1, 10))
            by_day.setdefault(day, []).append(certificate.id)
        for day, ids in by_day.items():
            Certificate.browse(ids).write({"issue_date": day})
        revoked = certificates[spec.certificates:]
        for certificate in revoked:
            certificate.revoke_reason = "Issued by mistake before the last session was verified (fictional)."
        revoked.action_revoke()
        for certificate in revoked:
            certificate.revoked_date = self.clamp(certificate.issue_date + 20 * DAY)

    def make_family(self):
        spec = self.spec
        env = self.env
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
        members = env["ashshash.family.member"].create(member_vals)
        by_survivor = {}
        for member, came in zip(members, attending, strict=True):
            by_survivor.setdefault(member.survivor_id.id, [[], []])[0 if came else 1].append(member.id)
        vals = []
        for survivor in families:
            came, absent = by_survivor[survivor.id]
            day = self.clamp(self.enrol_date[survivor.id] + DAY * self.rng.randrange(15, 120))
            vals.append({"survivor_id": survivor.id, "session_type": "family", "state": "done",
                         "date": self.dt(day), "user_id": self.admin.id, "mode": "home_visit",
                         "family_member_ids": [Command.set(came)]})
            if self.rng.random() < 0.2:  # a second session with the same people: counted once
                vals.append({"survivor_id": survivor.id, "session_type": "family", "state": "done",
                             "date": self.dt(self.clamp(day + 30 * DAY)), "user_id": self.admin.id,
                             "mode": "home_visit", "family_member_ids": [Command.set(came[:1])]})
            if absent:  # the one who never came was only invited to a cancelled session
                vals.append({"survivor_id": survivor.id, "session_type": "family", "state": "cancelled",
                             "date": self.dt(self.clamp(day + 10 * DAY)), "user_id": self.admin.id,
                             "family_member_ids": [Command.set(absent)]})
        env["ashshash.counselling.session"].create(vals)

    def make_community_sessions(self):
        spec = self.spec
        n = spec.community_sessions
        women = self.spread(spec.community_women, n)
        men = self.spread(spec.community_men, n)
        vals = []
        for i in range(n):
            vals.append({
                "session_type": "community", "state": "done", "company_id": self.company.id,
                "area_id": self.rng.choice(self.unions).id, "user_id": self.admin.id,
                "date": self.dt(self.rdate(self.start, self.end)), "mode": "community_venue",
                "venue": "Union Parishad hall", "attendance_women": women[i], "attendance_men": men[i],
                "main_messages": "Accepting returnees back in the community; where to get help.",
            })
        # Cancelled (rain) with the expected attendance still filled in: not counted.
        vals.append({"session_type": "community", "state": "cancelled", "company_id": self.company.id,
                     "area_id": self.unions[0].id, "user_id": self.admin.id,
                     "date": self.dt(self.rdate(self.start, self.end)), "mode": "community_venue",
                     "attendance_women": 30, "attendance_men": 20})
        self.env["ashshash.counselling.session"].create(vals)

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
        Referral = env["ashshash.referral"]
        referrals = Referral.create([{
            "survivor_id": s.id, "service_type_id": t.id, "provider_id": p.id, "date": d,
            "user_id": self.admin.id, "urgency": self.rng.choice(["normal", "normal", "urgent"]),
        } for (s, t, p), d in zip(plan, dates, strict=True)])
        # Sent through the workflow: refused without a data-sharing consent in force.
        referrals.action_send()
        for referral, day in zip(referrals, dates, strict=True):
            referral.sent_date = day
        accepted = referrals.filtered(lambda r: self.rng.random() < 0.8)
        accepted.action_accept()
        for referral in accepted:
            referral.answer_date = referral.sent_date + DAY * self.rng.randrange(1, 8)
        completed = accepted.filtered(lambda r: self.rng.random() < 0.7)
        for referral in completed:
            referral.service_date = self.clamp(referral.answer_date + DAY * self.rng.randrange(0, 10))
        completed.action_complete()
        # Drafts never sent: not counted.
        taken = set(health_survivors) | set(legal_survivors)
        others = [s for s in self.order if s not in taken]
        Referral.create([{
            "survivor_id": s.id, "service_type_id": health.id, "provider_id": self.provider_health[0].id,
            "date": self.enrol_date[s.id], "user_id": self.admin.id,
        } for s in self.rng.sample(others, min(8, len(others)))])

    def make_support(self):
        spec = self.spec
        env = self.env
        ref = env.ref
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
            result = {"survivor_id": survivor.id, "support_type_id": stype.id, "state": "delivered",
                      "date": day, "delivery_date": day, "quantity": 1, "unit_value": value}
            if stype.requires_acknowledgement:
                result.update(acknowledgement_date=day, received_by="The survivor (thumb print)")
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
        # Cancelled or still planned support of other survivors: not counted.
        taken = set(picks)
        rest = [s for s in self.order if s not in taken]
        for survivor in self.rng.sample(rest, min(10, len(rest))):
            vals.append({"survivor_id": survivor.id, "support_type_id": self.rng.choice(emergency + other).id,
                         "state": "cancelled", "cancel_reason": "Survivor moved before delivery",
                         "date": self.enrol_date[survivor.id], "quantity": 1, "unit_value": 1000})
        env["ashshash.support"].create(vals)

    def make_trainings(self):
        spec = self.spec
        env = self.env
        Training = env["ashshash.training"]
        Enrolment = env["ashshash.training.enrolment"]
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
                # ended batch): open it until today, enrol, then give it its real dates.
                training = Training.create({
                    "name": f"{ttype.name} batch {number}", "training_type_id": ttype.id,
                    "company_id": self.company.id, "date_start": start, "date_end": today,
                    "state": "ongoing", "area_id": self.rng.choice(self.unions).id, "trainer": "CWCS trainer",
                })
                enrolments = Enrolment.create([{
                    "training_id": training.id, "survivor_id": s.id, "enrolment_date": start,
                } for s in batch] + [{
                    "training_id": training.id, "survivor_id": s.id, "enrolment_date": start,
                } for s in (dropped if number == 1 else [])])
                training.write({"date_end": end, "state": "done"})
                done = enrolments[:len(batch)]
                done.write({"state": "completed", "completion_date": end, "days_attended": 5})
                enrolments[len(batch):].write({"state": "dropped", "drop_date": start + DAY,
                                               "drop_reason": "Found work", "days_attended": 1})

    def make_cash(self):
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
        Campaign = env["ashshash.cash.campaign"]
        Batch = env["ashshash.cash.disbursement"]
        finance = env(user=self.admin.id, su=True)  # approver: someone else than the submitter
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
                batch.with_env(finance).action_approve()
                batch.action_pay()
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
        spec = self.spec
        env = self.env
        Event = env["ashshash.event"]
        types = {t.code: t for t in env["ashshash.event.type"].search([])}
        intl = {"IWD": (3, 8), "WDATIP": (7, 30), "IMD": (12, 18)}
        vals = []
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
                vals.append({
                    "name": f"{etype.name} {i + 1}", "event_type_id": etype.id, "company_id": self.company.id,
                    "state": "reported" if self.rng.random() < 0.7 else "done",
                    "date_start": start, "date_end": start + datetime.timedelta(hours=3),
                    "area_id": self.rng.choice(self.unions + [self.upazila]).id, "user_id": self.admin.id,
                    "attendance_women": women, "attendance_men": men, "attendance_others": 0,
                })
        # Noise: a cancelled pot show with its planned audience, and one after the period.
        pot = types["POT_SHOW"]
        for state, day in (("cancelled", self.start + 100 * DAY), ("done", self.end + 40 * DAY)):
            start = self.dt(day, 16)
            vals.append({"name": f"{pot.name} ({state})", "event_type_id": pot.id, "company_id": self.company.id,
                         "state": state, "date_start": start, "date_end": start + datetime.timedelta(hours=2),
                         "area_id": self.unions[0].id, "user_id": self.admin.id,
                         "attendance_women": 300, "attendance_men": 250})
        Event.create(vals)

    def close_some(self):
        # A few cases closed after their counselling: still counted (enrolled, counselled).
        counselled = self.order[self.spec.certificates + self.spec.certificates_revoked:self.spec.counselled]
        closing = self.env["ashshash.survivor"].browse([s.id for s in counselled[:max(1, len(counselled) // 10)]])
        closing.write({"close_reason": "dropped_out"})
        closing.action_close()


def build(env, spec):
    builder = Builder(env, spec)
    company = builder.build()
    return company, builder.timings
