#!/usr/bin/env bash
# Benchmarks the public portal against nginx serving the same pages as static files.
#
#   bench/portal.sh
#
# Seeds a throw-away SQLite database with the demo data (10 000 offers), starts
# `metiers serve` and nginx on loopback ports, then runs wrk against four pages
# (listing, filtered + searched listing, one offer, one ministry) and one image (a WebP
# rendition under /media/, read from the media storage) on both servers.
# Prints a table and writes it to bench/out/portal-<date>.txt. Loopback traffic only;
# about 2 minutes once the binary is built (each wrk run is bounded by `timeout`).
#
# Env (all optional):
#   METIERS_BIN       the binary (default target/release/metiers, built if missing)
#   BENCH_DURATION    seconds per measured wrk run (default 10)
#   BENCH_CONNECTIONS wrk connections (default 32); BENCH_THREADS wrk threads (default 2)
#   BENCH_OFFERS      offers to seed (default 10000)
#   METIERS_PAGE_CACHE_SECONDS, RUST_LOG … are passed through to the server.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DURATION="${BENCH_DURATION:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
OFFERS="${BENCH_OFFERS:-10000}"
WARMUP=2

positive_integers DURATION CONNECTIONS THREADS OFFERS

need_tools wrk nginx curl
need_binary

# --- temp dir and clean-up ---------------------------------------------------
TMP="$(mktemp -d -t metiers-bench.XXXXXX)"
SERVER_PID=""
NGINX_PID=""
cleanup() {
  local status=$?
  set +e
  for pid in "$SERVER_PID" "$NGINX_PID"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null
  done
  for pid in "$SERVER_PID" "$NGINX_PID"; do
    [[ -n "$pid" ]] && wait "$pid" 2>/dev/null
  done
  if ((status != 0)); then
    for log in "$TMP/server.log" "$TMP/nginx/error.log"; do
      if [[ -s "$log" ]]; then
        say "last lines of $(basename "$log"):"
        tail -n 20 "$log" >&2
      fi
    done
  fi
  rm -rf "$TMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free loopback TCP port (nothing answers on it right now).
free_port() {
  local port tries
  for tries in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  die "no free loopback port found after $tries tries"
}

OUR_PORT="$(free_port)"
NGINX_PORT="$(free_port)"
while [[ "$NGINX_PORT" == "$OUR_PORT" ]]; do NGINX_PORT="$(free_port)"; done
OURS="http://127.0.0.1:$OUR_PORT"
NGINX="http://127.0.0.1:$NGINX_PORT"

# --- seed and start the portal ----------------------------------------------
# The server runs in the temp dir so that no metiers.toml or data/ of the work tree is used.
export METIERS_DATABASE_URL="sqlite://$TMP/bench.db?mode=rwc"
export METIERS_DATA_DIR="$TMP/data"
export METIERS_BIND="127.0.0.1:$OUR_PORT"
export METIERS_BASE_URL="$OURS"
export RUST_LOG="${RUST_LOG:-warn}"

say "seeding $OFFERS demo offers into $TMP/bench.db"
seed_start=$SECONDS
(cd "$TMP" && timeout 180 "$BIN" seed --demo --offers "$OFFERS") >"$TMP/seed.log" 2>&1 ||
  { tail -n 20 "$TMP/seed.log" >&2; die "seeding failed (or took more than 180 s)"; }
say "seeded in $((SECONDS - seed_start)) s"

say "starting metiers serve on $OURS"
(cd "$TMP" && exec "$BIN" serve) >"$TMP/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null --max-time 2 "$OURS/healthz" 2>/dev/null; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || die "metiers serve exited before answering /healthz"
  sleep 0.5
done
curl -fsS -o /dev/null --max-time 2 "$OURS/healthz" || die "/healthz did not answer 200 within 60 s"

# --- pick and save the pages -------------------------------------------------
DOCROOT="$TMP/www"
mkdir -p "$DOCROOT"

# fetch URL FILE: saves the body, dies unless the status is 200.
fetch() {
  local code
  code="$(curl -sS -o "$2" -w '%{http_code}' --max-time 30 "$1")" || die "cannot fetch $1"
  [[ "$code" == 200 ]] || die "$1 answered HTTP $code (expected 200)"
}

# first_link FILE PREFIX: the first href="PREFIX<segment>" of an HTML file (relative or
# absolute on our base URL), excluding feeds and other files with an extension.
first_link() {
  { grep -oE "href=\"($OURS)?$2[A-Za-z0-9_%-][^\"?#/]*\"" "$1" || true; } |
    sed -E "s#^href=\"($OURS)?##; s#\"\$##" |
    { grep -vE '\.[a-z]+$' || true; } | head -n 1
}

NAMES=(offres offres-filtrees offre ministere image)
declare -A PATHS
PATHS[offres]="/offres"
PATHS[offres-filtrees]="/offres?metier=developpement&teletravail=partiel&q=donnees"

fetch "$OURS/offres" "$DOCROOT/offres"
offer="$(first_link "$DOCROOT/offres" /offres/)"
[[ -n "$offer" ]] || die "no /offres/... link found in the HTML of /offres"
PATHS[offre]="$offer"

if [[ "$(curl -sS -o /dev/null -w '%{http_code}' --max-time 30 "$OURS/ministeres/interieur")" == 200 ]]; then
  PATHS[ministere]="/ministeres/interieur"
else
  fetch "$OURS/ministeres" "$TMP/ministeres.html"
  ministry="$(first_link "$TMP/ministeres.html" /ministeres/)"
  [[ -n "$ministry" ]] || ministry="$(first_link "$DOCROOT/offres" /ministeres/)"
  [[ -n "$ministry" ]] || die "no /ministeres/... link found in /ministeres nor /offres"
  PATHS[ministere]="$ministry"
fi

# An image of the ministry page (its logo, stored through the media library by the seed).
fetch "$OURS${PATHS[ministere]}" "$TMP/ministere.html"
image="$({ grep -oE '/media/[A-Za-z0-9/_.-]+\.webp' "$TMP/ministere.html" || true; } | head -n 1)"
[[ -n "$image" ]] || die "no /media/....webp image on ${PATHS[ministere]}"
PATHS[image]="$image"

for name in "${NAMES[@]}"; do
  fetch "$OURS${PATHS[$name]}" "$DOCROOT/$name"
  say "page $name: ${PATHS[$name]} ($(wc -c <"$DOCROOT/$name") bytes)"
done

# --- nginx with the same pages as static files -------------------------------
start_nginx "$DOCROOT" "$NGINX_PORT"
for name in "${NAMES[@]}"; do
  fetch "$NGINX/$name" "$TMP/check"
  cmp -s "$TMP/check" "$DOCROOT/$name" || die "nginx serves a different $name"
done

say "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (after a ${WARMUP}s warm-up) on each page, ours then nginx"
rows=()
for name in "${NAMES[@]}"; do
  ours="$(run_wrk "$OURS${PATHS[$name]}" "ours-$name")" # a die() in run_wrk stops the script here
  theirs="$(run_wrk "$NGINX/$name" "nginx-$name")"
  read -r o_rps o_p50 o_p99 <<<"$ours"
  read -r n_rps _ n_p99 <<<"$theirs"
  ratio="$(awk -v a="$o_rps" -v b="$n_rps" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')"
  rows+=("$name|$o_rps|$n_rps|$ratio|$o_p50|$o_p99|$n_p99")
  say "$name: ours $o_rps req/s, nginx $n_rps req/s"
done

# --- report -------------------------------------------------------------------------
mkdir -p "$ROOT/bench/out"
REPORT="$ROOT/bench/out/portal-$(date +%Y%m%d-%H%M%S).txt"
commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
{
  echo "Métiers du Numérique: portal vs nginx (static copy of the same pages)"
  echo "date: $(date -Is)  commit: $commit  cores: $(nproc)  offers: $OFFERS"
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, plain (no Accept-Encoding), loopback; $(wrk -v 2>&1 | head -n 1 | cut -d' ' -f1-2); $(nginx -v 2>&1 | sed 's/^nginx version: //')"
  echo "server env: METIERS_PAGE_CACHE_SECONDS=${METIERS_PAGE_CACHE_SECONDS:-default} RUST_LOG=$RUST_LOG"
  for name in "${NAMES[@]}"; do echo "  $name = ${PATHS[$name]} ($(wc -c <"$DOCROOT/$name") bytes)"; done
  echo
  printf '%-16s %12s %12s %8s %10s %10s %10s\n' page "ours req/s" "nginx req/s" ratio "ours p50" "ours p99" "nginx p99"
  for row in "${rows[@]}"; do
    IFS='|' read -r name o_rps n_rps ratio o_p50 o_p99 n_p99 <<<"$row"
    printf '%-16s %12s %12s %8s %8sms %8sms %8sms\n' "$name" "$o_rps" "$n_rps" "$ratio" "$o_p50" "$o_p99" "$n_p99"
  done
} >"$REPORT"
cat "$REPORT"
say "report written to ${REPORT#"$ROOT"/}"
