#!/usr/bin/env bash
# The whole test suite, from a clean Debian machine with the .NET SDK:
#   1. installs PostgreSQL from Debian's packages when it is missing,
#   2. starts a throwaway PostgreSQL cluster on a private port (removed on exit),
#   3. runs every test project on SQLite, then the HTTP suite again on PostgreSQL,
#   4. prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

PG_PORT="${LINLI_TEST_PG_PORT:-55432}"
source scripts/lib/postgres.sh
start_throwaway_postgres "$PG_PORT"
# The browser tests (tests/Linli.E2E.Tests, in the SQLite pass) drive Debian's Chromium; without the CJK font Chinese renders as boxes.
need_package /usr/bin/chromium chromium fonts-wqy-microhei
need_package /usr/share/fonts/truetype/wqy/wqy-microhei.ttc fonts-wqy-microhei
# The web build restores its front-end packages with npm (src/Linli.Web/FrontEnd.targets).
need_package npm nodejs npm
export LINLI_TEST_POSTGRES="$LINLI_PG"

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
    skipped += int(c.get("total")) - int(c.get("executed"))  # xUnit's skipped tests are not counted as notExecuted
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$RESULTS"
exit $status
