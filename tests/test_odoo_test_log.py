"""The gate of scripts/test: how it reads an Odoo test log."""
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "odoo_test_log.py"
PREFIX = "2025-01-31 12:00:00,123 4242"
CLEAN = [
    f"{PREFIX} INFO db odoo.addons.ashshash_case.tests.test_survivor: Starting TestSurvivor.test_enrol ...",
    f"{PREFIX} INFO db odoo.addons.ashshash_case.tests.test_survivor: Starting TestSurvivor.test_close ...",
]


def report(tmp_path, lines, exit_status=0):
    log = tmp_path / "odoo.log"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), str(log), str(exit_status)],
                         capture_output=True, text=True, check=False)
    return run.returncode, run.stdout.strip().splitlines()


def summary(failed, errors, run):
    return (f"{PREFIX} INFO db odoo.tests.result: {failed} failed, {errors} error(s) "
            f"of {run} tests when loading database 'db'")


def test_a_clean_run_passes(tmp_path):
    status, out = report(tmp_path, [*CLEAN, summary(0, 0, 2)])
    assert (status, out[-1]) == (0, "passed=2 failed=0")


def test_zero_tests_fail(tmp_path):
    line = summary(0, 0, 0).replace(" INFO ", " WARNING ")
    status, out = report(tmp_path, [line])
    assert status == 1 and out[-1] == "passed=0 failed=1"
    assert any("zero Odoo tests" in problem for problem in out)


def test_no_summary_fails(tmp_path):
    status, out = report(tmp_path, CLEAN)
    assert status == 1 and out[-1] == "passed=2 failed=1"


def test_a_failed_test_counts_once(tmp_path):
    lines = [*CLEAN,
             f"{PREFIX} ERROR db odoo.addons.ashshash_case.tests.test_survivor: FAIL: TestSurvivor.test_close",
             "Traceback (most recent call last):",
             f"{PREFIX} ERROR db odoo.modules.loading: At least one test failed when loading the modules.",
             summary(1, 0, 2).replace(" INFO ", " ERROR ")]
    status, out = report(tmp_path, lines)
    assert status == 1 and out[-1] == "passed=1 failed=1"


def test_a_skipped_browser_test_fails(tmp_path):
    logger = "odoo.addons.ashshash_case.tests.test_tour"
    lines = [*CLEAN,
             f"{PREFIX} INFO db {logger}: Starting TestTour.test_enrol_tour ...",
             f"{PREFIX} INFO db {logger}: skipped TestTour.test_enrol_tour : Chrome executable not found",
             summary(0, 0, 3)]
    status, out = report(tmp_path, lines)
    assert status == 1 and out[-1] == "passed=2 failed=1"
    assert any("Chromium" in problem for problem in out)


def test_a_warning_fails(tmp_path):
    lines = [*CLEAN,
             f"{PREFIX} WARNING db odoo.models: ashshash.survivor.foo: unknown parameter 'tracking'",
             summary(0, 0, 2)]
    status, out = report(tmp_path, lines)
    assert status == 1 and out[-1] == "passed=2 failed=1"


def test_odoo_exiting_in_error_fails(tmp_path):
    status, out = report(tmp_path, [*CLEAN, summary(0, 0, 2)], exit_status=1)
    assert status == 1 and out[-1] == "passed=2 failed=1"


def test_every_skipped_test_counts_as_failed(tmp_path):
    logger = "odoo.addons.ashshash_case.tests.test_tour"
    lines = [*CLEAN,
             f"{PREFIX} INFO db {logger}: skipped TestTour.test_a : no websocket-client",
             f"{PREFIX} INFO db {logger}: skipped TestTour.test_b : no websocket-client",
             summary(0, 0, 4)]
    status, out = report(tmp_path, lines)
    assert status == 1 and out[-1] == "passed=2 failed=2"


def test_a_critical_line_fails(tmp_path):
    lines = [*CLEAN, f"{PREFIX} CRITICAL db odoo.service.server: Failed to initialize database `db`.",
             summary(0, 0, 2)]
    status, out = report(tmp_path, lines)
    assert status == 1 and out[-1] == "passed=2 failed=1"
    assert any("CRITICAL odoo.service.server" in problem for problem in out)
