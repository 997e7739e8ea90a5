"""Checks over the source of every addon that no tool of the repository makes
(without Odoo running): CSV data files, icons and readme fragments.

Left to the tools, which make the same checks (or stricter ones):
- manifest version 18.0.x.y.z and licence AGPL-3: pylint-odoo's
  manifest-version-format and license-allowed (.pylintrc);
- data files that exist and XML that parses: pylint-odoo's resource-not-exist,
  oca-checks-odoo-module's xml-syntax-error, and Odoo's install;
- XML ids defined twice: oca-checks-odoo-module's xml-duplicate-record-id and
  csv-duplicate-record-id (stricter: no second <record> completing the first);
- models without access rules: Odoo's install logs a warning for each
  (odoo/modules/loading.py), which fails scripts/test.
"""
import ast
import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent for path in ROOT.glob("*/__manifest__.py"))
ADDON_IDS = [addon.name for addon in ADDONS]


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def data_files(addon):
    """(key, path) of every file the manifest loads, in load order."""
    values = manifest(addon)
    return [(key, addon / name) for key in ("data", "demo") for name in values.get(key, [])]


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_data_files_are_csv_or_xml_and_csv_rows_complete(addon):
    # Neither pylint-odoo nor oca-checks-odoo-module counts the columns of a CSV row.
    for key, path in data_files(addon):
        if path.suffix == ".csv" and path.is_file():
            with path.open(encoding="utf-8", newline="") as file:
                rows = list(csv.reader(file))
            assert rows, f"{path.relative_to(ROOT)} is empty"
            bad = [n for n, row in enumerate(rows, 1) if len(row) != len(rows[0])]
            assert not bad, f"{path.relative_to(ROOT)}: lines {bad} do not have {len(rows[0])} columns"
        elif path.suffix not in (".csv", ".xml"):
            pytest.fail(f"{addon.name}: {key} file {path.relative_to(addon)}: "
                        f"Odoo loads .xml and .csv data files, not {path.suffix}")


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_icon(addon):
    icon = addon / "static/description/icon.png"
    assert icon.is_file(), f"{addon.name}: static/description/icon.png is missing"
    assert icon.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{addon.name}: icon.png is not a PNG"


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_readme_description(addon):
    description = addon / "readme/DESCRIPTION.md"
    assert description.is_file(), f"{addon.name}: readme/DESCRIPTION.md is missing"
    assert description.read_text(encoding="utf-8").strip(), f"{addon.name}: readme/DESCRIPTION.md is empty"
