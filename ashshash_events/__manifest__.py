{
    "name": "ASHSHASH Events",
    "summary": "Community events that prevent trafficking, with attendance that adds up",
    "version": "18.0.1.0.0",
    "category": "Services/ASHSHASH",
    "author": "ASHSHASH Case",
    "website": "https://github.com/ashshash-case",
    "license": "AGPL-3",
    "depends": ["ashshash_case"],
    "data": [],
    "demo": [],
    "installable": True,
}
