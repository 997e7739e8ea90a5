{
    "name": "ASHSHASH Case",
    "summary": "Case management for survivors of trafficking: registry, consent, needs, counselling, referrals",
    "version": "18.0.1.0.0",
    "category": "Services/ASHSHASH",
    "author": "ASHSHASH Case",
    "website": "https://github.com/ashshash-case",
    "license": "AGPL-3",
    "depends": ["mail", "contacts"],
    "data": [
        "security/ashshash_case_groups.xml",
        "security/ir.model.access.csv",
        "security/ashshash_case_security.xml",
        "data/ir_sequence_data.xml",
        "data/ashshash.area.csv",
        "views/ashshash_survivor_views.xml",
        "views/ashshash_case_records_views.xml",
        "views/res_config_settings_views.xml",
        "views/ashshash_case_menus.xml",
    ],
    "demo": [
        "demo/ashshash_case_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ashshash_case/static/tests/tours/*.js",
        ],
    },
    "application": True,
    "installable": True,
}
