{
    "name": "ASHSHASH Events",
    "summary": "Community events that prevent trafficking, with attendance that adds up",
    "version": "18.0.1.0.0",
    "category": "Services/ASHSHASH",
    "author": "ASHSHASH Case",
    "website": "https://github.com/ashshash-case",
    "license": "AGPL-3",
    "depends": ["ashshash_case"],
    "data": [
        "security/ashshash_events_groups.xml",
        "security/ir.model.access.csv",
        "security/ashshash_events_security.xml",
        "data/ashshash_event_type_data.xml",
        "data/ashshash_event_indicator_data.xml",
        "data/ir_cron_data.xml",
        "views/ashshash_event_views.xml",
        "views/ashshash_event_audience_views.xml",
        "views/ashshash_event_action_item_views.xml",
        "views/ashshash_event_type_views.xml",
        "views/ashshash_event_outreach_method_views.xml",
        "views/ashshash_events_menus.xml",
    ],
    "demo": [
        "demo/ashshash_events_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "ashshash_events/static/tests/tours/*.js",
        ],
    },
}
