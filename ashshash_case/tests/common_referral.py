from datetime import timedelta

from odoo.addons.ashshash_case.tests.common import AshshashCaseCommon


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
