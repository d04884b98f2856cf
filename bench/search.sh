#!/usr/bin/env bash
# Search at scale: uncached `/offres` searches, the unfiltered listing and the home page at
# 100 000 offers, on SQLite and on PostgreSQL.
#
#   bench/search.sh
#
# For each database: seeds the demo data with BENCH_OFFERS offers, starts `metiers serve` with
# the page cache off (every request renders), times the first search (it builds the index),
# then asks each of 30 queries (words, typos, inclusive forms, places, filters) BENCH_ROUNDS
# times, and the unfiltered listing and the home page as often, with curl's own timing.
# Beside them, in the same run, `/healthz` (the floor of one HTTP round trip on this server)
# and the bare SQL lookup that renders each page needs (`offers WHERE id IN (20 ids)`).
# Prints p50/p95/p99 in milliseconds and writes them to bench/out/search-<date>.txt.
#
# Env (all optional):
#   METIERS_BIN     the binary (default target/release/metiers, built if missing)
#   BENCH_OFFERS    offers to seed (default 100000)
#   BENCH_ROUNDS    times each query is asked (default 5)
#   BENCH_BACKENDS  "sqlite postgres" (default) or one of them
#   METIERS_TEST_POSTGRES_URL  a server where databases may be created
#                   (default postgres://postgres@127.0.0.1:5432/postgres)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OFFERS="${BENCH_OFFERS:-100000}"
ROUNDS="${BENCH_ROUNDS:-5}"
BACKENDS="${BENCH_BACKENDS:-sqlite postgres}"

positive_integers OFFERS ROUNDS
known_backends "$BACKENDS"
command -v curl >/dev/null || die "curl is required"
[[ " $BACKENDS " != *" postgres "* ]] || need_postgres
need_binary

# The 30 queries: what candidates type, misspelt or not, alone or with filters.
QUERIES=(
  "q=developpeur" "q=d%C3%A9veloppeuse" "q=developeur" "q=chef+de+projet" "q=reseau"
  "q=s%C3%A9curit%C3%A9" "q=ing%C3%A9nieure" "q=auditrice" "q=donn%C3%A9es" "q=cloud"
  "q=devops" "q=designer" "q=c%2B%2B" "q=python" "q=t%C3%A9l%C3%A9travail"
  "q=CDI" "q=cat%C3%A9gorie+A" "q=%C3%8Ele-de-France" "q=Bretagne" "q=93"
  "q=DGFiP" "q=administrateur+syst%C3%A8mes" "q=kubernets" "q=securiter" "q=stage"
  "q=data&region=11" "q=developpeur&contrat=contractuel&teletravail=partiel"
  "q=projet&metier=projet_produit&categorie=A" "q=chef&tri=recentes" "metier=securite&junior=1"
)

server_sandbox search-bench

# sql_lookup BACKEND URL: times the bare SQL that reads a page's 20 offers by id.
sql_lookup() {
  local ids
  ids="$(curl -sS --max-time 60 "$2" | { grep -oE 'href="/offres/[^"?#]+"' || true; } | head -n 20 |
    sed -E "s#href=\"/offres/##; s#\"\$##; s/.*/'&'/" | paste -sd, -)"
  [[ -n "$ids" ]] || return 0
  local sql="SELECT * FROM offers WHERE slug IN ($ids)"
  case "$1" in
    sqlite)
      python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1]); t = time.perf_counter(); c.execute(sys.argv[2]).fetchall()
print("%.3f" % ((time.perf_counter() - t) * 1000))' "$TMP/bench.db" "$sql"
      ;;
    postgres)
      printf '\\timing on\n%s;\n' "$sql" | psql "$METIERS_DATABASE_URL" -qAt 2>&1 |
        awk '/^Time:/ { print $2 }' | tail -n 1
      ;;
  esac
}

OUT="$ROOT/bench/out"
mkdir -p "$OUT"
REPORT="$OUT/search-$(date +%Y-%m-%d).txt"
{
  echo "# bench/search.sh, $(date -u +%FT%TZ), $OFFERS offers, $ROUNDS rounds, page cache off"
  printf '%-10s %-28s %8s %8s %8s\n' backend measure p50_ms p95_ms p99_ms
} >"$REPORT.tmp"

for backend in $BACKENDS; do
  use_database "$backend" "metiers_search_bench_$$"
  export METIERS_DATA_DIR="$TMP/data-$backend" METIERS_BIND="127.0.0.1:$PORT" METIERS_BASE_URL="$BASE"
  export METIERS_PAGE_CACHE_SECONDS=0 RUST_LOG="${RUST_LOG:-warn}"
  say "$backend: seeding $OFFERS demo offers"
  seeded=$SECONDS
  (cd "$TMP" && timeout 3600 "$BIN" seed --demo --offers "$OFFERS") >"$TMP/seed.log" 2>&1 ||
    { tail -n 20 "$TMP/seed.log" >&2; die "seeding failed"; }
  say "$backend: seeded in $((SECONDS - seeded)) s"
  start_server
  build="$(curl -sS -o /dev/null --max-time 600 -w '%{time_total}' "$BASE/offres?q=developpeur")"
  rss="$(ps -o rss= -p "$SERVER_PID" | awk '{ printf "%d", $1 / 1024 }')"
  say "$backend: first search (builds the index) in ${build} s; the server holds ${rss} MiB"
  {
    for query in "${QUERIES[@]}"; do times "$BASE/offres?$query"; done
  } | percentiles | awk -v b="$backend" '{ printf "%-10s %-28s %8s %8s %8s\n", b, "30 searches", $1, $2, $3 }' >>"$REPORT.tmp"
  for page in /offres /; do
    times "$BASE$page" | percentiles | awk -v b="$backend" -v p="$page" '{ printf "%-10s %-28s %8s %8s %8s\n", b, p, $1, $2, $3 }' >>"$REPORT.tmp"
  done
  times "$BASE/healthz" | percentiles | awk -v b="$backend" '{ printf "%-10s %-28s %8s %8s %8s\n", b, "/healthz (HTTP floor)", $1, $2, $3 }' >>"$REPORT.tmp"
  for query in "${QUERIES[@]}"; do sql_lookup "$backend" "$BASE/offres?$query"; done |
    percentiles | awk -v b="$backend" '{ printf "%-10s %-28s %8s %8s %8s\n", b, "bare SQL: page by slug", $1, $2, $3 }' >>"$REPORT.tmp"
  echo "$backend: first search (index build at start-up) ${build} s; server memory ${rss} MiB" >>"$REPORT.tmp"
  stop_server
done

mv "$REPORT.tmp" "$REPORT"
cat "$REPORT"
