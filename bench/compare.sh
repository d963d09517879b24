#!/usr/bin/env bash
# Peer comparison: the same four questions answered in one run by stroom, by SQLite and by
# DuckDB, on one generated region, with the time and peak memory of each and a check that every
# peer's answer equals stroom's, byte for byte.
#
#   1. leerlingen on every teldatum      3. thuiszitters on $AT
#   2. stromen for every year            4. verblijfsduur (Kaplan-Meier median per setting)
#
# stroom:  bench/measures_bench (built from bench/measures_bench.cpp) on the store `stroom import`
#          wrote: the store -> model load once, then each question through the measure registry.
# SQLite:  the sqlite3 CLI on a copy of that same file with extra indexes (bench/compare/sqlite/
#          indexes.sql says which and why) and the SQL of bench/compare/sqlite/*.sql.
# DuckDB:  @duckdb/node-api (bench/compare/duckdb.mjs), reading the generated CSV files into
#          in-memory tables (DuckDB's sqlite reader is a run-time download, which is not allowed),
#          then the SQL of bench/compare/duckdb/*.sql.
# Target (issue): stroom faster than both on every question, and at least 10x faster than SQLite.
#
# Load (issue 9): `stroom serve` reloads the model while serving, so load_region (store -> model)
#          is compared with DuckDB's CSV -> tables: LOAD_RUNS fresh processes of each, alternating
#          (so both meet the same background load), each timed and its peak memory taken.
#          Target: stroom's median load time and its peak at most DuckDB's.
#
# Usage: bench/compare.sh [PUPILS]      (default 2500000: the national size, 2018-2025)
# Environment: LOAD_RUNS (alternating load-only runs of each, default 3; 0 skips them), LOAD_ONLY=1
#   (only the data and the load comparison: no questions, no SQLite),
#   RUNS (timed runs per question for stroom and DuckDB, default 5), SQLITE_RUNS
#   (default 3: SQLite's national runs take minutes each), AT (thuiszitters date, default
#   2025-02-01), WORK (folder for data and answers, default /tmp/stroom-compare-PUPILS; generated
#   CSV files and the imported store are reused when they match PUPILS, FRESH=1 regenerates).
# Exit status: 0 when every answer matched, 4 when any peer's answer differed from stroom's.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
pupils=${1:-2500000}
runs=${RUNS:-5}
sqlite_runs=${SQLITE_RUNS:-3}
load_runs=${LOAD_RUNS:-3}
load_only=${LOAD_ONLY:-0}
at=${AT:-2025-02-01}
from=2018 to=2025 seed=1
work=${WORK:-/tmp/stroom-compare-$pupils}
stroom=$root/build/stroom
bench=$root/build/measures_bench
questions=(leerlingen stromen thuiszitters verblijfsduur)

say() { printf '== %s\n' "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

# --- setup (idempotent): tools the peers need ------------------------------------------------
# sqlite3 (the CLI), GNU time (peak memory of a child process) and node/npm (for DuckDB's Node
# API) are Debian packages; install them only when missing. The DuckDB package itself comes from
# bench/compare/package-lock.json.
missing=()
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  say "installing ${missing[*]} (apt-get)"
  if [[ $(id -u) -ne 0 ]]; then echo "compare.sh: need ${missing[*]}; run as root or install them" >&2; exit 2; fi
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [[ ! -d bench/compare/node_modules/@duckdb/node-api ]] ||
   [[ bench/compare/package-lock.json -nt bench/compare/node_modules/.package-lock.json ]]; then
  say "installing @duckdb/node-api into bench/compare/node_modules (npm ci)"
  (cd bench/compare && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
for binary in "$stroom" "$bench"; do
  [[ -x $binary ]] || { echo "compare.sh: $binary missing; build: cmake --build build -j2 --target stroom measures_bench" >&2; exit 2; }
done

mkdir -p "$work/answers"
answers=$work/answers
rm -f "$answers"/*
say "work folder $work; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- data: generate and import (timed; reused when they match) --------------------------------
stamp="pupils=$pupils from=$from to=$to seed=$seed"
generate_s=reused import_s=reused
if [[ ${FRESH:-0} == 1 || ! -f $work/csv/.generated || $(cat "$work/csv/.generated") != "$stamp" || ! -f $work/stroom.db ]]; then
  rm -rf "$work/csv" "$work"/stroom.db*
  say "stroom generate --pupils $pupils --from $from --to $to --seed $seed"
  t0=$(now)
  /usr/bin/time -f '%M' -o "$work/generate.kib" \
    "$stroom" generate --out "$work/csv" --pupils "$pupils" --from "$from" --to "$to" --seed "$seed" >"$work/generate.log"
  generate_s=$(elapsed "$t0")
  say "stroom import"
  t0=$(now)
  # Exit 3 means rows were rejected: the peers read the CSV files (DuckDB) and would then see
  # rows stroom does not have. Carry on, but say it; the answer check will show the effect.
  set +e
  /usr/bin/time -f '%M' -o "$work/import.kib" \
    "$stroom" import "$work/csv" --db "$work/stroom.db" --rejects "$work/rejects.csv" >"$work/import.log" 2>&1
  status=$?
  set -e
  import_s=$(elapsed "$t0")
  if ((status == 3)); then say "WARNING: stroom import rejected rows (see $work/import.log)"
  elif ((status != 0)); then cat "$work/import.log" >&2; exit 2; fi
  echo "$stamp" >"$work/csv/.generated"
  echo "$generate_s $import_s" >"$work/data.times"
else
  say "reusing the generated files and store in $work (FRESH=1 to regenerate)"
  read -r generate_s import_s <"$work/data.times" || true
fi
csv_mb=$(du -cm "$work"/csv/*.csv | tail -1 | cut -f1)
db_mb=$(du -m "$work/stroom.db" | cut -f1)
spells=$(($(wc -l <"$work/csv/inschrijvingen.csv") - 1))

# --- load: store -> model against CSV -> tables, alternating fresh processes ------------------
# Each run is a new process, as a reload is a new model; the two engines take turns so that both
# meet the same background load on a shared machine. Each prints "load <ms> <peak KiB>" (peak =
# VmHWM during the load); GNU time adds the process's CPU seconds, to tell waiting from working.
: >"$work/load.tsv"
for ((run = 1; run <= load_runs; run++)); do
  say "load run $run of $load_runs: stroom load_region, then DuckDB CSV -> tables"
  /usr/bin/time -f '%U %S' -o "$work/load-cpu.txt" "$bench" --db "$work/stroom.db" --load-only >"$work/load-run.txt"
  awk -v cpu="$(awk '{ print $1 + $2 }' "$work/load-cpu.txt")" '$1 == "load" { printf "stroom\t%s\t%s\t%s\n", $2, $3, cpu }' \
    "$work/load-run.txt" | tee -a "$work/load.tsv" >&2
  /usr/bin/time -f '%U %S' -o "$work/load-cpu.txt" \
    node bench/compare/duckdb.mjs --csv "$work/csv" --at "$at" --out "$answers" --load-only >"$work/load-run.txt"
  awk -v cpu="$(awk '{ print $1 + $2 }' "$work/load-cpu.txt")" '$1 == "load" { printf "duckdb\t%s\t%s\t%s\n", $2, $3, cpu }' \
    "$work/load-run.txt" | tee -a "$work/load.tsv" >&2
done
# engine -> median load ms, min ms, max ms, max peak KiB, median CPU s
load_stats() {
  awk -F'\t' -v e="$1" '
    $1 == e { t[++n] = $2; if ($3 > peak) peak = $3; c[n] = $4 }
    END {
      if (n == 0) exit
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
        if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
        if (c[j] < c[i]) { x = c[i]; c[i] = c[j]; c[j] = x }
      }
      mt = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
      mc = (n % 2) ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2
      printf "%.0f\t%.0f\t%.0f\t%d\t%.1f\n", mt, t[1], t[n], peak, mc
    }' "$work/load.tsv"
}
print_load_table() {
  ((load_runs > 0)) || return 0
  local s d
  s=$(load_stats stroom) d=$(load_stats duckdb)
  local s_ms s_peak d_ms d_peak
  s_ms=$(cut -f1 <<<"$s") s_peak=$(cut -f4 <<<"$s") d_ms=$(cut -f1 <<<"$d") d_peak=$(cut -f4 <<<"$d")
  echo "Load ($load_runs alternating fresh processes each, $(date +%F), $(nproc) cores, load average at the end" \
       "$(cut -d' ' -f1-3 /proc/loadavg)): median ms (min-max), highest peak MB, median CPU s (user + sys)."
  echo
  echo "| load | median ms | min–max ms | peak MB | CPU s |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| stroom: store → model (load_region) | $(cut -f1 <<<"$s") | $(cut -f2 <<<"$s")–$(cut -f3 <<<"$s") | $(mb "$s_peak") | $(cut -f5 <<<"$s") |"
  echo "| DuckDB: CSV → tables | $(cut -f1 <<<"$d") | $(cut -f2 <<<"$d")–$(cut -f3 <<<"$d") | $(mb "$d_peak") | $(cut -f5 <<<"$d") |"
  echo
  awk -v sm="$s_ms" -v dm="$d_ms" -v sp="$s_peak" -v dp="$d_peak" 'BEGIN {
    printf "Load target (stroom no slower and no larger than DuckDB): time %s (%.2f× DuckDB), peak %s (%.2f× DuckDB)\n",
      sm <= dm ? "met" : "MISSED", sm / dm, sp <= dp ? "met" : "MISSED", sp / dp }'
  echo
}

if ((load_only)); then
  echo
  echo "$pupils pupils (--from $from --to $to --seed $seed), $spells inschrijvingen, CSV $csv_mb MB, store $db_mb MB."
  print_load_table
  exit 0
fi

# --- stroom ------------------------------------------------------------------------------------
# The reference answers are what a user gets: `stroom measure ID --format csv`.
say "stroom measure (reference answers)"
for q in "${questions[@]}"; do
  extra=()
  [[ $q == thuiszitters ]] && extra=(--at "$at")
  "$stroom" measure "$q" --db "$work/stroom.db" "${extra[@]}" --format csv >"$answers/stroom-$q.csv"
done
say "measures_bench ($runs runs)"
"$bench" --db "$work/stroom.db" --at "$at" --runs "$runs" | tee "$work/stroom.tsv" >&2

# --- SQLite ------------------------------------------------------------------------------------
say "SQLite: copy of the store + indexes"
rm -f "$work"/sqlite.db*
# A consistent copy even if the store was left with a WAL: the backup API, not cp.
sqlite3 "$work/stroom.db" ".backup '$work/sqlite.db'"
t0=$(now)
/usr/bin/time -f '%M' -o "$work/sqlite-index.kib" sqlite3 "$work/sqlite.db" <bench/compare/sqlite/indexes.sql
index_s=$(elapsed "$t0")
printf '# sqlite3 %s, %d runs per question\n' "$(sqlite3 --version | cut -d' ' -f1)" "$sqlite_runs" >"$work/sqlite.tsv"
for q in "${questions[@]}"; do
  say "SQLite: $q ($sqlite_runs runs)"
  {
    cat bench/compare/sqlite/session.sql
    printf '.parameter init\n.parameter set $at "'"'"'%s'"'"'"\n.timer on\n' "$at"
    for ((run = 1; run <= sqlite_runs; run++)); do
      if ((run == 1)); then echo ".output $answers/sqlite-$q.csv"; else echo ".output /dev/null"; fi
      cat "bench/compare/sqlite/$q.sql"
    done
  } >"$work/sqlite-$q.script"
  /usr/bin/time -f '%M' -o "$work/sqlite-$q.kib" sqlite3 "$work/sqlite.db" <"$work/sqlite-$q.script" >"$work/sqlite-$q.timer"
  # One "Run Time: real S ..." line per run (the session statements run before the timer is on).
  awk -v q="$q" -v kib="$(tail -1 "$work/sqlite-$q.kib")" '
    /^Run Time: real/ { t[++n] = $4 * 1000 }
    END {
      if (n == 0) { print "compare.sh: no timing for " q > "/dev/stderr"; exit 1 }
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (t[j] < t[i]) { x = t[i]; t[i] = t[j]; t[j] = x }
      m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
      printf "%s\t%.2f\t%s\t%.2f\t%.2f\n", q, m, kib, t[1], t[n]
    }' "$work/sqlite-$q.timer" | tee -a "$work/sqlite.tsv" >&2
done

# --- DuckDB ------------------------------------------------------------------------------------
say "DuckDB: CSV -> tables, then $runs runs per question"
node bench/compare/duckdb.mjs --csv "$work/csv" --at "$at" --out "$answers" --runs "$runs" | tee "$work/duckdb.tsv" >&2

# --- answers: every peer must say exactly what stroom says ------------------------------------
mismatch=0
for q in "${questions[@]}"; do
  for engine in sqlite duckdb; do
    if ! cmp -s "$answers/stroom-$q.csv" "$answers/$engine-$q.csv"; then
      mismatch=1
      {
        echo "!!!!!!!! MISMATCH: $engine's answer to $q differs from stroom's (< stroom, > $engine):"
        diff "$answers/stroom-$q.csv" "$answers/$engine-$q.csv" | head -40 || true  # diff exits 1 on a difference
        echo "!!!!!!!! (full answers in $answers)"
      } >&2
    fi
  done
done

# --- the table -------------------------------------------------------------------------------
field() { awk -F'\t' -v k="$2" -v c="$3" '$1 == k { print $c }' "$work/$1.tsv"; }
ms() { awk -v v="$1" 'BEGIN { if (v >= 100) printf "%.0f", v; else printf "%.1f", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; if (r >= 10) printf "%.0f×", r; else printf "%.1f×", r }'; }

echo
echo "Peer comparison, $(date +%F), $(nproc) cores: $pupils pupils (--from $from --to $to --seed $seed), $spells inschrijvingen,"
echo "CSV $csv_mb MB, store $db_mb MB; thuiszitters on $at. Times: median of $runs runs (SQLite: $sqlite_runs), in ms."
echo "Peak: resident high-water mark of that engine's process during the question (model/tables included), MB."
echo
echo "| question | stroom | SQLite | DuckDB | SQLite/stroom | DuckDB/stroom | peak stroom | peak SQLite | peak DuckDB | answers | target |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"
for q in "${questions[@]}"; do
  s=$(field stroom "$q" 2) l=$(field sqlite "$q" 2) d=$(field duckdb "$q" 2)
  differs=()
  cmp -s "$answers/stroom-$q.csv" "$answers/sqlite-$q.csv" || differs+=("SQLITE DIFFERS")
  cmp -s "$answers/stroom-$q.csv" "$answers/duckdb-$q.csv" || differs+=("DUCKDB DIFFERS")
  same=equal
  ((${#differs[@]} == 0)) || same="${differs[*]}"
  target=$(awk -v s="$s" -v l="$l" -v d="$d" 'BEGIN {
    if (l >= 10 * s && d > s) print "met"; else if (l < 10 * s && d <= s) print "MISSED (SQLite <10×, DuckDB faster)";
    else if (l < 10 * s) print "MISSED (SQLite <10×)"; else print "MISSED (DuckDB faster)" }')
  [[ $same == equal ]] || target="— (a wrong answer's time says nothing)"
  echo "| $q | $(ms "$s") | $(ms "$l") | $(ms "$d") | $(ratio "$l" "$s") | $(ratio "$d" "$s") |" \
       "$(mb "$(field stroom "$q" 3)") | $(mb "$(field sqlite "$q" 3)") | $(mb "$(field duckdb "$q" 3)") | $same | $target |"
done
echo
echo "| load step (once per process) | time | peak MB |"
echo "| --- | ---: | ---: |"
echo "| stroom generate (CSV files) | ${generate_s} s | $( [[ -f $work/generate.kib ]] && mb "$(tail -1 "$work/generate.kib")" ) |"
echo "| stroom import (CSV → store) | ${import_s} s | $( [[ -f $work/import.kib ]] && mb "$(tail -1 "$work/import.kib")" ) |"
echo "| stroom: store → model (load_region) | $(ms "$(field stroom load 2)") ms | $(mb "$(field stroom load 3)") |"
echo "| DuckDB: CSV → tables | $(ms "$(field duckdb load 2)") ms | $(mb "$(field duckdb load 3)") |"
echo "| SQLite: none; creating the extra indexes + ANALYZE | ${index_s} s | $(mb "$(tail -1 "$work/sqlite-index.kib")") |"
echo
print_load_table
if ((mismatch)); then
  echo "!!!!!!!! At least one peer answer DIFFERS from stroom's: see the diffs above and $answers."
  exit 4
fi
echo "All peer answers equal stroom's (stroom measure ... --format csv), byte for byte."
