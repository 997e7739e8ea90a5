"""Checks over the source of every addon of the repository, without Odoo running:
manifests, data files, access rules, XML ids, icons and readme fragments."""
import ast
import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent for path in ROOT.glob("*/__manifest__.py"))
ADDON_IDS = [addon.name for addon in ADDONS]


def manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


def data_files(addon):
    """(key, path) of every file the manifest loads, in load order."""
    values = manifest(addon)
    return [(key, addon / name) for key in ("data", "demo") for name in values.get(key, [])]


def new_models(addon):
    """(model name, file) of every model an addon defines (not merely extends) in
    models/ and wizard/; abstract models need no access rules."""
    found = []
    for path in sorted([*addon.glob("models/*.py"), *addon.glob("wizard/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.ClassDef):
                continue
            if any(isinstance(base, ast.Attribute) and base.attr == "AbstractModel" for base in node.bases):
                continue
            attrs = {}
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 \
                        and isinstance(stmt.targets[0], ast.Name):
                    try:
                        attrs[stmt.targets[0].id] = ast.literal_eval(stmt.value)
                    except (ValueError, TypeError, SyntaxError):
                        pass
            name = attrs.get("_name")
            inherit = attrs.get("_inherit") or []
            inherit = [inherit] if isinstance(inherit, str) else list(inherit)
            if isinstance(name, str) and name not in inherit and not attrs.get("_abstract"):
                found.append((name, path.relative_to(ROOT)))
    return found


def access_models():
    """External ids (without module) of the models that have a line in some
    addon's security/ir.model.access.csv."""
    models = set()
    for path in ROOT.glob("*/security/ir.model.access.csv"):
        with path.open(encoding="utf-8", newline="") as file:
            for row in csv.DictReader(file):
                models.add((row.get("model_id:id") or "").split(".")[-1])
    return models


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_manifest(addon):
    values = manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", values.get("version", "")), \
        f"{addon.name}: version {values.get('version')!r} is not 18.0.x.y.z"
    assert values.get("license") == "AGPL-3", f"{addon.name}: license must be AGPL-3"


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_data_files_exist_and_parse(addon):
    for key, path in data_files(addon):
        assert path.is_file(), f"{addon.name}: {key} file {path.relative_to(addon)} does not exist"
        if path.suffix == ".xml":
            etree.parse(str(path))
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as file:
                rows = list(csv.reader(file))
            assert rows, f"{path.relative_to(ROOT)} is empty"
            bad = [n for n, row in enumerate(rows, 1) if len(row) != len(rows[0])]
            assert not bad, f"{path.relative_to(ROOT)}: lines {bad} do not have {len(rows[0])} columns"
        else:
            pytest.fail(f"{path.relative_to(ROOT)}: Odoo loads .xml and .csv data files, not {path.suffix}")


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_every_model_has_access_rules(addon):
    # Odoo 17+ refuses access to models without access rules, transient ones too.
    granted = access_models()
    missing = [f"{name} ({path})" for name, path in new_models(addon)
               if f"model_{name.replace('.', '_')}" not in granted]
    assert not missing, "models without a line in any security/ir.model.access.csv: " + ", ".join(missing)


def xml_id_occurrences():
    """{full xml id: [(where, tag, model, field names)]} over the data and demo
    files of all addons. An id of another module (`base.user_admin`) updates a
    record, it does not define one: left out."""
    found = defaultdict(list)

    def add(addon, xml_id, occurrence):
        full = xml_id if "." in xml_id else f"{addon.name}.{xml_id}"
        if full.split(".")[0] == addon.name:
            found[full].append(occurrence)

    for addon in ADDONS:
        for _key, path in data_files(addon):
            if not path.is_file():
                continue
            where = str(path.relative_to(ROOT))
            if path.suffix == ".xml":
                for element in etree.parse(str(path)).iter("record", "template", "menuitem"):
                    if element.get("id"):
                        add(addon, element.get("id"), (f"{where}:{element.sourceline}", *record_of(element)))
            elif path.suffix == ".csv":
                with path.open(encoding="utf-8", newline="") as file:
                    for n, row in enumerate(csv.DictReader(file), 2):
                        if row.get("id"):
                            add(addon, row["id"], (f"{where}:{n}", "csv", path.stem, set(row) - {"id"}))
    return found


# The fields a <menuitem> sets, by attribute.
MENUITEM_FIELDS = {"name": "name", "parent": "parent_id", "action": "action", "sequence": "sequence",
                   "groups": "groups_id", "web_icon": "web_icon", "active": "active"}


def record_of(element):
    """(tag, model, field names) that an XML data element writes."""
    if element.tag == "menuitem":
        return "menuitem", "ir.ui.menu", {MENUITEM_FIELDS[a] for a in element.attrib if a in MENUITEM_FIELDS}
    if element.tag == "template":
        return "template", "ir.ui.view", {"arch"}
    return "record", element.get("model"), {field.get("name") for field in element.iterchildren("field")}


def defined_twice(occurrences):
    """Whether an xml id is defined more than once. A later <record> of the same
    model that only sets fields not set before completes the record (e.g. the
    second half of a circular reference, or a value only known after a
    <function>): that is an update, not a second definition. Anything else
    (CSV rows, templates, a field set twice) is."""
    _where, tag, model, fields = occurrences[0]
    fields = set(fields)
    for _where, later_tag, later_model, later_fields in occurrences[1:]:
        if "csv" in (tag, later_tag) or later_tag != "record" or later_model != model or fields & later_fields:
            return True
        fields |= later_fields
    return False


def test_no_xml_id_defined_twice():
    twice = {xml_id: [occ[0] for occ in occurrences]
             for xml_id, occurrences in xml_id_occurrences().items() if defined_twice(occurrences)}
    assert not twice, "XML ids defined more than once (a later <record> may only add fields " \
        "the first one did not set):\n" + "\n".join(
        f"  {xml_id}: {', '.join(places)}" for xml_id, places in sorted(twice.items()))


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
