# Shared by scripts/setup, scripts/run and scripts/test; sourced, not executed.
# shellcheck shell=bash disable=SC2034  # variables used by the scripts that source it

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The Python that runs Odoo; scripts/setup makes Odoo importable in it. Default:
# the project's .venv if setup made one (system Python under PEP 668), else python3.
PYTHON_GIVEN="${PYTHON:+1}"
if [ -z "${PYTHON:-}" ]; then
    if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi
# The Odoo configuration every script uses; its paths are relative to $ROOT.
ODOO_CONF="${ODOO_CONF:-$ROOT/odoo.conf}"
# The addons of this repository: every folder at its top with a manifest.
mapfile -t ADDONS < <(cd "$ROOT" && for manifest in */__manifest__.py; do dirname "$manifest"; done | sort)

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

join_by() { local IFS="$1"; shift; echo "$*"; }

# Odoo itself, run from the repository root so relative paths in odoo.conf
# resolve there.
odoo_cmd() { (cd "$ROOT" && exec "$PYTHON" "$ROOT/scripts/odoo" "$@"); }

# Exit status 0 if the database exists (connection settings from odoo.conf).
db_exists() {
    "$PYTHON" - "$ODOO_CONF" "$1" <<'EOF'
import sys
from odoo.tools import config
config.parse_config(["-c", sys.argv[1]])
from odoo.service.db import exp_db_exist
sys.exit(0 if exp_db_exist(sys.argv[2]) else 1)
EOF
}

# Prints the given modules that are not installed in the database, one a line.
modules_missing() {
    local db="$1"; shift
    "$PYTHON" - "$ODOO_CONF" "$db" "$@" <<'EOF'
import sys
from odoo.tools import config
config.parse_config(["-c", sys.argv[1]])
import odoo.sql_db
wanted = sys.argv[3:]
with odoo.sql_db.db_connect(sys.argv[2]).cursor() as cr:
    cr.execute("SELECT to_regclass('ir_module_module')")
    installed = set()
    if cr.fetchone()[0]:
        cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' AND name = ANY(%s)", [wanted])
        installed = {name for name, in cr.fetchall()}
print("\n".join(m for m in wanted if m not in installed))
EOF
}

# A TCP port nobody listens on right now.
free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
