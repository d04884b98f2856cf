#!/usr/bin/env bash
# The JSON API under load, beside the portal and nginx, at 10 000 offers.
#
#   bench/api.sh
#
# Seeds a throw-away SQLite database with BENCH_OFFERS demo offers and starts `metiers serve`
# (API rate limit off, page cache on as in production). Then, with wrk and gzip accepted:
#   - a cacheable API search, `GET /api/v1/offers?q=…`,
#   - the portal's own cached listing for the same search, `/offres?q=…`,
#   - nginx serving the API's very answer as a file, precompressed (gzip_static);
# and prints requests/s, p50 and p99 with the ratio to nginx. Last, the server restarts with
# the page cache off and 20 different API searches are asked BENCH_ROUNDS times each with curl
# (every request searches and renders): p50/p95/p99 in ms, beside `/healthz`.
# Writes the report to bench/out/api-<date>.txt.
#
# Env (all optional):
#   METIERS_BIN       the binary (default target/release/metiers, built if missing)
#   BENCH_OFFERS      offers to seed (default 10000)
#   BENCH_DURATION    seconds per measured wrk run (default 10)
#   BENCH_CONNECTIONS wrk connections (default 32); BENCH_THREADS wrk threads (default 2)
#   BENCH_ROUNDS      times each uncached search is asked (default 10)
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
OFFERS="${BENCH_OFFERS:-10000}"
DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
ROUNDS="${BENCH_ROUNDS:-10}"
WARMUP=2
positive_integers OFFERS DURATION CONNECTIONS THREADS ROUNDS
need_tools wrk nginx curl gzip
need_binary

# The cacheable search, and 20 others for the uncached run.
SEARCH="q=developpeur&region=11"
SEARCHES=(
  "q=developpeur" "q=d%C3%A9veloppeuse" "q=developeur" "q=chef+de+projet" "q=reseau"
  "q=s%C3%A9curit%C3%A9" "q=ing%C3%A9nieure" "q=donn%C3%A9es" "q=cloud" "q=devops"
  "q=c%2B%2B" "q=python" "q=Bretagne" "q=93" "q=DGFiP" "q=kubernets"
  "q=data&region=11" "q=developpeur&contract_type=contractuel&remote_policy=partiel"
  "q=projet&profession=projet_produit&category=A" "q=chef&sort=recent"
)

server_sandbox api-bench
NGINX_PORT=$((PORT + 1))
use_database sqlite
export METIERS_DATA_DIR="$TMP/data" METIERS_BIND="127.0.0.1:$PORT" METIERS_BASE_URL="$BASE"
export METIERS_API_RATE_LIMIT_PER_MINUTE=0 RUST_LOG="${RUST_LOG:-warn}"

say "seeding $OFFERS demo offers"
(cd "$TMP" && timeout 600 "$BIN" seed --demo --offers "$OFFERS") >"$TMP/seed.log" 2>&1 ||
  { tail -n 20 "$TMP/seed.log" >&2; die "seeding failed"; }
export METIERS_PAGE_CACHE_SECONDS=30
start_server
curl -fsS -o /dev/null --max-time 120 "$BASE/offres?q=developpeur" || die "the first search failed"

# The same bytes for nginx, precompressed as gzip_static serves them.
DOCROOT="$TMP/www"
mkdir -p "$DOCROOT"
curl -fsS --max-time 30 -o "$DOCROOT/offers.json" "$BASE/api/v1/offers?$SEARCH" || die "the API search failed"
gzip -9 -k "$DOCROOT/offers.json"
total="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total"])' "$DOCROOT/offers.json")"
((total > 0)) || die "the API search finds nothing"
say "API search: $total offers, $(wc -c <"$DOCROOT/offers.json") bytes ($(wc -c <"$DOCROOT/offers.json.gz") gzipped)"
start_nginx "$DOCROOT" "$NGINX_PORT"
served="$(curl -fsS --max-time 10 "http://127.0.0.1:$NGINX_PORT/offers.json")"
[[ "$served" == "$(cat "$DOCROOT/offers.json")" ]] || die "nginx serves other bytes"

GZIP_HEADER=(-H "Accept-Encoding: gzip")
say "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, gzip accepted"
read -r api_rps api_p50 api_p99 <<<"$(run_wrk "$BASE/api/v1/offers?$SEARCH" api "${GZIP_HEADER[@]}")"
read -r portal_rps portal_p50 portal_p99 <<<"$(run_wrk "$BASE/offres?$SEARCH" portal "${GZIP_HEADER[@]}")"
read -r nginx_rps nginx_p50 nginx_p99 <<<"$(run_wrk "http://127.0.0.1:$NGINX_PORT/offers.json" nginx "${GZIP_HEADER[@]}")"
stop_server

# Uncached: every request searches and renders.
export METIERS_PAGE_CACHE_SECONDS=0
start_server
curl -fsS -o /dev/null --max-time 120 "$BASE/api/v1/offers?q=developpeur" || die "the first search failed"
uncached="$(for query in "${SEARCHES[@]}"; do times "$BASE/api/v1/offers?$query"; done | percentiles)"
floor="$(times "$BASE/healthz" | percentiles)"
stop_server

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
OUT="$ROOT/bench/out"
mkdir -p "$OUT"
REPORT="$OUT/api-$(date +%Y-%m-%d).txt"
{
  echo "# bench/api.sh, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown), $(nproc) cores, $OFFERS offers, SQLite"
  echo "# wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, Accept-Encoding: gzip; search: $SEARCH ($total offers)"
  printf '%-34s %10s %9s %9s %9s\n' measure "req/s" "p50 ms" "p99 ms" "× nginx"
  printf '%-34s %10s %9s %9s %9s\n' "API /api/v1/offers (cached)" "$api_rps" "$api_p50" "$api_p99" "$(ratio "$api_rps" "$nginx_rps")"
  printf '%-34s %10s %9s %9s %9s\n' "portal /offres (cached)" "$portal_rps" "$portal_p50" "$portal_p99" "$(ratio "$portal_rps" "$nginx_rps")"
  printf '%-34s %10s %9s %9s %9s\n' "nginx, same JSON (gzip_static)" "$nginx_rps" "$nginx_p50" "$nginx_p99" "1.00"
  echo
  echo "# page cache off, curl, ${#SEARCHES[@]} searches × $ROUNDS rounds"
  printf '%-34s %9s %9s %9s\n' measure "p50 ms" "p95 ms" "p99 ms"
  read -r a b c <<<"$uncached"
  printf '%-34s %9s %9s %9s\n' "API searches (uncached)" "$a" "$b" "$c"
  read -r a b c <<<"$floor"
  printf '%-34s %9s %9s %9s\n' "/healthz (HTTP floor)" "$a" "$b" "$c"
} >"$REPORT"
cat "$REPORT"
say "report written to ${REPORT#"$ROOT"/}"
