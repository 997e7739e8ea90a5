import random
from datetime import datetime, time, timedelta

from odoo.addons.ashshash_case.tests.common_indicator import AshshashIndicatorSqlCommon


class AshshashEventsIndicatorCommon(AshshashIndicatorSqlCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event_types = cls.env["ashshash.event.type"].search([])

    @classmethod
    def _make_events(cls, seed, size, companies=None):
        """``size`` events of every type (each at least once in the period and once after
        it), in every state, inside and outside the period.
        An international day is observed once a year per organisation: a second one in
        the same year is recorded cancelled."""
        rng = random.Random(seed)
        companies = companies or [cls.company, cls.company_b]
        cls.env.flush_all()
        cls.env.cr.execute("""
            SELECT event_type_id, company_id, observance_year FROM ashshash_event WHERE state != 'cancelled'
        """)
        observed = set(cls.env.cr.fetchall())
        vals_list = []
        for index in range(size):
            event_type = cls.event_types[index % len(cls.event_types)]
            company = rng.choice(companies)
            day = cls._random_day(rng)
            state = rng.choice(["done", "reported", "reported", "planned", "cancelled"])
            occurrence = index // len(cls.event_types)
            if occurrence < 2:
                # each type counts at least once, and once more just after the period
                day = cls.date_to - timedelta(days=rng.randint(0, 200)) if occurrence == 0 \
                    else cls.date_to + timedelta(days=rng.randint(1, 25))
                state = rng.choice(["done", "reported"])
            if event_type.category == "international_day":
                key = (event_type.id, company.id, day.year)
                if key in observed:
                    state = "cancelled"
                elif state != "cancelled":
                    observed.add(key)
            start = datetime.combine(day, time(6))
            vals_list.append({
                "name": f"Test event {seed}-{index}",
                "event_type_id": event_type.id,
                "company_id": company.id,
                "date_start": start,
                "date_end": start.replace(hour=9),
                "area_id": rng.choice(cls.unions | cls.upazila_kalaroa | cls.district_satkhira).id,
                "women": rng.randint(1, 300),
                "men": rng.randint(0, 300),
                "others": rng.randint(0, 3),
                "state": state,
            })
        return cls.env["ashshash.event"].create(vals_list)
