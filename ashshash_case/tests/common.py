"""The shared test bases of every ASHSHASH addon: one user per role and a small
programme (AshshashCaseCommon), counselling (AshshashCounsellingCommon), referrals
(AshshashReferralCommon) and the comparison of indicators with plain SQL
(AshshashIndicatorSqlCommon, AshshashCaseIndicatorCommon)."""
import random
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.ashshash_case.tools import GENDER_KEYS

SENT_STATES = ("sent", "accepted", "rejected", "completed", "closed")
REFERRAL_STATES = ("draft", *SENT_STATES)

class AshshashCaseCommon(TransactionCase):
    """A small programme shared by the tests of every ASHSHASH addon: one user per
    role, two unions of Kalaroa and a survivor for each case worker."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.today = fields.Date.context_today(cls.env["ashshash.survivor"])
        cls.union_jugikhali = cls.env.ref("ashshash_case.area_union_kalaroa_jugikhali")
        cls.union_koyla = cls.env.ref("ashshash_case.area_union_kalaroa_koyla")
        cls.upazila_kalaroa = cls.env.ref("ashshash_case.area_upz_kalaroa")
        cls.district_satkhira = cls.env.ref("ashshash_case.area_dist_satkhira")

        cls.case_worker = new_test_user(
            cls.env, login="test_case_worker", name="Case Worker One",
            groups="ashshash_case.group_case_worker",
        )
        cls.case_worker_2 = new_test_user(
            cls.env, login="test_case_worker_2", name="Case Worker Two",
            groups="ashshash_case.group_case_worker",
        )
        cls.case_manager = new_test_user(
            cls.env, login="test_case_manager", name="Case Manager",
            groups="ashshash_case.group_case_manager",
        )
        cls.me_officer = new_test_user(
            cls.env, login="test_me_officer", name="M&E Officer",
            groups="ashshash_case.group_me_officer",
        )
        cls.programme_admin = new_test_user(
            cls.env, login="test_programme_admin", name="Programme Admin",
            groups="ashshash_case.group_admin",
        )

        cls.survivor = cls._create_survivor(name="Amena Khatun", user=cls.case_worker)
        cls.survivor_2 = cls._create_survivor(
            name="Bilkis Akter", user=cls.case_worker_2, area=cls.union_koyla,
        )

    @classmethod
    def _create_survivor(cls, name="Test Survivor", user=None, area=None, **vals):
        values = {
            "name": name,
            "gender": "female",
            "estimated_age": 22,
            "area_id": (area or cls.union_jugikhali).id,
            "identification_source": "peer_leader",
            "identification_date": cls.today,
            "user_id": (user or cls.case_worker).id,
        }
        values.update(vals)
        return cls.env["ashshash.survivor"].create(values)

    @classmethod
    def _give_consent(cls, survivor, consent_type="services", **vals):
        values = {
            "survivor_id": survivor.id,
            "consent_type": consent_type,
            "given_on": cls.today,
            "given_by": "survivor",
            "method": "signed_form",
        }
        values.update(vals)
        return cls.env["ashshash.consent"].create(values)

    @classmethod
    def _enrol(cls, survivor):
        cls._give_consent(survivor)
        survivor.action_enrol()
        return survivor

    @contextmanager
    def assertRefused(self, exception, pattern):
        """assertRaises (which rolls back to a savepoint, so that 'nothing changed'
        can be checked afterwards) plus a check of the message against ``pattern``."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)


class AshshashCounsellingCommon(AshshashCaseCommon):
    """The shared programme plus an enrolled survivor per case worker and the
    completion rule of the defaults (6 sessions, WHO-5 at start and end)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Session = cls.env["ashshash.counselling.session"]
        cls.Followup = cls.env["ashshash.followup"]
        cls.Certificate = cls.env["ashshash.certificate"]
        cls.icp = cls.env["ir.config_parameter"].sudo()
        cls.icp.set_param("ashshash_case.certificate_min_sessions", 6)
        cls.icp.set_param("ashshash_case.certificate_who5_required", True)
        cls.icp.set_param("ashshash_case.certificate_min_end_score", 0)
        cls.icp.set_param("ashshash_case.certificate_min_improvement", 0)
        cls.icp.set_param("ashshash_case.dropout_threshold_days", 60)
        cls._enrol(cls.survivor)
        cls._enrol(cls.survivor_2)
        cls.mother = cls.env["ashshash.family.member"].create({
            "survivor_id": cls.survivor.id, "name": "Rahima Khatun", "relation": "mother", "gender": "female",
        })
        cls.now = fields.Datetime.now()


    @classmethod
    def _who5(cls, *items):
        return {"who5_done": True, **{f"who5_item{i}": value for i, value in enumerate(items, 1)}}

    @classmethod
    def _create_session(cls, values, done):
        session = cls.Session.create(values)
        if done:
            session.action_done()
        return session

    @classmethod
    def _session(cls, survivor=None, days_ago=1, done=True, session_type="individual", **vals):
        values = {
            "session_type": session_type,
            "survivor_id": (survivor or cls.survivor).id,
            "date": cls.now - timedelta(days=days_ago),
            "user_id": ((survivor or cls.survivor).user_id or cls.case_worker).id,
        }
        return cls._create_session({**values, **vals}, done)

    @classmethod
    def _community_session(cls, done=True, **vals):
        values = {
            "session_type": "community",
            "area_id": cls.union_koyla.id,
            "date": cls.now - timedelta(days=1),
            "user_id": cls.case_worker_2.id,
            "venue": "Koyla school ground",
            "attendance_women": 12,
            "attendance_men": 8,
            "attendance_others": 1,
        }
        return cls._create_session({**values, **vals}, done)

    @classmethod
    def _complete_counselling(cls, survivor=None, start=(1, 2, 1, 2, 1), end=(4, 4, 3, 4, 4)):
        """Six done individual sessions, WHO-5 at the first and the last."""
        survivor = survivor or cls.survivor
        for index in range(6):
            vals = {}
            if index == 0:
                vals = cls._who5(*start)
            elif index == 5:
                vals = cls._who5(*end)
            cls._session(survivor, days_ago=71 - index * 14, **vals)
        return survivor


class AshshashReferralCommon(AshshashCaseCommon):
    """Two providers of a small directory and a draft referral of the case worker's survivor."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.health = cls.env.ref("ashshash_case.service_type_health")
        cls.legal = cls.env.ref("ashshash_case.service_type_legal")
        cls.shelter = cls.env.ref("ashshash_case.service_type_shelter")
        cls.hospital = cls.env["res.partner"].create({
            "name": "Test District Hospital",
            "is_company": True,
            "is_ashshash_provider": True,
            "provider_kind": "government",
            "provider_district_id": cls.district_satkhira.id,
            "provider_service_type_ids": [(6, 0, [cls.health.id])],
            "provider_area_ids": [(6, 0, [cls.upazila_kalaroa.id])],
            "phone": "+880 471-99999",
            "provider_fee": "free",
            "provider_last_reviewed": cls.today,
        })
        cls.legal_aid = cls.env["res.partner"].create({
            "name": "Test Legal Aid Office",
            "is_company": True,
            "is_ashshash_provider": True,
            "provider_kind": "government",
            "provider_district_id": cls.district_satkhira.id,
            "provider_service_type_ids": [(6, 0, [cls.legal.id])],
        })
        cls.survivor.sudo().phone = "01711000111"
        cls._enrol(cls.survivor)
        cls._enrol(cls.survivor_2)

    @classmethod
    def _referral(cls, survivor=None, provider=None, service_type=None, user=None, **vals):
        values = {
            "survivor_id": (survivor or cls.survivor).id,
            "provider_id": (provider or cls.hospital).id,
            "service_type_id": (service_type or cls.health).id,
            "date": cls.today,
            "reason": "Untreated injury from work abroad",
        }
        values.update(vals)
        return cls.env["ashshash.referral"].with_user(user or cls.case_worker).create(values)

    @classmethod
    def _sharing_consent(cls, survivor=None, provider=None, **vals):
        if provider:
            vals.setdefault("provider_id", provider.id)
        elif "all_providers" not in vals:
            vals["provider_id"] = cls.hospital.id
        return cls._give_consent(
            survivor or cls.survivor, consent_type="data_sharing",
            given_on=vals.pop("given_on", cls.today - timedelta(days=30)), **vals,
        )


class AshshashIndicatorSqlCommon(AshshashCaseCommon):
    """Checks an indicator definition against a plain SQL count of the same records.

    Addons build a small randomised programme (two partner organisations, four
    unions, records inside and outside the period, cancelled and draft records),
    then compare ``_compute_values`` with SQL written by hand for every area and
    organisation filter, and check that the drill-down domain finds exactly the
    records the SQL counts. The SQL is the indicator's meaning, written
    independently of the framework: main table alias ``r``, with ``r.area_id`` and
    ``r.company_id``."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Bulk set-up data: no chatter messages or tracking values.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.Indicator = cls.env["ashshash.indicator"]
        cls.company_b = cls.env["res.company"].create({"name": "Agrogoti Sangstha"})
        cls.unions = cls.union_jugikhali | cls.union_koyla | cls.env.ref("ashshash_case.area_union_kalaroa_deara") \
            | cls.env.ref("ashshash_case.area_union_kalaroa_joynagar")
        cls.date_start = cls.today - timedelta(days=300)
        cls.date_end = cls.today - timedelta(days=30)

    @classmethod
    def _make_survivors(cls, rng, size, prefix, companies=None, state="enrolled"):
        """``size`` enrolled survivors with a random gender, union and organisation."""
        companies = companies or [cls.company, cls.company_b]
        vals_list = []
        for index in range(size):
            identified = cls.today - timedelta(days=rng.randint(320, 420))
            vals_list.append({
                "name": f"{prefix} survivor {index:03d}",
                "gender": rng.choice(GENDER_KEYS),
                "estimated_age": rng.randint(14, 60),
                "area_id": rng.choice(cls.unions).id,
                "identification_source": "peer_leader",
                "identification_date": identified,
                "user_id": cls.case_worker.id,
                "company_id": rng.choice(companies).id,
                "state": state,
                "enrolment_date": identified + timedelta(days=1),
            })
        return cls.env["ashshash.survivor"].create(vals_list)

    @classmethod
    def _random_day(cls, rng, past_only=True):
        """A day before, inside or after the report's period (never in the future when ``past_only``)."""
        latest = 1 if past_only else -60
        return cls.today - timedelta(days=rng.randint(latest, 360))

    # ------------------------------------------------------------------
    # Plain SQL
    # ------------------------------------------------------------------
    def _area_ids(self, area):
        self.env.cr.execute("SELECT id FROM ashshash_area WHERE parent_path LIKE %s", [f"{area.parent_path}%"])
        return tuple(row[0] for row in self.env.cr.fetchall())

    def _sql_where(self, sql, date_column, area=None, companies=None):
        where = [f"({sql['where']})", f"{date_column} BETWEEN %s AND %s"]
        params = list(sql.get("params", ())) + [self.date_start, self.date_end]
        if area:
            where.append("r.area_id IN %s")
            params.append(self._area_ids(area))
        if companies:
            where.append("r.company_id IN %s")
            params.append(tuple(companies.ids))
        return " AND ".join(where), params

    def _sql_figures(self, sql, area=None, companies=None):
        """{group key: {total, female, male, other}} (key 0 without ``group``) from plain SQL.

        ``sql``: from (tables, alias r), where, params, date (column), and either count
        (an aggregate expression, plus gender: a column, or None for no split) or sums
        (the women, men and others columns)."""
        self.env.flush_all()
        where, params = self._sql_where(sql, sql["date"], area, companies)
        key = sql.get("group") or "0"
        results = {}

        def bucket(group):
            return results.setdefault(group, {"total": 0, "female": 0, "male": 0, "other": 0})

        if sql.get("sums"):
            women, men, others = sql["sums"]
            self.env.cr.execute(f"""
                SELECT {key}, SUM({women}), SUM({men}), SUM({others})
                  FROM {sql['from']} WHERE {where} GROUP BY 1
            """, params)
            for group, female, male, other in self.env.cr.fetchall():
                bucket(group).update(total=female + male + other, female=female, male=male, other=other)
            return results
        self.env.cr.execute(f"SELECT {key}, {sql['count']} FROM {sql['from']} WHERE {where} GROUP BY 1", params)
        for group, figure in self.env.cr.fetchall():
            bucket(group)["total"] = figure
        if sql.get("gender"):
            self.env.cr.execute(f"""
                SELECT {key}, {sql['gender']}, {sql['count']}
                  FROM {sql['from']} WHERE {where} GROUP BY 1, 2
            """, params)
            for group, gender, figure in self.env.cr.fetchall():
                if gender in GENDER_KEYS:
                    bucket(group)[gender] = figure
        return results

    def _sql_ids(self, sql, area=None, companies=None):
        """Ids of the records (alias r) that make the figure."""
        self.env.flush_all()
        where, params = self._sql_where(sql, sql["date"], area, companies)
        self.env.cr.execute(f"SELECT DISTINCT r.id FROM {sql['from']} WHERE {where}", params)
        return {row[0] for row in self.env.cr.fetchall()}

    def _report_query_counts(self, wizards):
        """The SQL queries that computing each report wizard runs, once the caches (access
        rights and rules, the lines being replaced) are warm: the figure the query-count
        tests compare between a small and a large programme."""
        for wizard in wizards:
            wizard.action_compute()
            wizard.action_compute()
        counts = []
        for wizard in wizards:
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard.action_compute()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        return counts

    # ------------------------------------------------------------------
    # Assertions
    # ------------------------------------------------------------------
    def _filter_cases(self):
        return [
            (None, None),
            (self.union_koyla, None),
            (self.upazila_kalaroa, None),
            (self.district_satkhira, self.company_b),
            (None, self.company | self.company_b),
            (self.union_jugikhali, self.company),
        ]

    @staticmethod
    def _figures(values):
        return {key: values[key] for key in ("total", "female", "male", "other")}

    def assertIndicatorEqualsSql(self, code, sql):
        """The indicator equals the SQL (total, gender split, break-down) for every filter,
        its drill-down finds exactly the records the SQL counts, and the data exercises it
        (something counted, something left out by the period)."""
        indicator = self.Indicator.search([("code", "=", code)])
        self.assertEqual(len(indicator), 1, f"{code} is defined once")
        model = self.env[indicator.model_name]
        for area, companies in self._filter_cases():
            with self.subTest(code=code, area=area and area.name, companies=companies and companies.mapped("name")):
                values = indicator._compute_values(
                    self.date_start, self.date_end, area, companies, by_gender=True,
                )[code]
                self.assertFalse(values["error"])
                expected = self._sql_figures(sql, area, companies)
                if indicator.groupby_field:
                    self.assertEqual({key: self._figures(values) for key, _label, values in values["groups"]},
                                     {key: figures for key, figures in expected.items()})
                    expected_total = self._sql_figures(dict(sql, group=None), area, companies)
                else:
                    expected_total = expected
                self.assertEqual(self._figures(values),
                                 expected_total.get(0, {"total": 0, "female": 0, "male": 0, "other": 0}))

                domain = indicator.action_drilldown(self.date_start, self.date_end, area, companies)["domain"]
                records = model.search(domain)
                self.assertEqual(set(records.ids), self._sql_ids(sql, area, companies))
                if indicator.count_type == "distinct" and indicator.distinct_field != "id":
                    self.assertEqual(len(records.mapped(indicator.distinct_field)), values["total"])
                elif indicator.count_type == "records":
                    self.assertEqual(len(records), values["total"])
                if indicator.gender_field:
                    for gender in GENDER_KEYS:
                        domain = indicator._get_drilldown_domain(
                            self.date_start, self.date_end, area, companies, gender=gender)
                        found = model.search(domain)
                        if indicator.count_type == "distinct":
                            found = found.mapped(indicator.distinct_field)
                        self.assertEqual(len(found), values[gender], f"{code} {gender}")
                for key, _label, figures in values["groups"]:
                    domain = indicator._get_drilldown_domain(
                        self.date_start, self.date_end, area, companies, group_value=key)
                    found = model.search(domain)
                    if indicator.count_type == "distinct":
                        found = found.mapped(indicator.distinct_field)
                    self.assertEqual(len(found), figures["total"], f"{code} group {key}")
        # The random data exercises the definition: counted records, and records the
        # period leaves out.
        whole = indicator._compute_values(self.date_start, self.date_end)[code]["total"]
        self.assertGreater(whole, 0, f"{code}: the data must give a figure")
        self.env.flush_all()
        self.env.cr.execute(
            f"SELECT COUNT(*) FROM {sql['from']} WHERE ({sql['where']}) AND {sql['date']} NOT BETWEEN %s AND %s",
            list(sql.get("params", ())) + [self.date_start, self.date_end],
        )
        self.assertGreater(self.env.cr.fetchone()[0], 0, f"{code}: the data must have records outside the period")


class AshshashCaseIndicatorCommon(AshshashIndicatorSqlCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Session = cls.env["ashshash.counselling.session"]
        cls.provider = cls.env["res.partner"].create({
            "name": "Test Upazila Health Complex", "is_company": True, "is_ashshash_provider": True,
        })
        cls.health = cls.env.ref("ashshash_case.service_type_health")
        cls.legal = cls.env.ref("ashshash_case.service_type_legal")
        cls.shelter = cls.env.ref("ashshash_case.service_type_shelter")

    @classmethod
    def _at(cls, day, hour=10):
        """A session time on ``day`` that is the same day in any time zone of the tests."""
        return datetime.combine(day, time(hour))

    @classmethod
    def _make_case_programme(cls, seed, size, companies=None):
        """Survivors with family members, individual and family sessions (done, planned,
        cancelled, inside and outside the period), community sessions, certificates
        (issued, revoked, draft) and referrals in every state."""
        rng = random.Random(seed)
        companies = companies or [cls.company, cls.company_b]
        survivors = cls._make_survivors(rng, size, f"C{seed}", companies=companies)
        cls.env["ashshash.family.member"].create([
            {"survivor_id": survivor.id, "name": f"Member {index}", "relation": rng.choice(["mother", "father",
             "spouse", "son", "daughter"]), "gender": rng.choice(GENDER_KEYS)}
            for survivor in survivors for index in range(rng.randint(0, 3))
        ])
        session_vals = []
        for survivor in survivors:
            for _index in range(rng.choice([0, 1, 2, 3])):
                session_vals.append({
                    "session_type": "individual", "survivor_id": survivor.id,
                    "date": cls._at(cls._random_day(rng)), "user_id": cls.case_worker.id,
                    "state": rng.choice(["done", "done", "planned", "cancelled"]),
                })
            members = survivor.family_member_ids
            for _index in range(rng.choice([0, 1, 2]) if members else 0):
                present = members.filtered(lambda _m: rng.random() < 0.6) or members[:1]
                session_vals.append({
                    "session_type": "family", "survivor_id": survivor.id,
                    "date": cls._at(cls._random_day(rng)), "user_id": cls.case_worker.id,
                    "family_member_ids": [Command.set(present.ids)],
                    "state": rng.choice(["done", "done", "planned", "cancelled"]),
                })
        for _index in range(12):
            session_vals.append({
                "session_type": "community", "area_id": rng.choice(cls.unions).id,
                "company_id": rng.choice(companies).id,
                "date": cls._at(cls._random_day(rng)), "user_id": cls.case_worker.id,
                "attendance_women": rng.randint(1, 40), "attendance_men": rng.randint(0, 30),
                "attendance_others": rng.randint(0, 2),
                "state": rng.choice(["done", "done", "planned", "cancelled"]),
            })
        cls.Session.create(session_vals)

        certificate_vals = []
        for survivor in survivors:
            roll = rng.random()
            if roll < 0.2:
                continue
            # at most one issued certificate per survivor; revoked ones and drafts besides
            if roll < 0.4:
                certificate_vals.append({"survivor_id": survivor.id, "state": "draft"})
            else:
                certificate_vals.append({"survivor_id": survivor.id, "state": "issued", "name": f"RTG/{survivor.id}",
                                         "issue_date": cls._random_day(rng)})
            if rng.random() < 0.3:
                certificate_vals.append({"survivor_id": survivor.id, "state": "revoked",
                                         "name": f"RTG/{survivor.id}/R", "issue_date": cls._random_day(rng),
                                         "revoked_date": cls.today, "revoke_reason": "Issued by mistake"})
        cls.env["ashshash.certificate"].create(certificate_vals)

        referral_vals = []
        for survivor in survivors:
            for _index in range(rng.choice([0, 1, 1, 2, 3])):
                state = rng.choice(REFERRAL_STATES)
                day = cls._random_day(rng)
                referral_vals.append({
                    "survivor_id": survivor.id, "provider_id": cls.provider.id,
                    "service_type_id": rng.choice([cls.health, cls.health, cls.legal, cls.shelter]).id,
                    "date": day, "state": state, "sent_date": day if state != "draft" else False,
                })
        cls.env["ashshash.referral"].create(referral_vals)
        return survivors


# The users of AshshashCaseCommon and of the other addons' test bases, one per role.
ROLE_ATTRIBUTES = (
    "case_worker", "case_manager", "me_officer", "programme_admin", "finance_officer", "event_officer",
)


class AshshashWorkflowGuardCommon:
    """Generated tests of the workflow guard (ashshash.workflow.mixin): for each
    field a model lists in ``_workflow_fields()`` / ``_frozen_fields()``, each
    role given tries ``write()``, ``create()`` and import (``load()``) and is
    refused, and nothing changes. Adding a field to a model's table adds its tests."""

    def assertWorkflowGuarded(self, model, writable, creatable=None):
        """``writable``: {user: a record of ``model`` the user may otherwise write};
        ``creatable``: {user: values with which the user may create a record}."""
        Model = self.env[model]
        owned, frozen = Model._workflow_fields(), Model._frozen_fields()
        self.assertTrue(owned or frozen, f"{model} lists the fields its workflow owns")
        for attribute in ROLE_ATTRIBUTES:
            user = getattr(self, attribute, None)
            if user and Model.with_user(user).has_access("write"):
                self.assertIn(user, writable, f"{user.login} may write {model}: try the guard as them too")
        for user, record in writable.items():
            self.assertTrue(Model.with_user(user).browse(record.id).has_access("write"),
                            f"{user.login} may write {record.display_name} (the test would prove nothing)")
            for name in {**frozen, **owned}:
                value = self._workflow_other_value(record, name)
                before = record.sudo().read([name])
                with self.subTest(model=model, field=name, user=user.login, path="write"):
                    with self.assertRaises(UserError):  # AccessError is a UserError too
                        record.with_user(user).write({name: value})
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo().read([name]), before)
                with self.subTest(model=model, field=name, user=user.login, path="import"):
                    header, cell = self._workflow_import_cell(record, name, value)
                    result = Model.with_user(user).load([".id", header], [[str(record.id), cell]])
                    self.assertFalse(result["ids"], f"{user.login} imported {name} on {record.display_name}")
                    self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
                    record.invalidate_recordset()
                    self.assertEqual(record.sudo().read([name]), before)
        for user, vals in (creatable or {}).items():
            new = Model.browse()
            for name in owned:
                value = self._workflow_other_value(new, name, vals)
                count = Model.sudo().with_context(active_test=False).search_count([])
                with self.subTest(model=model, field=name, user=user.login, path="create"):
                    with self.assertRaises(UserError):  # AccessError is a UserError too
                        Model.with_user(user).create({**vals, name: value})
                with self.subTest(model=model, field=name, user=user.login, path="import a new record"):
                    cells = [self._workflow_import_cell(new, key, val) for key, val in {**vals, name: value}.items()]
                    result = Model.with_user(user).load([h for h, _c in cells], [[c for _h, c in cells]])
                    self.assertFalse(result["ids"], f"{user.login} imported a new {model} with {name}")
                self.assertEqual(Model.sudo().with_context(active_test=False).search_count([]), count)

    def _workflow_other_value(self, record, name, vals=None):
        """A value of ``name`` other than the record's (or, for a new record, the default)."""
        field = record._fields[name]
        if record:
            current = record.sudo()[name]
        else:
            current = field.convert_to_record(
                field.convert_to_cache(field.default(record) if field.default else False, record, validate=False),
                record,
            )
        if field.type == "selection":
            options = [key for key, _label in field._description_selection(self.env)]
            return next(key for key in reversed(options) if key != current)
        if field.type == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
            self.assertTrue(other, f"another {field.comodel_name} exists for {name}")
            return other.id
        if field.type == "many2many":
            other = self.env[field.comodel_name].sudo().search([("id", "not in", current.ids)], limit=1)
            return [Command.link(other.id)]
        if field.type == "date":
            return "2020-01-02" if str(current) != "2020-01-02" else "2020-01-03"
        if field.type == "datetime":
            return "2020-01-02 08:00:00" if str(current) != "2020-01-02 08:00:00" else "2020-01-03 08:00:00"
        if field.type in ("char", "text"):
            return f"{current or ''}X"
        if field.type in ("integer", "float", "monetary"):
            return (current or 0) + 7
        if field.type == "boolean":
            return not current
        raise AssertionError(f"no test value for {field.type} field {name}")

    def _workflow_import_cell(self, record, name, value):
        """(column, cell) of an import file setting ``name`` to ``value``."""
        field = record._fields[name]
        if field.type == "many2one":
            return f"{name}/.id", str(value)
        if field.type == "many2many":
            ids = [command[1] for command in value] if isinstance(value, list) else [value]
            return f"{name}/.id", ",".join(map(str, ids))
        if field.type == "boolean":
            return name, "1" if value else "0"
        return name, str(value)
