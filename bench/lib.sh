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
# the server and nginx stopped (SERVER_PID, NGINX_PID), the PostgreSQL database dropped (PG_DB)
# and TMP removed.
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
  [[ -n "${NGINX_PID:-}" ]] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
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

# times URL: one line per request, curl's total time in ms.
times() {
  local url=$1 i
  for ((i = 0; i < ROUNDS; i++)); do
    curl -sS -o /dev/null --max-time 60 -w '%{time_total}\n' "$url" | awk '{ printf "%.3f\n", $1 * 1000 }'
  done
}

# percentiles: p50 p95 p99 of the numbers on stdin.
percentiles() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- - -"; exit }
    split("50 95 99", ps, " ")
    for (i = 1; i <= 3; i++) { k = int((ps[i] / 100) * NR + 0.999); if (k < 1) k = 1; if (k > NR) k = NR; printf "%.2f ", v[k] }
    print ""
  }'
}

# need_tools TOOL…: installs the missing ones with apt-get (as root), else dies naming them.
need_tools() {
  PATH="$PATH:/usr/sbin:/sbin"
  local tool missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  if ((${#missing[@]})); then
    [[ "$(id -u)" == 0 ]] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
    say "installing ${missing[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq "${missing[@]}" >&2
  fi
  command -v timeout >/dev/null || die "timeout (coreutils) is required"
}

# start_nginx DOCROOT PORT: nginx on 127.0.0.1:PORT serving DOCROOT's files as they are, or
# their precompressed .gz beside them to clients that accept gzip (gzip_static); sets
# NGINX_PID, whose process the caller stops. Its files live in TMP/nginx.
start_nginx() {
  local docroot=$1 port=$2 dir="$TMP/nginx"
  mkdir -p "$dir"
  # nginx workers started by root run as nobody: they must be able to read the document root.
  chmod 711 "$TMP"
  chmod 755 "$docroot"
  chmod 644 "$docroot"/*
  cat >"$dir/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  types { application/json json; }
  sendfile on;
  tcp_nopush on;
  gzip_static on;
  keepalive_requests 1000000;
  client_body_temp_path $dir/client_body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server {
    listen 127.0.0.1:$port;
    root $docroot;
    location / { try_files \$uri =404; }
  }
}
EOF
  nginx -t -q -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" 2>"$TMP/nginx-t.log" ||
    { cat "$TMP/nginx-t.log" >&2; die "nginx rejected its configuration"; }
  nginx -p "$dir" -e "$dir/error.log" -c "$dir/nginx.conf" &
  NGINX_PID=$!
  for _ in $(seq 1 40); do
    curl -sS -o /dev/null --max-time 2 "http://127.0.0.1:$port/" 2>/dev/null && return 0
    kill -0 "$NGINX_PID" 2>/dev/null || die "nginx exited at start"
    sleep 0.25
  done
  die "nginx did not answer within 10 s"
}

# to_ms VALUE: a wrk latency (e.g. 850.00us, 1.23ms, 1.05s, 2.00m) in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    else if (u != "ms") { print "?"; exit }
    printf "%.2f", n }'
}

# run_wrk URL LABEL [wrk options…]: a WARMUP-second warm-up, then DURATION seconds with
# THREADS threads and CONNECTIONS connections; prints "req_per_s p50_ms p99_ms" and keeps
# wrk's output in TMP/wrk-LABEL.txt.
run_wrk() {
  local url="$1" label="$2" out rps p50 p99 errors
  shift 2
  timeout $((WARMUP + 15)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$@" "$url" >/dev/null 2>&1 || true
  out="$(timeout $((DURATION + 20)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" "$url")" ||
    die "wrk failed or timed out on $label ($url)"
  printf '%s\n' "$out" >"$TMP/wrk-$label.txt"
  rps="$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")"
  p50="$(awk '$1 == "50%" { print $2 }' <<<"$out")"
  p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
  [[ -n "$rps" && -n "$p50" && -n "$p99" ]] || { printf '%s\n' "$out" >&2; die "cannot parse wrk output for $label"; }
  errors="$(awk '/Non-2xx or 3xx responses:/ { print $NF } /Socket errors:/ { print }' <<<"$out")"
  [[ -z "$errors" ]] || say "warning: $label: $(tr '\n' ' ' <<<"$errors")"
  printf '%s %s %s\n' "$rps" "$(to_ms "$p50")" "$(to_ms "$p99")"
}
