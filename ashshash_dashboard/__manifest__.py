{
    "name": "ASHSHASH Dashboard",
    "summary": "Managers' spreadsheet dashboard of the programme: "
               "survivors, counselling, referrals, livelihood and events",
    "version": "18.0.1.0.0",
    "category": "Services/ASHSHASH",
    "author": "ASHSHASH Case",
    "website": "https://github.com/ashshash-case",
    "license": "AGPL-3",
    "depends": ["ashshash_case", "ashshash_livelihood", "ashshash_events", "spreadsheet_dashboard"],
    "data": [
        "data/ashshash_dashboard_data.xml",
        "views/ashshash_dashboard_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ashshash_dashboard/static/tests/tours/*.js",
        ],
    },
}
