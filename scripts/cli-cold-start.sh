#!/bin/bash
# usage: scripts/cli-cold-start.sh PATH/richtsnoer[.dll] [runs]: median of N fresh processes of `generate --format docx` and of `--help`, paired
BIN=$1; N=${2:-10}; ANS="$(cd "$(dirname "$0")/.." && pwd)/examples/answers/bakkerij.yaml"; OUT=$(mktemp -d)
run() { local s=$(date +%s%N); "$@" > /dev/null 2>&1; local e=$(date +%s%N); echo $(( (e-s)/1000000 )); }
case "$BIN" in *.dll) CMD=(dotnet "$BIN");; *) CMD=("$BIN");; esac
"${CMD[@]}" generate --answers $ANS --format docx --out $OUT/w.docx >/dev/null 2>&1  # warm the disk cache
G=(); H=()
for i in $(seq $N); do
  H+=($(run "${CMD[@]}" --help))
  G+=($(run "${CMD[@]}" generate --answers $ANS --format docx --out $OUT/p.docx))
done
med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "generate docx ms: ${G[*]} | median $(med "${G[@]}")"
echo "--help ms:        ${H[*]} | median $(med "${H[@]}")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf $OUT
