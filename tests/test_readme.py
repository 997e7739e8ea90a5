"""Each addon's README.rst is the one OCA's oca-gen-addon-readme makes from its
readme/ fragments and manifest (scripts/readme): regenerated from copies in a
temporary folder and compared, so that an edited fragment without a regenerated
README.rst (or a README.rst edited by hand) fails. The source digest line is
left out of the comparison: it hashes the whole manifest, so a manifest change
that does not show in the README (the order of the data files) changes it alone,
and OCA's own pre-commit hook keeps it (--keep-source-digest) in that case."""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent for path in ROOT.glob("*/__manifest__.py"))
ADDON_IDS = [addon.name for addon in ADDONS]


def without_digest(text):
    return [line for line in text.splitlines() if "source digest:" not in line]


@pytest.mark.parametrize("addon", ADDONS, ids=ADDON_IDS)
def test_readme_rst_is_generated_from_the_fragments(addon, tmp_path):
    readme = addon / "README.rst"
    assert readme.is_file(), f"{addon.name}: README.rst is missing: run scripts/readme"
    copy = tmp_path / addon.name
    copy.mkdir()
    shutil.copy(addon / "__manifest__.py", copy)
    shutil.copytree(addon / "readme", copy / "readme")
    run = subprocess.run([str(ROOT / "scripts/readme"), str(copy)], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, f"oca-gen-addon-readme failed on {addon.name}:\n{run.stdout}\n{run.stderr}"
    expected = without_digest((copy / "README.rst").read_text(encoding="utf-8"))
    assert without_digest(readme.read_text(encoding="utf-8")) == expected, \
        f"{addon.name}/README.rst differs from its readme/ fragments: run scripts/readme and commit the result"
