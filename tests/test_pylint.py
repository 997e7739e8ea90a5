"""pylint with pylint-odoo over the addons, configured by the repository's
.pylintrc (OCA's checks, see there): ANY message fails the test, as in an OCA
repository's pre-commit. The same run is a hook of .pre-commit-config.yaml;
this test names the messages one by one."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent.name for path in ROOT.glob("*/__manifest__.py"))


def test_pylint_odoo_reports_nothing():
    run = subprocess.run(
        [sys.executable, "-m", "pylint", "--rcfile", str(ROOT / ".pylintrc"),
         "--output-format=json", *ADDONS],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    try:
        messages = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        raise AssertionError(f"pylint did not run (exit {run.returncode}):\n{run.stdout}\n{run.stderr}") from None
    # pylint's exit status is a bit field; 32 means a usage error (e.g. a bad .pylintrc).
    assert run.returncode < 32, f"pylint failed to run (exit {run.returncode}):\n{run.stderr}"
    found = [f"{msg['path']}:{msg['line']}: {msg['message-id']} {msg['message']} ({msg['symbol']})"
             for msg in messages]
    assert not found, f"pylint-odoo reports {len(found)} message(s) (.pylintrc):\n" + "\n".join(found)
