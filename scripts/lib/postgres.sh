# Sourced by scripts/test.sh and bench/run.sh: install PostgreSQL from Debian's packages when missing, and start a
# throwaway cluster on a private port that is removed when the calling script exits.
#   start_throwaway_postgres <port> [durable]   → exports LINLI_PG (an Npgsql connection string to the "postgres" database)
# Tests run without fsync (nothing to keep); "durable" (the intake benchmark) keeps PostgreSQL's production defaults, so a
# COMMIT waits for its WAL flush as it would in a deployment, with the one setting README.md recommends for production
# (random_page_cost for data in memory or on SSD).
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=""
need_package() { # need_package <command-or-path> <debian-package...>
  local probe="$1"; shift
  if [ -e "$probe" ] || command -v "$probe" >/dev/null 2>&1; then return 0; fi
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_throwaway_postgres() {
  local port="$1" speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${2:-}" = durable ] && speed="-c random_page_cost=1.1"
  if [ -z "$(pg_bin)" ]; then need_package /nonexistent-postgres postgresql; fi
  PG_BIN="$(pg_bin)"
  # A private cluster owned by the postgres user (PostgreSQL refuses to run as root).
  PG_DIR="$(mktemp -d /tmp/linli-pg.XXXXXX)"
  chmod 755 "$PG_DIR"
  PG_USER=postgres
  id "$PG_USER" >/dev/null 2>&1 || as_root useradd --system --no-create-home "$PG_USER"
  [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$PG_DIR"
  trap stop_throwaway_postgres EXIT
  run_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U linli --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 $speed -c max_connections=300" start >/dev/null
  export LINLI_PG="Host=127.0.0.1;Port=$port;Username=linli;Database=postgres;Pooling=true;Maximum Pool Size=100"
}

run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi; }

stop_throwaway_postgres() {
  [ -n "${PG_DIR:-}" ] || return 0
  run_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
