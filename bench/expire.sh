#!/usr/bin/env bash
# Measures the `expire_offers` job on many due offers in PostgreSQL, against the bare UPDATE
# statement it stands for, run by psql on the same rows in the same run.
#
#   bench/expire.sh
#
# Creates a throw-away database on the PostgreSQL of the tests, seeds the demo ministries and
# copies one offer into BENCH_EXPIRED offers (100 000 by default) whose deadline has passed,
# then alternates, BENCH_ROUNDS times: the reference (psql: the same UPDATE, timed by the
# server's \timing), and ours (`metiers jobs run expire_offers`, timed from its `job_runs`
# row, plus the whole command's wall time). Between runs the offers are put back as
# published and the table vacuumed. Prints medians and ratios; writes bench/out/expire-*.txt.
#
# Env (all optional):
#   METIERS_BIN           the binary (default target/release/metiers, built if missing)
#   BENCH_EXPIRED         offers to expire (default 100000)
#   BENCH_ROUNDS          measured rounds of each (default 3)
#   METIERS_TEST_POSTGRES_URL  a server where databases may be created
#                         (default postgres://postgres@127.0.0.1:5432/postgres)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
EXPIRED="${BENCH_EXPIRED:-100000}"
ROUNDS="${BENCH_ROUNDS:-3}"

positive_integers EXPIRED ROUNDS
need_postgres
need_binary

DB="metiers_bench_expire_$$"
DB_URL="${ADMIN_URL%/*}/$DB"
TMP="$(mktemp -d -t metiers-expire.XXXXXX)"
cleanup() {
  local status=$?
  set +e
  psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
psql "$ADMIN_URL" -qc "CREATE DATABASE $DB" >/dev/null

export METIERS_DATABASE_URL="$DB_URL"
export METIERS_DATA_DIR="$TMP/data"
export RUST_LOG="${RUST_LOG:-warn}"
sql() { psql "$DB_URL" -qAt -v ON_ERROR_STOP=1 "$@"; }

say "seeding the demo ministries, then $EXPIRED offers past their deadline"
(cd "$TMP" && "$BIN" seed --demo --offers 20) >/dev/null
columns="$(sql -c "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position)
  FROM information_schema.columns
  WHERE table_name = 'offers' AND is_generated = 'NEVER'
    AND column_name NOT IN ('id', 'slug', 'status', 'expires_at')")"
sql -c "INSERT INTO offers ($columns, slug, status, expires_at)
  SELECT $columns, 'bench-' || n, 'published', now() - interval '1 hour'
  FROM offers, generate_series(1, $EXPIRED) AS n
  WHERE offers.id = (SELECT min(id) FROM offers)"
due="status = 'published' AND expires_at <= now()"
reset() {
  sql -c "UPDATE offers SET status = 'published' WHERE slug LIKE 'bench-%'"
  sql -c "VACUUM ANALYZE offers"
  [[ "$(sql -c "SELECT count(*) FROM offers WHERE $due")" -ge "$EXPIRED" ]] || die "the offers are not due"
}

# reference: the UPDATE alone, timed by psql (milliseconds).
reference() {
  sql -c '\timing on' -c "UPDATE offers SET status = 'expired', version = version + 1,
    updated_at = now() WHERE $due" | awk '/^Time:/ { print $2 }'
}

# ours: the job through the binary; prints "job_ms wall_ms rows".
ours() {
  local start end
  start=$(date +%s%N)
  (cd "$TMP" && "$BIN" jobs run expire_offers) >"$TMP/ours.log" || { cat "$TMP/ours.log" >&2; die "the job failed"; }
  end=$(date +%s%N)
  sql -c "SELECT round(extract(epoch FROM finished_at - started_at) * 1000, 1), rows_affected
    FROM job_runs ORDER BY id DESC LIMIT 1" |
    awk -F'|' -v wall="$(( (end - start) / 1000000 ))" '{ print $1, wall, $2 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

refs=() jobs=() walls=()
for round in $(seq 1 "$ROUNDS"); do
  reset
  refs+=("$(reference)")
  reset
  read -r job wall rows <<<"$(ours)"
  [[ "$rows" -ge "$EXPIRED" ]] || die "the job expired $rows offers, expected at least $EXPIRED"
  jobs+=("$job") walls+=("$wall")
  say "round $round: reference ${refs[-1]} ms, job $job ms (command $wall ms), $rows offers"
done

ref_ms="$(printf '%s\n' "${refs[@]}" | median)"
job_ms="$(printf '%s\n' "${jobs[@]}" | median)"
wall_ms="$(printf '%s\n' "${walls[@]}" | median)"
mkdir -p "$ROOT/bench/out"
REPORT="$ROOT/bench/out/expire-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "expire_offers on $EXPIRED due offers, PostgreSQL $(sql -c 'SHOW server_version'), $ROUNDS rounds, medians"
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)"
  printf '%-34s %10s %8s\n' "what" "ms" "ratio"
  printf '%-34s %10s %8s\n' "reference: the UPDATE in psql" "$ref_ms" "1.00"
  printf '%-34s %10s %8s\n' "the job (its job_runs row)" "$job_ms" "$(awk -v a="$job_ms" -v b="$ref_ms" 'BEGIN { printf "%.2f", a / b }')"
  printf '%-34s %10s %8s\n' "metiers jobs run (whole command)" "$wall_ms" "$(awk -v a="$wall_ms" -v b="$ref_ms" 'BEGIN { printf "%.2f", a / b }')"
} | tee "$REPORT"
say "written to $REPORT"
