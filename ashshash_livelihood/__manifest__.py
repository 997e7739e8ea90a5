{
    "name": "ASHSHASH Livelihood",
    "summary": "Trainings, support given, partner contributions and emergency cash for survivors",
    "version": "18.0.1.0.0",
    "category": "Services/ASHSHASH",
    "author": "ASHSHASH Case",
    "website": "https://github.com/ashshash-case",
    "license": "AGPL-3",
    "depends": ["ashshash_case", "account"],
    "data": [
        "security/ir.model.access.csv",
        "security/ashshash_livelihood_security.xml",
        "data/ashshash_livelihood_data.xml",
        "views/ashshash_training_views.xml",
        "views/ashshash_support_views.xml",
        "views/ashshash_economic_outcome_views.xml",
        "views/ashshash_survivor_livelihood_views.xml",
        "report/ashshash_contribution_report_views.xml",
        "views/ashshash_livelihood_menus.xml",
    ],
    "demo": [
        "demo/ashshash_livelihood_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ashshash_livelihood/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
