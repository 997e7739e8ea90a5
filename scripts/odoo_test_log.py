#!/usr/bin/env python3
"""Reads the log of an Odoo test run (`--test-enable --log-level=info`) and says
whether it is clean. Used by scripts/test.

Prints the problems found, then a last line `passed=N failed=M`:
- passed: tests started that neither failed, erred nor were skipped;
- failed: failures and errors of Odoo's summary, every skipped test (a skip
  hides a test that did not run: a browser tour without Chrome or
  websocket-client, for instance), plus one for each failed check: no test
  summary, zero tests, warnings or errors logged outside a test failure.
Exit status 1 if anything failed.

Usage: odoo_test_log.py LOGFILE [ODOO_EXIT_STATUS]
"""
import re
import sys

# Odoo's log format: `2025-01-31 12:00:00,123 4242 INFO dbname logger.name: message`
LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ "
    r"(?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL|TEST|\?) (?P<db>\S+) (?P<logger>\S+): (?P<msg>.*)$"
)
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}

# Warnings that come from the machine running the tests, not from the addons.
# Each entry: (logger, regex on the message, why it is harmless). Keep it short.
IGNORED = [
]

# Odoo's own summaries of failures already counted from the test results.
SUMMARIES = [
    ("odoo.modules.loading", re.compile(r"^At least one test failed when loading the modules\.$")),
    ("odoo.modules.loading", re.compile(r"^Module \S+: \d+ failures, \d+ errors of \d+ tests$")),
]
RESULT = re.compile(r"^(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests when loading database")
STARTED = re.compile(r"^Starting (?P<test>\S+) \.\.\.")
FAILED = re.compile(r"^(?P<kind>FAIL|ERROR): (?:Subtest )?(?P<test>[\w.]+)")
SKIPPED = re.compile(r"^skipped (?P<test>.+?) : (?P<reason>.*)$")


def analyse(lines):
    started, broken, skipped, bad, result = set(), set(), [], [], None
    for line in lines:
        match = LINE.match(line.rstrip("\n"))
        if not match:
            continue  # a traceback or another continuation line
        level, logger, msg = match["level"], match["logger"], match["msg"]
        if logger == "odoo.tests.result" and (res := RESULT.match(msg)):
            result = {key: int(value) for key, value in res.groupdict().items()}
            continue
        if level == "INFO" and (m := STARTED.match(msg)):
            started.add((logger, m["test"]))
        elif level == "INFO" and (m := SKIPPED.match(msg)):
            skipped.append((logger, m["test"], m["reason"]))
            broken.add((logger, m["test"]))
        elif level == "ERROR" and (m := FAILED.match(msg)):
            broken.add((logger, m["test"]))
        elif level in BAD_LEVELS:
            if any(lg == logger and rx.search(msg) for lg, rx in SUMMARIES):
                continue
            if any(lg == logger and re.search(rx, msg) for lg, rx, _why in IGNORED):
                continue
            bad.append(f"{level} {logger}: {msg}")
    return started, broken, skipped, bad, result


def main():
    path = sys.argv[1]
    exit_status = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    with open(path, encoding="utf-8", errors="replace") as log:
        started, broken, skipped, bad, result = analyse(log)

    failed, problems = 0, []
    if result is None:
        failed += 1
        problems.append("no test summary in the log: Odoo stopped before the tests ended (see the log)")
    else:
        failed += result["failed"] + result["errors"]
        if result["failed"] or result["errors"]:
            problems.append(f"{result['failed']} test(s) failed, {result['errors']} error(s) "
                            "(FAIL:/ERROR: lines in the log)")
        if result["run"] == 0:
            failed += 1
            problems.append("zero Odoo tests ran: the addons' tests/ are missing, not imported in "
                            "tests/__init__.py, or not tagged")
    if skipped:
        failed += len(skipped)
        problems.append(f"{len(skipped)} test(s) skipped; every test must run:")
        for logger, test, reason in skipped:
            problems.append(f"  {logger} {test}: {reason}")
            if re.search(r"chrome|websocket", reason, re.I):
                problems.append("    browser tests need Chromium and the websocket-client package: run scripts/setup")
    if bad:
        failed += 1
        problems.append(f"{len(bad)} warning/error line(s) in the log:")
        problems.extend(f"  {line[:300]}" for line in bad[:40])
        if len(bad) > 40:
            problems.append(f"  ... and {len(bad) - 40} more")
    if exit_status and not failed:
        failed += 1
        problems.append(f"Odoo exited with status {exit_status}")

    for problem in problems:
        print(problem)
    passed = len(started - broken)
    print(f"passed={passed} failed={failed}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
