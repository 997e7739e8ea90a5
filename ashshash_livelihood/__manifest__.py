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
        "security/ashshash_livelihood_groups.xml",
        "security/ir.model.access.csv",
        "security/ashshash_cash_security.xml",
        "data/ashshash_cash_data.xml",
        "views/ashshash_cash_views.xml",
        "report/ashshash_cash_disbursement_reports.xml",
        "report/ashshash_cash_disbursement_templates.xml",
    ],
    "demo": [
        "demo/ashshash_cash_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ashshash_livelihood/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}
