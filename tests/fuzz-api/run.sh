#!/usr/bin/env bash
# Property-based fuzzing of the JSON API: schemathesis against the server's own OpenAPI document.
#
# Starts `metiers serve --demo` on a fresh SQLite database in a temporary folder (API rate limits
# off), creates an API token with every scope (`metiers token create`), then runs schemathesis
# (the version pinned in requirements.txt, installed once in a cached venv, with hooks.py) over
# every operation of /api/openapi.json, each request carrying `Authorization: Bearer <token>`.
# Every response is checked: no 5xx (not_a_server_error), and the status code, content type,
# headers and body the document declares for it. Fails (exit 1, last line `fuzz-api: FAILED: ...`)
# on any failure or error schemathesis reports, or when it generated fewer than
# FUZZ_API_MIN_CASES cases; the last line is `fuzz-api: OK: cases=N ...` otherwise.
#
# Run (after `cargo build` or the test run, which build target/debug/metiers):
#   bash tests/fuzz-api/run.sh [EXTRA SCHEMATHESIS OPTIONS, e.g. --include-path-regex /offers]
#
# Environment (all optional):
#   METIERS_BIN             binary to test ($CARGO_TARGET_DIR/debug/metiers, else target/debug/metiers;
#                           relative to the repo root)
#   FUZZ_API_EXAMPLES       cases per operation in the fuzzing phase (200)
#   FUZZ_API_MIN_CASES      fail below this many cases in all (2000)
#   FUZZ_API_SEED           schemathesis seed: the same seed sends the same cases (20261201)
#   FUZZ_API_WORKERS        concurrent schemathesis workers (2)
#   FUZZ_API_PHASES         schemathesis phases (examples,coverage,fuzzing; add stateful to try it)
#   FUZZ_API_TIMEOUT        seconds each request may take (20)
#   FUZZ_API_PORT           port the server listens on (a free one)
#   FUZZ_API_READY_TIMEOUT  seconds to wait for /readyz to answer 200 (120)
#   FUZZ_API_REPORT_DIR     where the reports go: schemathesis.log, junit.xml, report.json,
#                           events.ndjson, openapi.json, server.log (target/fuzz-api)
#   FUZZ_API_VENV           schemathesis' venv, rebuilt when requirements.txt or the Python
#                           version changes (${XDG_CACHE_HOME:-$HOME/.cache}/metiers/schemathesis-venv)
#   FUZZ_API_PYTHON         Python that makes the venv (python3)
#   FUZZ_API_KEEP=1         keep the temporary folder (database, media, mails) and say where
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HERE=$ROOT/tests/fuzz-api

BIN=${METIERS_BIN:-${CARGO_TARGET_DIR:-target}/debug/metiers}
[[ $BIN == /* ]] || BIN=$ROOT/$BIN
EXAMPLES=${FUZZ_API_EXAMPLES:-200}
MIN_CASES=${FUZZ_API_MIN_CASES:-2000}
SEED=${FUZZ_API_SEED:-20261201}
WORKERS=${FUZZ_API_WORKERS:-2}
PHASES=${FUZZ_API_PHASES:-examples,coverage,fuzzing}
REQUEST_TIMEOUT=${FUZZ_API_TIMEOUT:-20}
READY_TIMEOUT=${FUZZ_API_READY_TIMEOUT:-120}
REPORT_DIR=${FUZZ_API_REPORT_DIR:-$ROOT/target/fuzz-api}
[[ $REPORT_DIR == /* ]] || REPORT_DIR=$ROOT/$REPORT_DIR
VENV=${FUZZ_API_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/metiers/schemathesis-venv}
PYTHON=${FUZZ_API_PYTHON:-python3}

TMP=""
SERVER_PID=""
FAILURE="a command failed (output above)"
SUMMARY=""
started=$SECONDS

say() { echo "fuzz-api: $*"; }
fail() {
  FAILURE=$*
  exit 1
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$TMP" ] && [ -f "$TMP/server.log" ]; then
    cp "$TMP/server.log" "$REPORT_DIR/server.log" 2>/dev/null || true
    if [ "$rc" -ne 0 ]; then
      if grep -qE ' (WARN|ERROR) ' "$TMP/server.log"; then
        echo "----- the server's last warnings and errors -----"
        grep -E ' (WARN|ERROR) ' "$TMP/server.log" | tail -n 30
      fi
      echo "----- last lines of the server log ($REPORT_DIR/server.log) -----"
      tail -n 15 "$TMP/server.log"
      echo "-----"
    fi
  fi
  if [ -n "$TMP" ]; then
    if [ "${FUZZ_API_KEEP:-}" = 1 ]; then say "kept $TMP"; else rm -rf "$TMP"; fi
  fi
  if [ "$rc" -eq 0 ]; then
    say "OK: $SUMMARY ($((SECONDS - started)) s)"
  else
    say "FAILED: $FAILURE"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'FAILURE=interrupted; exit 130' INT
trap 'FAILURE=terminated; exit 143' TERM

[ -x "$BIN" ] || fail "no metiers binary at $BIN: build it first (cargo build), or set METIERS_BIN"

# --- schemathesis, in a venv kept between runs -------------------------------------------------
# ST is the command that runs schemathesis' CLI.
install_schemathesis() {
  local requirements=$HERE/requirements.txt python_version want stamp
  command -v "$PYTHON" >/dev/null 2>&1 ||
    fail "no $PYTHON to install schemathesis with (set FUZZ_API_PYTHON)"
  python_version=$("$PYTHON" -c 'import sys; print(sys.version.split()[0])')
  want="$(sha256sum "$requirements" | cut -d' ' -f1) python $python_version"
  stamp=$VENV/.metiers-requirements
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    if [ -x "$VENV/bin/python" ]; then
      ST=("$VENV/bin/python" -m schemathesis.cli)
    else
      ST=(env "PYTHONPATH=$VENV/site" "$PYTHON" -m schemathesis.cli)
    fi
    return
  fi
  say "installing $(tr -d '\n' <"$requirements") into $VENV"
  rm -rf "$VENV"
  mkdir -p "$(dirname "$VENV")"
  if ! "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
    rm -rf "$VENV"
    # Debian's python3 makes venvs only with python3-venv.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      say "python3 -m venv failed: installing python3-venv"
      {
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      } >/dev/null 2>&1 || true
    fi
  fi
  if [ -d "$VENV" ] || "$PYTHON" -m venv "$VENV" >/dev/null 2>&1; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" ||
      fail "pip could not install $requirements into $VENV"
    ST=("$VENV/bin/python" -m schemathesis.cli)
  else
    # No venv to be had: the packages in a folder of their own, on PYTHONPATH.
    rm -rf "$VENV"
    say "no venv with $PYTHON: installing with pip --target $VENV/site"
    PIP_ROOT_USER_ACTION=ignore "$PYTHON" -m pip install -q --disable-pip-version-check \
      --target "$VENV/site" -r "$requirements" ||
      fail "pip could not install $requirements into $VENV/site"
    ST=(env "PYTHONPATH=$VENV/site" "$PYTHON" -m schemathesis.cli)
  fi
  echo "$want" >"$stamp"
}
ST=()
install_schemathesis
ST_PYTHON=${ST[-3]} # the Python that runs schemathesis, for the small helpers below
st_version=$("${ST[@]}" --version 2>&1) || fail "schemathesis does not run: $st_version"
say "schemathesis ${st_version##* } from $VENV"

# --- the server ---------------------------------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/metiers-fuzz-api.XXXXXX")
mkdir -p "$REPORT_DIR"
rm -f "$REPORT_DIR"/{schemathesis.log,junit.xml,report.json,events.ndjson,openapi.json,server.log}
free_port='import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
PORT=${FUZZ_API_PORT:-$("$ST_PYTHON" -c "$free_port")}
BASE=http://127.0.0.1:$PORT
export METIERS_DATABASE_URL="sqlite://$TMP/fuzz.db?mode=rwc"
export METIERS_DATA_DIR=$TMP/data
export METIERS_BIND=127.0.0.1:$PORT
export METIERS_BASE_URL=$BASE
export METIERS_API_RATE_LIMIT_PER_MINUTE=0
export METIERS_LOG_FORMAT=text
export NO_COLOR=1 # a plain server log

say "starting $BIN serve --demo on $BASE (in $TMP)"
(cd "$TMP" && exec "$BIN" serve --demo) >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
server_started=$SECONDS
deadline=$((SECONDS + READY_TIMEOUT))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/readyz" || true)" = 200 ]; do
  kill -0 "$SERVER_PID" 2>/dev/null || fail "the server exited during start-up (log above)"
  [ "$SECONDS" -lt "$deadline" ] || fail "$BASE/readyz did not answer 200 within $READY_TIMEOUT s"
  sleep 1
done
say "server ready after $((SECONDS - server_started)) s"

status=$(curl -s -o "$TMP/openapi.json" -w '%{http_code}' --max-time 30 "$BASE/api/openapi.json" || true)
[ "$status" = 200 ] || fail "$BASE/api/openapi.json answered $status, not 200"
cp "$TMP/openapi.json" "$REPORT_DIR/openapi.json"
operations=$("$ST_PYTHON" -c '
import json, sys
doc = json.load(open(sys.argv[1]))
methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
print(sum(1 for item in doc.get("paths", {}).values() for m in item if m in methods))
' "$TMP/openapi.json") || fail "$BASE/api/openapi.json is not JSON"
say "the OpenAPI document has $operations operations"

# --- the token ----------------------------------------------------------------------------------
token=$(cd "$TMP" && "$BIN" token create --tenant interieur --name fuzz \
  --scope offers:write --scope applications:read --scope applications:write 2>"$TMP/token.err") ||
  fail "metiers token create failed: $(tail -n 1 "$TMP/token.err")"
[[ $token =~ ^[[:graph:]]+$ ]] || fail "metiers token create did not print one token on one line"

# --- schemathesis -------------------------------------------------------------------------------
mkdir -p "$TMP/schemathesis" # its .hypothesis and .schemathesis caches go there, not in the repo
color=--no-color
[ -t 1 ] && color=--force-color
checks=not_a_server_error,status_code_conformance,content_type_conformance
checks+=,response_headers_conformance,response_schema_conformance
reports=junit,json,ndjson
args=(
  run "$BASE/api/openapi.json"
  --header "Authorization: Bearer $token"
  --checks "$checks"
  --phases "$PHASES"
  --max-examples "$EXAMPLES"
  --continue-on-failure
  --seed "$SEED"
  --generation-database none
  --workers "$WORKERS"
  --request-timeout "$REQUEST_TIMEOUT"
  --report "$reports"
  --report-dir "$REPORT_DIR"
  --report-junit-path "$REPORT_DIR/junit.xml"
  --report-json-path "$REPORT_DIR/report.json"
  --report-ndjson-path "$REPORT_DIR/events.ndjson"
)
say "schemathesis ${args[*]//"$token"/<token>} $*"
set +e
(
  cd "$TMP/schemathesis"
  export SCHEMATHESIS_HOOKS=$HERE/hooks.py PYTHONDONTWRITEBYTECODE=1
  exec "${ST[@]}" "$color" "${args[@]}" "$@"
) 2>&1 | tee "$REPORT_DIR/schemathesis.log"
st_rc=${PIPESTATUS[0]}
set -e
kill -0 "$SERVER_PID" 2>/dev/null || fail "the server died during the run (log above)"
[ -f "$REPORT_DIR/report.json" ] || fail "schemathesis exited with $st_rc and wrote no report (output above)"

echo
set +e
"$ST_PYTHON" "$HERE/summary.py" "$REPORT_DIR/report.json" "$REPORT_DIR/events.ndjson" "$MIN_CASES" |
  tee "$TMP/summary.txt"
summary_rc=${PIPESTATUS[0]}
set -e
SUMMARY=$(tail -n 1 "$TMP/summary.txt")
problems=$(grep -c '^problem: ' "$TMP/summary.txt" || true)
first=$(grep -m 1 '^problem: ' "$TMP/summary.txt" | cut -c 10- || true)
[ "$summary_rc" -eq 0 ] ||
  fail "$SUMMARY; $problems problem(s), the first: $first (reports in $REPORT_DIR)"
[ "$st_rc" -eq 0 ] || fail "schemathesis exited with $st_rc: $SUMMARY (output above, reports in $REPORT_DIR)"
