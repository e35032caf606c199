#!/usr/bin/env bash
# Shows that a change does not alter the PDFs for the reader: builds the CLI at a git ref (default
# HEAD~1) and at the working tree, renders every example answers file as the full protocol and as
# the staff summary in every language it selects, and compares `pdftotext -layout` output and the
# page count (`pdfinfo`). Exit 0 when every pair is identical, 1 otherwise.
# Usage: scripts/pdf-text-compare.sh [REF]        needs poppler-utils (pdftotext, pdfinfo)
set -euo pipefail
cd "$(dirname "$0")/.."
REF="${1:-HEAD~1}"
WORK="$(mktemp -d /tmp/richtsnoer-pdfcmp.XXXXXX)"
trap 'git worktree remove --force "$WORK/before-src" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

build() { # $1 source dir, $2 output dir (nothing is written into the source tree)
  dotnet build "$1/src/Richtsnoer.Cli" -c Release -nologo -v q --artifacts-path "$2.artifacts" >/dev/null
  ln -s "$2.artifacts/bin/Richtsnoer.Cli/release" "$2"
}

render() { # $1 CLI dir, $2 output dir
  mkdir -p "$2"
  for answers in examples/answers/*.yaml; do
    name="$(basename "$answers" .yaml)"
    langs="$(sed -n 's/^languages: *\[\(.*\)\].*/\1/p' "$answers" | tr -d ' ' | tr ',' ' ')"
    for lang in ${langs:-nl}; do
      for kind in protocol summary; do
        extra=""; [ "$kind" = summary ] && extra="--summary"
        out="$2/$name-$lang-$kind"
        dotnet "$1/richtsnoer.dll" generate --answers "$answers" --format pdf --lang "$lang" $extra --out "$out.pdf"
        pdftotext -layout "$out.pdf" "$out.txt"
        pdfinfo "$out.pdf" | sed -n 's/^Pages: *//p' > "$out.pages"
      done
    done
  done
}

git worktree add --detach "$WORK/before-src" "$REF" >/dev/null 2>&1
build "$WORK/before-src" "$WORK/before-cli"
build "$PWD" "$WORK/after-cli"
render "$WORK/before-cli" "$WORK/before"
render "$WORK/after-cli" "$WORK/after"

status=0
for f in "$WORK"/before/*.txt; do
  base="$(basename "$f" .txt)"
  pages_before="$(cat "$WORK/before/$base.pages")"; pages_after="$(cat "$WORK/after/$base.pages")"
  if cmp -s "$f" "$WORK/after/$base.txt" && [ "$pages_before" = "$pages_after" ]; then
    printf '%-28s identical  %2s pages  %6s words\n' "$base" "$pages_after" "$(wc -w < "$f")"
  else
    printf '%-28s DIFFERENT  %s -> %s pages\n' "$base" "$pages_before" "$pages_after"
    diff "$f" "$WORK/after/$base.txt" | head -20 || true
    status=1
  fi
done
exit $status
