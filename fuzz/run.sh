#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ for a fixed time each; `make fuzz-smoke` and `make fuzz`.
#
# Usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (default: every target, one after another)
#
# Each target fuzzes in BUILD_DIR/corpus/<target> (new inputs go there) with fuzz/corpus/<target>
# as a read-only seed corpus, so nothing is written into the source tree. A crash, sanitizer
# report, leak, timeout (-timeout, per input) or out-of-memory fails the run: the reproducer is
# in BUILD_DIR/artifacts/<target>/ and this script prints its path and the command that replays it.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
((${#targets[@]})) || targets=(csv_reader date bsn)

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}  # ASan prints its stacks already
failed=0
for target in "${targets[@]}"; do
  binary=$build/${target}_fuzz
  [[ -x $binary ]] || { echo "fuzz: $binary ontbreekt (make fuzz-build)" >&2; exit 2; }
  mkdir -p "$build/corpus/$target" "$build/artifacts/$target" "$build/logs"
  log=$build/logs/$target.log
  options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
           -artifact_prefix="$build/artifacts/$target/")
  case $target in
    csv_reader) options+=(-dict="$here/csv.dict" -max_len=4096) ;;
    date) options+=(-max_len=64) ;;
    bsn) options+=(-max_len=128 -use_value_profile=1) ;;
  esac
  "$binary" "${options[@]}" "$build/corpus/$target" "$here/corpus/$target" >"$log" 2>&1
  status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corpus=$(find "$build/corpus/$target" -type f | wc -l)
  if ((status == 0)); then
    echo "fuzz $target: ${seconds} s, ${runs:-?} inputs, ${speed:-?}/s, corpus $corpus: geen fouten"
    continue
  fi
  failed=1
  echo "fuzz $target: FOUT (exit $status); het rapport uit $log:" >&2
  # From the first report line on, without libFuzzer's own frames and ASan's shadow-memory map.
  report=$(awk '/ERROR: |FUZZ_CHECK failed|runtime error:|==[0-9]+==WARNING/ { on = 1 }
                /^Shadow bytes around/ { skip = 1 } /^==[0-9]+==ABORTING/ { skip = 0 }
                on && !skip && !/ in fuzzer::/ && !/^#[0-9]+\t/' "$log" | head -n 60)
  echo "${report:-$(tail -n 20 "$log")}" >&2
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  if [[ -n $artifact ]]; then
    echo "fuzz $target: reproducer in $artifact" >&2
    echo "fuzz $target: opnieuw afspelen: $binary $artifact" >&2
  fi
done
exit $failed
