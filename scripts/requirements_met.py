#!/usr/bin/env python3
"""Exit 0 if every requirement of the given pip requirements files is installed
in this Python (markers evaluated, versions checked), so that scripts/setup can
skip pip, which takes many seconds even when nothing is to do. Prints the
unmet requirements. Understands plain requirement lines only (no -r, -e, URLs)."""
import sys
from importlib.metadata import PackageNotFoundError, version

try:
    from packaging.requirements import InvalidRequirement, Requirement
except ImportError:  # pip always vendors it
    from pip._vendor.packaging.requirements import InvalidRequirement, Requirement


def unmet(path):
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.split(" #")[0].strip()
            if not line or line.startswith("#"):
                continue
            try:
                req = Requirement(line)
            except InvalidRequirement:
                yield f"{line} (not understood)"
                continue
            if req.marker and not req.marker.evaluate():
                continue
            try:
                installed = version(req.name)
            except PackageNotFoundError:
                yield f"{req} (not installed)"
                continue
            if req.specifier and not req.specifier.contains(installed, prereleases=True):
                yield f"{req} (installed: {installed})"


missing = [item for path in sys.argv[1:] for item in unmet(path)]
print("\n".join(missing))
sys.exit(1 if missing else 0)
