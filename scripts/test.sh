#!/usr/bin/env bash
# The whole test suite, from a clean Debian machine with the .NET SDK:
#   1. installs PostgreSQL from Debian's packages when it is missing,
#   2. starts a throwaway PostgreSQL cluster on a private port (removed on exit),
#   3. runs every test project on SQLite, then the HTTP suite again on PostgreSQL,
#   4. prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT="${LINLI_TEST_PG_PORT:-55432}"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
need_package() { # need_package <command-or-path> <debian-package...>
  local probe="$1"; shift
  if [ -e "$probe" ] || command -v "$probe" >/dev/null 2>&1; then return 0; fi
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then need_package /nonexistent-postgres postgresql; fi
PG_BIN="$(pg_bin)"
# The browser tests (tests/Linli.E2E.Tests, in the SQLite pass) drive Debian's Chromium; without the CJK font Chinese renders as boxes.
need_package /usr/bin/chromium chromium fonts-wqy-microhei
need_package /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei

# A private cluster owned by the postgres user (PostgreSQL refuses to run as root).
PG_DIR="$(mktemp -d /tmp/linli-pg.XXXXXX)"
chmod 755 "$PG_DIR"
PG_USER=postgres
id "$PG_USER" >/dev/null 2>&1 || as_root useradd --system --no-create-home "$PG_USER"
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$PG_DIR"
cleanup() {
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U linli --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
export LINLI_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=linli;Database=postgres;Pooling=true;Maximum Pool Size=50"

RESULTS="$(mktemp -d /tmp/linli-results.XXXXXX)"
status=0
dotnet build Linli.slnx -c Release -nologo -v quiet || exit 1
LINLI_TEST_POSTGRES="" dotnet test Linli.slnx -c Release --no-build -nologo --logger "trx;LogFilePrefix=sqlite" --results-directory "$RESULTS" || status=1
dotnet test tests/Linli.Web.Tests -c Release --no-build -nologo --logger "trx;LogFilePrefix=postgres" --results-directory "$RESULTS" || status=1

# One closing line over every run, read from the TRX files.
python3 - "$RESULTS" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$RESULTS"
exit $status
