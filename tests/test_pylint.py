"""pylint with pylint-odoo over the addons, configured by the repository's
.pylintrc: error- and fatal-level messages fail the test; warnings and
conventions are printed for information (pytest shows them with -rP or on failure)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent.name for path in ROOT.glob("*/__manifest__.py"))


def test_pylint_odoo_finds_no_errors():
    run = subprocess.run(
        [sys.executable, "-m", "pylint", "--rcfile", str(ROOT / ".pylintrc"),
         "--output-format=json", *ADDONS],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    try:
        messages = json.loads(run.stdout or "[]")
    except json.JSONDecodeError:
        raise AssertionError(f"pylint did not run (exit {run.returncode}):\n{run.stdout}\n{run.stderr}") from None
    assert run.returncode < 32, f"pylint failed to run (exit {run.returncode}):\n{run.stderr}"

    def line(msg):
        return f"{msg['path']}:{msg['line']}: {msg['message-id']} {msg['message']} ({msg['symbol']})"

    for msg in messages:
        if msg["type"] not in ("error", "fatal"):
            print(line(msg))
    errors = [line(msg) for msg in messages if msg["type"] in ("error", "fatal")]
    assert not errors, "pylint errors:\n" + "\n".join(errors)
