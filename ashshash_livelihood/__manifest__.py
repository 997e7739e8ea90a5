{
    "name": "ASHSHASH Livelihood",
    "summary": "Trainings, support given, partner contributions and emergency cash for survivors",
    "version": "18.0.1.0.0",
    "category": "Services/ASHSHASH",
    "author": "ASHSHASH Case",
    "website": "https://github.com/ashshash-case",
    "license": "AGPL-3",
    "depends": ["ashshash_case", "account"],
    "data": [],
    "demo": [],
    "installable": True,
}
