#!/usr/bin/env bash
# Benchmark the timeline binary over a synthetic corpus.
#
#   scripts/bench-corpus.sh [N] [DATA_DIR]
#
# Builds N (default 100000) JSON Lines articles from the texts under
# DATA_DIR (default ../shared/data: TimeML files, tags stripped) and the
# seeds (see scripts/mkcorpus), into $BENCH_DIR (default
# /tmp/eventline-bench, never the repository), then runs the binary with
# -workers 1 and -workers 2 (and WORKERS="1 2 4" to change that) under
# /usr/bin/time -v, reporting docs/s, CPU time and peak RSS, and checks
# that every run's output is byte-identical. SHUFFLE=1 also runs over the
# same corpus with its lines shuffled and checks that output too.
# FORMAT (default jsonl) is the output format compared.
# Needs GNU time: apt-get install -y time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
DATA=${2:-../shared/data}
DIR=${BENCH_DIR:-/tmp/eventline-bench}
WORKERS=${WORKERS:-"1 2"}
FORMAT=${FORMAT:-jsonl}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install -y time" >&2; exit 1; }
mkdir -p "$DIR"
go build -o "$DIR/timeline" ./examples/timeline
go run ./scripts/mkcorpus -data "$DATA" -seeds seeds -n "$N" -o "$DIR/corpus.jsonl"
echo "corpus: $(wc -l < "$DIR/corpus.jsonl") documents, $(du -h "$DIR/corpus.jsonl" | cut -f1)"

report() { # name timefile
  local wall user sys rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$2")
  user=$(awk -F': ' '/User time/ {print $2}' "$2")
  sys=$(awk -F': ' '/System time/ {print $2}' "$2")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$2")
  # wall is h:mm:ss or m:ss.ss
  local secs
  secs=$(echo "$wall" | awk -F: '{ s=0; for (i=1;i<=NF;i++) s = s*60 + $i; print s }')
  printf '%-10s wall %8.1fs  cpu %8.1fs  %7.0f docs/s  %7.0f docs/cpu-s  peak RSS %6.0f MiB\n' \
    "$1" "$secs" "$(echo "$user + $sys" | bc)" "$(echo "$N / $secs" | bc -l)" "$(echo "$N / ($user + $sys)" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

first=""
for w in $WORKERS; do
  /usr/bin/time -v -o "$DIR/time-w$w.txt" "$DIR/timeline" -workers "$w" -format "$FORMAT" -o "$DIR/out-w$w.$FORMAT" "$DIR/corpus.jsonl"
  report "workers=$w" "$DIR/time-w$w.txt"
  if [ -z "$first" ]; then first="$DIR/out-w$w.$FORMAT"; else cmp "$first" "$DIR/out-w$w.$FORMAT" && echo "  output identical to $(basename "$first")"; fi
done
if [ "${SHUFFLE:-0}" = 1 ]; then
  shuf --random-source=<(yes) "$DIR/corpus.jsonl" > "$DIR/corpus-shuffled.jsonl"
  w=${WORKERS##* }
  /usr/bin/time -v -o "$DIR/time-shuffled.txt" "$DIR/timeline" -workers "$w" -format "$FORMAT" -o "$DIR/out-shuffled.$FORMAT" "$DIR/corpus-shuffled.jsonl"
  report "shuffled" "$DIR/time-shuffled.txt"
  cmp "$first" "$DIR/out-shuffled.$FORMAT" && echo "  shuffled input: output identical"
fi
echo "events: $(wc -l < "$first") lines of $FORMAT, $(du -h "$first" | cut -f1)"
