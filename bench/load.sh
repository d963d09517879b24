#!/usr/bin/env bash
# API load: a generated region of 50,000 pupils, `stroom serve` on loopback, and wrk with 100
# concurrent connections for 20 s, twice: the dashboard's own requests (answers cached after the
# first), and requests with a new date every time (answers computed). Target (issue 4): p99 under
# 50 ms. Requests carry a session cookie, so each one passes the server's session and role check:
# the dashboard's as an analist (published, suppressed answers, as a dashboard user gets them), the
# changing dates as the beheerder, the one role that may ask a day other than the first of a month
# (docs/measures.md). Loopback only; the run is bounded in time and stops the server itself.
#
# Usage: bench/load.sh [PUPILS] [SECONDS]   (needs build/stroom and wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
pupils=${1:-50000}
seconds=${2:-20}
stroom=$PWD/build/stroom
work=$(mktemp -d)
server=""
cleanup() { [[ -n $server ]] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

"$stroom" generate --out "$work/csv" --pupils "$pupils" --from 2018 --to 2025 --seed 1 >/dev/null
"$stroom" import "$work/csv" --db "$work/load.db" >/dev/null || [[ $? -eq 3 ]]
echo "een-lang-bench-wachtwoord" | "$stroom" user add bench --role analist --db "$work/load.db" --password-stdin >/dev/null
echo "een-lang-bench-wachtwoord" | "$stroom" user add bench-beheer --role beheerder --db "$work/load.db" --password-stdin >/dev/null
"$stroom" serve --db "$work/load.db" --port 0 >"$work/out" 2>/dev/null &
server=$!
for _ in $(seq 100); do grep -q "draait op" "$work/out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/out")
login() {
  curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
    -d '{"gebruiker":"'"$1"'","wachtwoord":"een-lang-bench-wachtwoord"}' "$url/api/login" |
    sed -n 's/^Set-Cookie: \([^;]*\);.*/\1/p'
}
declare -A cookie=([dashboard]=$(login bench) [changing_dates]=$(login bench-beheer))
[[ -n ${cookie[dashboard]} && -n ${cookie[changing_dates]} ]] || { echo "inloggen mislukt" >&2; exit 1; }
echo "regio: $pupils leerlingen; server: $url; wrk: 2 threads, 100 verbindingen, ${seconds}s"

for script in dashboard changing_dates; do
  echo
  echo "== $script (ingelogd als $([[ $script == dashboard ]] && echo analist || echo beheerder)) =="
  wrk -t2 -c100 -d"${seconds}s" --latency -H "Cookie: ${cookie[$script]}" -s "bench/load/$script.lua" "$url" |
    grep -E "Requests/sec|Latency  |50%|90%|99%|requests in|Non-2xx"
done
