# What the benchmark scripts share; sourced by each of them after `set -euo pipefail`.
#
# Sets ROOT (the work tree), BIN (METIERS_BIN or target/release/metiers) and ADMIN_URL
# (METIERS_TEST_POSTGRES_URL or the local server), and defines the helpers below.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="${METIERS_BIN:-$ROOT/target/release/metiers}"
ADMIN_URL="${METIERS_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

say() { printf 'bench: %s\n' "$*" >&2; }
die() { printf 'bench: error: %s\n' "$*" >&2; exit 1; }

# positive_integers NAME…: dies unless each named variable holds a positive integer.
positive_integers() {
  local v
  for v in "$@"; do
    [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer (got '${!v}')"
  done
}

# known_backends LIST: dies unless each word of LIST is sqlite or postgres.
known_backends() {
  local backend
  for backend in $1; do
    [[ "$backend" == sqlite || "$backend" == postgres ]] || die "unknown backend '$backend'"
  done
}

# need_postgres: dies unless psql is installed and the server at ADMIN_URL answers.
need_postgres() {
  command -v psql >/dev/null || die "psql is required for PostgreSQL (apt-get install postgresql-client)"
  psql "$ADMIN_URL" -qAtc 'SELECT 1' >/dev/null || die "PostgreSQL does not answer at $ADMIN_URL"
}

# need_binary: builds the release binary when BIN is missing (unless METIERS_BIN named it).
need_binary() {
  if [[ ! -x "$BIN" ]]; then
    [[ -z "${METIERS_BIN:-}" ]] || die "METIERS_BIN=$BIN is not an executable"
    command -v cargo >/dev/null || die "$BIN is missing and cargo is not installed"
    say "$BIN is missing: cargo build --release (this can take a while)"
    (cd "$ROOT" && cargo build --release --bin metiers) >&2
    [[ -x "$BIN" ]] || die "cargo build succeeded but $BIN does not exist"
  fi
}

# server_sandbox NAME: a temporary folder (TMP), a loopback address (PORT, BASE) and, on exit,
# the server stopped (SERVER_PID), the PostgreSQL database dropped (PG_DB) and TMP removed.
server_sandbox() {
  TMP="$(mktemp -d -t "metiers-$1.XXXXXX")"
  SERVER_PID=""
  PG_DB=""
  PORT=$((20000 + RANDOM % 30000))
  BASE="http://127.0.0.1:$PORT"
  trap leave_sandbox EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

leave_sandbox() {
  local status=$?
  set +e
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n "$PG_DB" ]] && psql "$ADMIN_URL" -qAtc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1
  if ((status != 0)) && [[ -s "$TMP/server.log" ]]; then
    say "last lines of the server's log:"
    tail -n 20 "$TMP/server.log" >&2
  fi
  rm -rf "$TMP"
  exit "$status"
}

# start_server [serve args…]: starts the portal in TMP and waits for /healthz.
start_server() {
  (cd "$TMP" && exec "$BIN" serve "$@") >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null --max-time 2 "$BASE/healthz" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || die "metiers serve exited before answering"
    sleep 0.5
  done
  die "/healthz did not answer within 120 s"
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# use_database BACKEND NAME: points METIERS_DATABASE_URL at an empty database of BACKEND
# (a SQLite file in TMP, or PostgreSQL database NAME, created and kept in PG_DB).
use_database() {
  case "$1" in
    sqlite) export METIERS_DATABASE_URL="sqlite://$TMP/bench.db?mode=rwc" ;;
    postgres)
      PG_DB="$2"
      psql "$ADMIN_URL" -qAtc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
      psql "$ADMIN_URL" -qAtc "CREATE DATABASE $PG_DB" >/dev/null
      export METIERS_DATABASE_URL="${ADMIN_URL%/*}/$PG_DB"
      ;;
  esac
}
