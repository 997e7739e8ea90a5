"""data/reference_figures.json, the reference programme's figures in one place,
without a server: the table of data/README.md shows exactly them, they add up,
and every indicator code they name is defined by an addon (so that renaming a
code shows here, not only in the end-to-end test of the loaded dataset)."""
import json
import re
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
FIGURES = json.loads((ROOT / "data/reference_figures.json").read_text(encoding="utf-8"))

# The rows of data/README.md's table: (codes in the first column, the second column
# with {placeholders} for the figures). Only the words live here; the figures
# come from the file.
ROWS = [
    ("`SURV_ENROLLED`", "{SURV_ENROLLED} survivors identified and enrolled"),
    ("`SURV_ASSESSED`", "{SURV_ASSESSED} needs assessments done"),
    ("`SURV_COUNS_IND`", "{SURV_COUNS_IND} survivors with individual counselling"),
    ("`FAM_MEMBERS_COUNS` / `FAM_FAMILIES_COUNS`",
     "{FAM_MEMBERS_COUNS} family members from {FAM_FAMILIES_COUNS} families"),
    ("`CERT_ISSUED`", "{CERT_ISSUED} ready-to-go certificates"),
    ("`COMM_SESSIONS` / `COMM_PEOPLE`",
     "{COMM_SESSIONS} community sessions, {COMM_PEOPLE} people ({women} women, {men} men)"),
    ("`REF_HEALTH` / `REF_LEGAL`", "{REF_HEALTH} / {REF_LEGAL} survivors referred for health care / legal aid"),
    ("`SUPP_EMERGENCY`",
     "{SUPP_EMERGENCY} survivors with emergency support (health care, trauma counselling, shelter)"),
    ("`CASH_PAID`",
     "{covid} survivors paid in the COVID-19 campaign, {amphan} after cyclone Amphan (one line per campaign)"),
    ("`SUPP_CONTRIBUTED`", "{SUPP_CONTRIBUTED} survivors supported by a private company's contribution"),
    ("`TRAIN_LIFESKILLS` / `TRAIN_LEADERSHIP`", "{TRAIN_LIFESKILLS} / {TRAIN_LEADERSHIP} survivors trained"),
    ("`SUPP_OTHER`", "{SUPP_OTHER} survivors with other support (food, short-term employment, tubewell, "
                     "hygiene kits, financial support)"),
    ("`EVT_<TYPE>_COUNT` / `_PEOPLE`", "{events}"),
]


def figure(value):
    return f"{value:,}"


def expected_rows():
    values = {code: figure(value) for code, value in FIGURES["indicators"].items()}
    values.update({key: figure(value) for key, value in FIGURES["community_people"].items()})
    values.update({key: figure(campaign["survivors"]) for key, campaign in FIGURES["cash_paid_by_campaign"].items()})
    values["events"] = ", ".join(f"{code} {event['events']} ({figure(event['people'])})"
                                 for code, event in FIGURES["events"].items())
    return [f"| {codes} | {text.format(**values)} |" for codes, text in ROWS]


def readme_rows():
    """The rows of the table headed `| code | figure |` in data/README.md."""
    lines = (ROOT / "data/README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| code | figure |") + 2  # after the header and the | --- | line
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_readme_table_shows_the_figures_of_the_file():
    expected, found = expected_rows(), readme_rows()
    assert found == expected, "data/README.md's table differs from data/reference_figures.json; the rows should be:\n" \
        + "\n".join(expected)


def test_figures_add_up():
    ind = FIGURES["indicators"]
    people = FIGURES["community_people"]
    assert ind["COMM_PEOPLE"] == people["women"] + people["men"]
    # The builder gives each family two members or more.
    assert ind["FAM_MEMBERS_COUNS"] >= 2 * ind["FAM_FAMILIES_COUNS"]
    assert ind["SURV_COUNS_IND"] < ind["SURV_ENROLLED"]
    assert ind["CERT_ISSUED"] + FIGURES["not_counted"]["certificates_revoked"] <= ind["SURV_COUNS_IND"]
    for code, event in FIGURES["events"].items():
        assert event["events"] > 0 and event["people"] > 0, code
        assert 0 < event["women_share"] < 1, code
    for day in FIGURES["period"]:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", day)
    assert FIGURES["period"][0] < FIGURES["period"][1]


def test_every_indicator_code_is_defined_by_an_addon():
    defined = set()
    for path in ROOT.glob("ashshash_*/**/*.xml"):
        for field in etree.parse(str(path)).iterfind(".//record[@model='ashshash.indicator']/field[@name='code']"):
            defined.add((field.text or "").strip())
    codes = set(FIGURES["indicators"]) | {"CASH_PAID"}
    for code in FIGURES["events"]:
        codes |= {f"EVT_{code}_COUNT", f"EVT_{code}_PEOPLE"}
    missing = sorted(codes - defined)
    assert not missing, f"indicator codes of data/reference_figures.json that no addon defines: {missing}"
