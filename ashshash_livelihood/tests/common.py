import base64
from datetime import timedelta

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


class AshshashLivelihoodCommon(AshshashCaseCommon):
    """The case programme plus seeded types, a life-skills training under way and
    a contributing company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._enrol(cls.survivor)
        cls._enrol(cls.survivor_2)
        cls.type_life_skills = cls.env.ref("ashshash_livelihood.training_type_life_skills")
        cls.type_leadership = cls.env.ref("ashshash_livelihood.training_type_leadership")
        cls.support_food = cls.env.ref("ashshash_livelihood.support_type_food")
        cls.support_hygiene = cls.env.ref("ashshash_livelihood.support_type_hygiene_kit")
        cls.support_health = cls.env.ref("ashshash_livelihood.support_type_health_care")
        cls.support_employment = cls.env.ref("ashshash_livelihood.support_type_short_term_employment")
        cls.company_partner = cls.env["res.partner"].create({"name": "Test Agro Ltd.", "is_company": True})
        cls.training = cls._create_training()
        cls.receipt = base64.b64encode(b"signed receipt")

    @classmethod
    def _create_training(cls, **vals):
        values = {
            "name": "Life skills test batch",
            "training_type_id": cls.type_life_skills.id,
            "date_start": cls.today - timedelta(days=9),
            "date_end": cls.today,
            "session_days": 10,
            "capacity": 2,
            "area_id": cls.union_jugikhali.id,
        }
        values.update(vals)
        return cls.env["ashshash.training"].create(values)

    @classmethod
    def _enrol_in(cls, training, survivor, **vals):
        values = {"training_id": training.id, "survivor_id": survivor.id}
        values.update(vals)
        return cls.env["ashshash.training.enrolment"].create(values)

    @classmethod
    def _support(cls, survivor=None, support_type=None, **vals):
        values = {
            "survivor_id": (survivor or cls.survivor).id,
            "support_type_id": (support_type or cls.support_health).id,
            "quantity": 1,
            "unit_value": 1000,
        }
        values.update(vals)
        return cls.env["ashshash.support"].create(values)

    @classmethod
    def _assess(cls, survivor, levels, days_ago=0):
        """A done assessment of ``survivor`` with the given {domain: level}."""
        assessment = cls.env["ashshash.needs.assessment"].create({
            "survivor_id": survivor.id,
            "date": cls.today - timedelta(days=days_ago),
            "line_ids": [(5, 0, 0)] + [(0, 0, {"domain": d, "level": lv}) for d, lv in levels.items()],
        })
        assessment.action_done()
        return assessment
