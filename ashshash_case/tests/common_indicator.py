import random
from datetime import datetime, time, timedelta

from odoo import Command

from .common import AshshashCaseCommon

GENDERS = ("female", "male", "other")
SENT_STATES = ("sent", "accepted", "rejected", "completed", "closed")
REFERRAL_STATES = ("draft", *SENT_STATES)


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
        cls.date_from = cls.today - timedelta(days=300)
        cls.date_to = cls.today - timedelta(days=30)

    @classmethod
    def _make_survivors(cls, rng, size, prefix, companies=None, state="enrolled"):
        """``size`` enrolled survivors with a random gender, union and organisation."""
        companies = companies or [cls.company, cls.company_b]
        vals_list = []
        for index in range(size):
            identified = cls.today - timedelta(days=rng.randint(320, 420))
            vals_list.append({
                "name": f"{prefix} survivor {index:03d}",
                "gender": rng.choice(GENDERS),
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
        params = list(sql.get("params", ())) + [self.date_from, self.date_to]
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
                if gender in GENDERS:
                    bucket(group)[gender] = figure
        return results

    def _sql_ids(self, sql, area=None, companies=None):
        """Ids of the records (alias r) that make the figure."""
        self.env.flush_all()
        where, params = self._sql_where(sql, sql["date"], area, companies)
        self.env.cr.execute(f"SELECT DISTINCT r.id FROM {sql['from']} WHERE {where}", params)
        return {row[0] for row in self.env.cr.fetchall()}

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
                values = indicator._compute_values(self.date_from, self.date_to, area, companies, by_gender=True)[code]
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

                domain = indicator.action_drilldown(self.date_from, self.date_to, area, companies)["domain"]
                records = model.search(domain)
                self.assertEqual(set(records.ids), self._sql_ids(sql, area, companies))
                if indicator.count_type == "distinct" and indicator.distinct_field != "id":
                    self.assertEqual(len(records.mapped(indicator.distinct_field)), values["total"])
                elif indicator.count_type == "records":
                    self.assertEqual(len(records), values["total"])
                if indicator.gender_field:
                    for gender in GENDERS:
                        domain = indicator._get_drilldown_domain(
                            self.date_from, self.date_to, area, companies, gender=gender)
                        found = model.search(domain)
                        if indicator.count_type == "distinct":
                            found = found.mapped(indicator.distinct_field)
                        self.assertEqual(len(found), values[gender], f"{code} {gender}")
                for key, _label, figures in values["groups"]:
                    domain = indicator._get_drilldown_domain(
                        self.date_from, self.date_to, area, companies, group_value=key)
                    found = model.search(domain)
                    if indicator.count_type == "distinct":
                        found = found.mapped(indicator.distinct_field)
                    self.assertEqual(len(found), figures["total"], f"{code} group {key}")
        # The random data exercises the definition: counted records, and records the
        # period leaves out.
        whole = indicator._compute_values(self.date_from, self.date_to)[code]["total"]
        self.assertGreater(whole, 0, f"{code}: the data must give a figure")
        self.env.flush_all()
        self.env.cr.execute(
            f"SELECT COUNT(*) FROM {sql['from']} WHERE ({sql['where']}) AND {sql['date']} NOT BETWEEN %s AND %s",
            list(sql.get("params", ())) + [self.date_from, self.date_to],
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
             "spouse", "son", "daughter"]), "gender": rng.choice(GENDERS)}
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
