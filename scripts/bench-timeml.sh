#!/usr/bin/env bash
# Whole-process speed test: the TimeML example binary against the naive
# when loop (examples/naivewhen) over the same files.
#
#   scripts/bench-timeml.sh [COPIES] [DATA_DIR]
#
# Writes the 256 TBAQ documents of DATA_DIR (default ../shared/data)
# with the tags of TEXT stripped, COPIES times (default 4), under
# $BENCH_DIR (default /tmp/eventline-bench-timeml, never the repository),
# then runs each binary over all of them, as one process, and reports
# wall and CPU time, MB/s of text and the ratios: the naive loop once,
# then examples/timeml $RUNS times (default 3) in each of three ways, each
# run then their median: the whole pipeline (-events: dateline, sentences,
# expressions, events, actors) with one worker, as the loop runs; the
# whole pipeline with timeml's default of one worker per core; and
# timeml's default, which skips the event stage (its output, the same,
# holds only the expressions). Both binaries read the same files with the
# same TimeML reader and the DCT as reference time; examples/timeml writes
# the annotated files, the naive loop only counts its matches.
#
# The annotated files go under $OUT_DIR (default $BENCH_DIR): set it to a
# tmpfs such as /dev/shm to time the processes without the file system's
# cost of creating a thousand files, which the naive loop does not pay.
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES=${1:-4}
DATA=${2:-../shared/data}
DIR=${BENCH_DIR:-/tmp/eventline-bench-timeml}
RUNS=${RUNS:-3}
OUTS=${OUT_DIR:-$DIR}/eventline-timeml-out
mkdir -p "$DIR" "$OUTS"
# Outputs are deleted when the script ends, not before a run: on ext4,
# creating files within about 30 s of deleting thousands in the same
# place makes the allocator skip each recently freed inode, which cost
# up to 0.3 s of system time per run here (the kernel counts an inode as
# recently freed for up to a few minutes). For the same reason the inputs
# are kept from one run to the next when made alike.
rm -rf "${OUTS:?}"/*
trap 'rm -rf "$OUTS"' EXIT
go build -o "$DIR/timeml" ./examples/timeml
go build -o "$DIR/naivewhen" ./examples/naivewhen
stamp="copies=$COPIES data=$(cd "$DATA" && pwd) mkte3input=$(cat scripts/mkte3input/*.go | cksum)"
if [ "$(cat "$DIR/in.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$DIR/in" "$DIR/in.stamp"
  go run ./scripts/mkte3input -o "$DIR/in" -copies "$COPIES" "$DATA/tbaq/TimeBank" "$DATA/tbaq/AQUAINT"
  echo "$stamp" > "$DIR/in.stamp"
fi
files=("$DIR"/in/c*/*.TE3input)

run() { # name cmd...
  local name=$1; shift
  local tf="$DIR/$name.time"
  local s e
  s=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S %M' -o "$tf" "$@" > "$DIR/$name.stdout"
  else
    # no GNU time (apt-get install -y time): wall time only
    "$@" > "$DIR/$name.stdout"
    echo "0 0 0" > "$tf"
  fi
  e=$(date +%s.%N)
  echo "$s $e $(cat "$tf")"
}

report() { # label wall-start wall-end user sys rss
  awk -v b="$bytes" -v l="$1" -v s="$2" -v e="$3" -v u="$4" -v sy="$5" -v rss="$6" -v nw="$nw" -v nc="$nc" 'BEGIN {
    w = e - s; c = u + sy
    printf "%-26s wall %7.2fs  cpu %7.2fs  %6.2f MB/s  %6.2f MB/cpu-s  peak RSS %5.0f MiB", l, w, c, b/1e6/w, (c > 0 ? b/1e6/c : 0), rss/1024
    if (nw > 0) {
      printf "  vs naive: wall %.1fx", nw/w
      if (c > 0 && nc > 0) printf ", cpu %.1fx", nc/c
    }
    printf "\n"
  }'
}

read -r ns ne nu nsy nrss <<< "$(run naive "$DIR/naivewhen" "${files[@]}")"
bytes=$(awk '{print $3}' "$DIR/naive.stdout")
echo "input: ${#files[@]} files, $bytes bytes of text"
echo "naive when: $(cat "$DIR/naive.stdout")"
nw=0 nc=0
report "naive when" "$ns" "$ne" "$nu" "$nsy" "$nrss"
nw=$(awk -v s="$ns" -v e="$ne" 'BEGIN { print e - s }')
nc=$(awk -v u="$nu" -v s="$nsy" 'BEGIN { print u + s }')
# the whole pipeline (-events) with one worker, as the naive loop runs,
# then with one per core (the default); then as timeml runs by default,
# without the event stage, whose work its output does not read
for config in "-events -workers 1" "-events" ""; do
  label="timeml ${config:-(default)}"
  runs=()
  for r in $(seq "$RUNS"); do
    out="$OUTS/$r${config// /}" # a fresh folder for each run
    # shellcheck disable=SC2086 # config is a list of flags
    runs+=("$(run timeml "$DIR/timeml" -out "$out" $config "${files[@]}")")
    written=$(grep -c TIMEX3 "$DIR/timeml.stdout")
    read -r ts te tu tsy trss <<< "${runs[-1]}"
    report "  run $r" "$ts" "$te" "$tu" "$tsy" "$trss"
    echo "    $written files written"
  done
  # the median run by wall time
  read -r ts te tu tsy trss <<< "$(printf '%s\n' "${runs[@]}" | awk '{ print $2 - $1, $0 }' | sort -g | awk -v m=$(( (RUNS + 1) / 2 )) 'NR == m { $1 = ""; print }')"
  report "$label" "$ts" "$te" "$tu" "$tsy" "$trss"
done
