#!/usr/bin/env bash
# Runs the benchmarks that need the host or a database: builds the host in Release, starts a throwaway PostgreSQL,
# and prints the figures. Usage: bash bench/run.sh [intake|classifier|all]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/postgres.sh
what="${1:-intake}"
if [ "$what" = intake ] || [ "$what" = all ]; then
  # Production durability (fsync, synchronous commit) unless LINLI_BENCH_PG_FAST=1 asks for the test suite's settings.
  start_throwaway_postgres "${LINLI_BENCH_PG_PORT:-55460}" "$([ "${LINLI_BENCH_PG_FAST:-}" = 1 ] || echo durable)"
  dotnet build src/Linli.Web -c Release -nologo -v quiet
  dotnet run -c Release --project bench/Linli.Bench.Intake -- --web src/Linli.Web/bin/Release/net10.0/Linli.Web.dll --postgres "$LINLI_PG" "${@:2}"
fi
if [ "$what" = classifier ] || [ "$what" = all ]; then
  dotnet run -c Release --project bench/Linli.Bench.Classifier
fi
