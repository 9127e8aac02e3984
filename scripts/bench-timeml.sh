#!/usr/bin/env bash
# Whole-process speed test: the TimeML example binary against the naive
# when loop (examples/naivewhen) over the same files.
#
#   scripts/bench-timeml.sh [COPIES] [DATA_DIR]
#
# Writes the 256 TBAQ documents of DATA_DIR (default ../shared/data)
# with the tags of TEXT stripped, COPIES times (default 4), under
# $BENCH_DIR (default /tmp/eventline-bench-timeml, never the repository),
# then runs each binary once over all of them, as one process, and
# reports wall and CPU time, MB/s of text and the ratio. Both binaries
# read the same files with the same TimeML reader and the DCT as
# reference time; examples/timeml runs the whole pipeline (dateline,
# sentences, expressions, events, actors) and writes the annotated
# files, the naive loop only counts its matches.
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES=${1:-4}
DATA=${2:-../shared/data}
DIR=${BENCH_DIR:-/tmp/eventline-bench-timeml}
rm -rf "$DIR/in" "$DIR/out"
mkdir -p "$DIR"
go build -o "$DIR/timeml" ./examples/timeml
go build -o "$DIR/naivewhen" ./examples/naivewhen
go run ./scripts/mkte3input -o "$DIR/in" -copies "$COPIES" "$DATA/tbaq/TimeBank" "$DATA/tbaq/AQUAINT"
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

read -r ns ne nu nsy nrss <<< "$(run naive "$DIR/naivewhen" "${files[@]}")"
bytes=$(awk '{print $3}' "$DIR/naive.stdout")
read -r ts te tu tsy trss <<< "$(run timeml "$DIR/timeml" -out "$DIR/out" "${files[@]}")"
echo "input: ${#files[@]} files, $bytes bytes of text"
echo "naive when: $(cat "$DIR/naive.stdout")"
echo "timeml:     $(grep -c TIMEX3 "$DIR/timeml.stdout") files written"
awk -v b="$bytes" -v ns="$ns" -v ne="$ne" -v nu="$nu" -v nsy="$nsy" -v nrss="$nrss" \
    -v ts="$ts" -v te="$te" -v tu="$tu" -v tsy="$tsy" -v trss="$trss" 'BEGIN {
  nw = ne - ns; tw = te - ts; nc = nu + nsy; tc = tu + tsy
  printf "%-11s wall %7.2fs  cpu %7.2fs  %6.2f MB/s  %6.2f MB/cpu-s  peak RSS %5.0f MiB\n", "naive when", nw, nc, b/1e6/nw, (nc > 0 ? b/1e6/nc : 0), nrss/1024
  printf "%-11s wall %7.2fs  cpu %7.2fs  %6.2f MB/s  %6.2f MB/cpu-s  peak RSS %5.0f MiB\n", "timeml", tw, tc, b/1e6/tw, (tc > 0 ? b/1e6/tc : 0), trss/1024
  printf "ratio (timeml / naive): wall %.1fx", nw/tw
  if (tc > 0 && nc > 0) printf ", cpu %.1fx", nc/tc
  printf "\n"
}'
