#!/usr/bin/env bash
# Measures the statistics page and what counting views costs.
#
#   bench/statistics.sh
#
# For SQLite (a temp file) and PostgreSQL (a temp database on the tests' server):
#  1. seeds the demo (16 ministries, 300 offers) with `--history`: 300 past offers and two years
#     of daily figures (views, clicks, applications, hires, talents, alerts);
#  2. starts `metiers serve --demo`, signs in as the demo DINUM admin, then times
#     `/admin/statistiques` for this year at the national level (never cached): BENCH_SAMPLES
#     sequential requests with curl (median, p95), then wrk for BENCH_DURATION seconds;
#     beside it, the bare SQL of the page's heaviest query (the year's counts by ministry,
#     metric and month) run by the database's own client in the same run;
#  3. measures the cached `/offres` throughput with wrk, the server started with view counting
#     off then on, alternately, BENCH_ROUNDS times each (wrk sends a browser's user agent:
#     robots are not counted), and prints the ratio of the medians.
# Prints a table and writes it to bench/out/statistics-<date>.txt. Loopback traffic only.
#
# Env (all optional):
#   METIERS_BIN       the binary (default target/release/metiers, built if missing)
#   BENCH_DURATION    seconds per wrk run (default 10)
#   BENCH_SAMPLES     sequential timings of the page (default 30)
#   BENCH_ROUNDS      wrk runs of /offres per setting (default 3)
#   BENCH_CONNECTIONS wrk connections (default 32)
#   BENCH_BACKENDS    "sqlite postgres" (default) or one of them
#   METIERS_TEST_POSTGRES_URL  a server where databases may be created
#                     (default postgres://postgres@127.0.0.1:5432/postgres)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DURATION="${BENCH_DURATION:-10}"
SAMPLES="${BENCH_SAMPLES:-30}"
ROUNDS="${BENCH_ROUNDS:-3}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
BACKENDS="${BENCH_BACKENDS:-sqlite postgres}"
AGENT="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
ADMIN_EMAIL="admin@demo.metiers.numerique.gouv.fr"

positive_integers DURATION SAMPLES ROUNDS CONNECTIONS
known_backends "$BACKENDS"

PATH="$PATH:/usr/sbin:/sbin"
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if ((${#missing[@]})); then
  [[ "$(id -u)" == 0 ]] || die "missing ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
  say "installing ${missing[*]} with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${missing[@]}" >&2
fi
[[ " $BACKENDS " != *" postgres "* ]] || need_postgres
need_binary

server_sandbox stats-bench
export METIERS_DATA_DIR="$TMP/data"
export METIERS_BIND="127.0.0.1:$PORT"
export METIERS_BASE_URL="$BASE"
export RUST_LOG="${RUST_LOG:-warn}"
export METIERS_LOG="${METIERS_LOG:-warn}"

# sign_in: the demo admin's session cookie (name=value).
sign_in() {
  local jar="$TMP/jar" csrf
  rm -f "$jar"
  csrf="$(curl -fsS -c "$jar" "$BASE/connexion" |
    grep -oE 'name="csrf" value="[^"]+"' | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/')"
  [[ -n "$csrf" ]] || die "no demo login form at /connexion"
  curl -fsS -o /dev/null -b "$jar" -c "$jar" \
    --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "csrf=$csrf" "$BASE/connexion/demo"
  awk '$6 ~ /metiers_session$/ { print $6 "=" $7 }' "$jar" | tail -n 1
}

# percentile FILE P: the P-th percentile of the numbers in FILE (one per line).
percentile() {
  sort -n "$1" | awk -v p="$2" '{ v[NR] = $1 } END { i = int((NR - 1) * p / 100) + 1; print v[i] }'
}

# wrk_rate OUTPUT: requests per second of a wrk run.
wrk_rate() { awk '/Requests\/sec/ { print $2 }' "$1"; }
# wrk_p99 OUTPUT: the 99th percentile latency of a wrk --latency run, in ms.
wrk_p99() {
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } print v }' "$1"
}

YEAR="$(date +%Y)"
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
REPORT="$OUT/statistics-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# /admin/statistiques ($YEAR, national) and the cost of counting views"
  echo "# $(nproc) cores; $("$BIN" --version)"
} >"$REPORT"

for backend in $BACKENDS; do
  use_database "$backend" "metiers_stats_bench_$$"
  say "$backend: seeding the demo with two years of figures"
  (cd "$TMP" && timeout 600 "$BIN" seed --demo --history) >"$TMP/seed.log" 2>&1 ||
    { tail -n 20 "$TMP/seed.log" >&2; die "seeding failed"; }
  case "$backend" in
    sqlite) rows="$(sqlite3 "$TMP/bench.db" 'SELECT COUNT(*) FROM daily_counts')" ;;
    postgres) rows="$(psql "$METIERS_DATABASE_URL" -qAtc 'SELECT COUNT(*) FROM daily_counts')" ;;
  esac
  say "$backend: $rows daily count rows"

  start_server --demo
  cookie="$(sign_in)"
  [[ -n "$cookie" ]] || die "the demo admin could not sign in"
  page="$BASE/admin/statistiques?annee=$YEAR&ministere=national"
  code="$(curl -sS -o "$TMP/page.html" -w '%{http_code}' -H "cookie: $cookie" "$page")"
  [[ "$code" == 200 ]] || die "$page answered $code"
  grep -q 'stats-chart__svg' "$TMP/page.html" || die "the statistics page has no chart"
  : >"$TMP/times"
  for _ in $(seq 1 "$SAMPLES"); do
    curl -sS -o /dev/null -w '%{time_total}\n' -H "cookie: $cookie" "$page" |
      awk '{ printf "%.2f\n", $1 * 1000 }' >>"$TMP/times"
  done
  median="$(percentile "$TMP/times" 50)"
  p95="$(percentile "$TMP/times" 95)"
  timeout $((DURATION + 30)) wrk -t2 -c4 -d"${DURATION}s" --latency -H "cookie: $cookie" "$page" >"$TMP/wrk-page" 2>&1 ||
    die "wrk failed on the statistics page"

  # The page's heaviest query, bare, by the database's own client.
  sql="SELECT tenant_id, metric, CAST(substr(day, 6, 2) AS INTEGER) AS month, SUM(count) FROM daily_counts WHERE day BETWEEN '$YEAR-01-01' AND '$YEAR-12-31' AND offer_id = 0 GROUP BY tenant_id, metric, month"
  : >"$TMP/sql-times"
  for _ in $(seq 1 "$SAMPLES"); do
    case "$backend" in
      sqlite)
        start=$(date +%s%N)
        sqlite3 "$TMP/bench.db" "$sql" >/dev/null
        echo "$(( ($(date +%s%N) - start) / 10000 ))" | awk '{ printf "%.2f\n", $1 / 100 }' >>"$TMP/sql-times"
        ;;
      postgres)
        pg_sql="${sql//CAST(substr(day, 6, 2) AS INTEGER)/CAST(EXTRACT(MONTH FROM day) AS INTEGER)}"
        psql "$METIERS_DATABASE_URL" -qAt -c '\timing on' -c "$pg_sql" |
          awk '/^Time:/ { print $2 }' >>"$TMP/sql-times"
        ;;
    esac
  done
  sql_median="$(percentile "$TMP/sql-times" 50)"
  stop_server
  {
    echo
    echo "## $backend ($rows daily count rows)"
    printf '%-48s %10s\n' "/admin/statistiques, median of $SAMPLES (ms)" "$median"
    printf '%-48s %10s\n' "/admin/statistiques, p95 (ms)" "$p95"
    printf '%-48s %10s\n' "/admin/statistiques under wrk -c4, p99 (ms)" "$(wrk_p99 "$TMP/wrk-page")"
    printf '%-48s %10s\n' "/admin/statistiques under wrk -c4 (req/s)" "$(wrk_rate "$TMP/wrk-page")"
    printf '%-48s %10s\n' "bare SQL of the monthly counts, median (ms)" "$sql_median"
  } >>"$REPORT"

  # Cached /offres, counting off then on, alternately.
  : >"$TMP/rates-false"
  : >"$TMP/rates-true"
  for round in $(seq 1 "$ROUNDS"); do
    for counting in false true; do
      METIERS_COUNT_VIEWS="$counting" start_server
      for _ in 1 2 3; do curl -fsS -o /dev/null -A "$AGENT" "$BASE/offres"; done
      timeout $((DURATION + 30)) wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -H "User-Agent: $AGENT" \
        -H "Accept-Encoding: gzip" "$BASE/offres" >"$TMP/wrk-offres" 2>&1 || die "wrk failed on /offres"
      wrk_rate "$TMP/wrk-offres" >>"$TMP/rates-$counting"
      stop_server
      say "$backend round $round, counting $counting: $(tail -n 1 "$TMP/rates-$counting") req/s"
    done
  done
  off="$(percentile "$TMP/rates-false" 50)"
  on="$(percentile "$TMP/rates-true" 50)"
  {
    printf '%-48s %10s\n' "cached /offres, counting off, median (req/s)" "$off"
    printf '%-48s %10s\n' "cached /offres, counting on, median (req/s)" "$on"
    printf '%-48s %10s\n' "counting on / off" "$(awk -v a="$on" -v b="$off" 'BEGIN { printf "%.3f", a / b }')"
  } >>"$REPORT"
  if [[ "$backend" == postgres ]]; then
    psql "$ADMIN_URL" -qAtc "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null
    PG_DB=""
  fi
  rm -rf "$TMP/data" "$TMP/bench.db"*
done

cat "$REPORT"
say "written to $REPORT"
