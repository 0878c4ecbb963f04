#!/usr/bin/env bash
# Benchmarks a folio binary against the cmark-gfm CLI and pandoc on a synthetic 2.5 MB paper.
#
#   scripts/bench.sh FOLIO          (`make bench` passes .build/release/folio)
#
# Generates Build/bench/paper (100 chapters, ~2.5 MB) and Build/bench/paper2x (the same
# chapters plus 100 more), times with hyperfine (--warmup 1 --runs 5):
#   folio build on the paper (HTML + LaTeX), cmark-gfm and pandoc on the same text (all.md),
#   folio build on the 2x paper (linearity), cmark-gfm on the 2x text (control),
# and prints mean times and ratios. Raw results: Build/bench/results.json.
# Exits non-zero when a command fails, never because of the timings.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 FOLIO-BINARY" >&2
  exit 2
fi
if [ ! -x "$1" ]; then
  echo "bench: '$1' is not an executable folio binary (run 'make tool' first)" >&2
  exit 2
fi
FOLIO="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"

cd "$(dirname "$0")/.."
BENCH="Build/bench"
RUNS=5
WARMUP=1

for tool in hyperfine cmark-gfm python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: '$tool' not found (make bench installs it)" >&2; exit 2; }
done

# pandoc 3 comes from the pypandoc-binary wheel, which carries its own pandoc executable.
PANDOC="$(scripts/ensure-pandoc)"

# --- corpus -----------------------------------------------------------------------------
mkdir -p "$BENCH"
rm -rf "$BENCH/paper" "$BENCH/paper2x" "$BENCH/xref" "$BENCH/cite" "$BENCH/out" "$BENCH/out2x" "$BENCH/outxref" "$BENCH/outcite" "$BENCH/outhtml"
python3 scripts/gen-bench-paper.py "$BENCH/paper"
python3 scripts/gen-bench-paper.py "$BENCH/paper2x" --scale 2
python3 scripts/gen-bench-paper.py "$BENCH/xref" --crossrefs 5000
python3 scripts/gen-bench-paper.py "$BENCH/cite" --citations 3000 --bib-entries 500

q() { printf '%q' "$1"; }
CMD_FOLIO="$(q "$FOLIO") build --paper $BENCH/paper --out $BENCH/out --to html,latex"
CMD_CMARK="cmark-gfm -e table -e strikethrough -e tasklist $BENCH/paper/all.md > /dev/null"
CMD_PANDOC="$(q "$PANDOC") -f gfm -t html $BENCH/paper/all.md -o /dev/null"
CMD_FOLIO2="$(q "$FOLIO") build --paper $BENCH/paper2x --out $BENCH/out2x --to html,latex"
CMD_XREF="$(q "$FOLIO") build --paper $BENCH/xref --out $BENCH/outxref --to html,latex"
CMD_CITE="$(q "$FOLIO") build --paper $BENCH/cite --out $BENCH/outcite --to html,latex"
CMD_CITEPROC="$(q "$PANDOC") -f markdown -t html --citeproc --bibliography $BENCH/cite/references.bib $BENCH/cite/all.md -o /dev/null"
CMD_HTML="$(q "$FOLIO") build --paper $BENCH/paper --out $BENCH/outhtml --to html"
CMD_LINT="$(q "$FOLIO") lint --paper $BENCH/paper > /dev/null"
CMD_CMARK2="cmark-gfm -e table -e strikethrough -e tasklist $BENCH/paper2x/all.md > /dev/null"

# --- one checked run of each command, so a failure shows its own message -------------------
echo
echo "Checking that every command succeeds..."
for cmd in "$CMD_FOLIO" "$CMD_CMARK" "$CMD_PANDOC" "$CMD_FOLIO2" "$CMD_CMARK2" "$CMD_XREF" "$CMD_CITE" "$CMD_CITEPROC" "$CMD_HTML" "$CMD_LINT"; do
  if ! out="$(bash -c "$cmd" 2>&1)"; then
    echo "bench: command failed: $cmd" >&2
    printf '%s\n' "$out" >&2
    exit 1
  fi
done
for f in out/html/index.html out/latex/paper.tex out2x/html/index.html out2x/latex/paper.tex; do
  [ -s "$BENCH/$f" ] || { echo "bench: folio did not write $BENCH/$f" >&2; exit 1; }
done

echo "Note: the cmark-gfm CLI in Debian bookworm has no footnotes option, so it parses"
echo "      [^n] references and definitions as plain text; folio and pandoc render footnotes."

# --- timing -------------------------------------------------------------------------------
echo
hyperfine --warmup "$WARMUP" --runs "$RUNS" --export-json "$BENCH/results.json" \
  -n "folio build (html,latex)"    "$CMD_FOLIO" \
  -n "cmark-gfm"                   "$CMD_CMARK" \
  -n "pandoc -f gfm -t html"       "$CMD_PANDOC" \
  -n "folio build, 2x corpus"      "$CMD_FOLIO2" \
  -n "cmark-gfm, 2x corpus"        "$CMD_CMARK2" \
  -n "folio build, 5,000 cross-references" "$CMD_XREF" \
  -n "folio build, 500 entries, 3,000 citations" "$CMD_CITE" \
  -n "pandoc --citeproc, same citations" "$CMD_CITEPROC" \
  -n "folio build --to html" "$CMD_HTML" \
  -n "folio lint" "$CMD_LINT"

# --- summary ------------------------------------------------------------------------------
{
  "$FOLIO" --version
  cmark-gfm --version | head -n 1
  "$PANDOC" --version | head -n 1
} > "$BENCH/versions.txt"

python3 - "$BENCH" <<'PY'
import json, os, sys

bench = sys.argv[1]
with open(os.path.join(bench, "results.json")) as f:
    results = json.load(f)["results"]
by = {r["command"]: r for r in results}
folio, cmark, pandoc = by["folio build (html,latex)"], by["cmark-gfm"], by["pandoc -f gfm -t html"]
folio2, cmark2 = by["folio build, 2x corpus"], by["cmark-gfm, 2x corpus"]
xref = by["folio build, 5,000 cross-references"]
cite, citeproc = by["folio build, 500 entries, 3,000 citations"], by["pandoc --citeproc, same citations"]
html, lint = by["folio build --to html"], by["folio lint"]

def corpus(d):
    with open(os.path.join(bench, d, "all.md"), "rb") as f:
        data = f.read()
    return len(data), len(data.split())

b1, w1 = corpus("paper")
b2, w2 = corpus("paper2x")
ms = lambda s: f"{s * 1000:9.1f} ms"
print()
with open(os.path.join(bench, "versions.txt")) as f:
    print("Versions: " + "; ".join(line.strip() for line in f if line.strip()))
print(f"Corpus: 1x {b1:,} bytes, {w1:,} words; 2x {b2:,} bytes, {w2:,} words (all.md, bodies only)")
print()
print(f"{'command':<36} {'mean':>12} {'± stddev':>12} {'min':>12} {'MB/s':>7}")
bx, _ = corpus("xref")
bc, _ = corpus("cite")
for r, size in [(folio, b1), (cmark, b1), (pandoc, b1), (folio2, b2), (cmark2, b2), (xref, bx), (cite, bc), (citeproc, bc), (html, b1), (lint, b1)]:
    print(f"{r['command']:<36} {ms(r['mean']):>12} {ms(r['stddev']):>12} {ms(r['min']):>12}"
          f" {size / 1e6 / r['mean']:7.1f}")
print()
# Ratios of means (the headline numbers) and of minimums: on a shared 2-core machine other
# processes inflate some runs, and the minimum is the least disturbed estimate.
ratio = lambda a, b: (a["mean"] / b["mean"], a["min"] / b["min"])
fc, fc_min = ratio(folio, cmark)
pf, pf_min = ratio(pandoc, folio)
lin, lin_min = ratio(folio2, folio)
lin_c, lin_c_min = ratio(cmark2, cmark)
size_ratio = b2 / b1
print(f"{'ratio':<24} {'of means':>9} {'of mins':>9}")
print(f"{'folio / cmark-gfm':<24} {fc:8.2f}x {fc_min:8.2f}x   target: at most 5x -> "
      f"{'within target' if fc <= 5 else 'ABOVE TARGET'}")
print(f"{'pandoc / folio':<24} {pf:8.2f}x {pf_min:8.2f}x")
print(f"{'folio 2x / 1x':<24} {lin:8.2f}x {lin_min:8.2f}x   input ratio {size_ratio:.2f} -> "
      f"{'linear' if lin_min <= 1.15 * size_ratio else 'WORSE THAN LINEAR'} (judged on mins, 15% slack)")
print(f"{'cmark-gfm 2x / 1x':<24} {lin_c:8.2f}x {lin_c_min:8.2f}x   (control)")
xr, xr_min = ratio(xref, folio)
print(f"{'5,000 xrefs / plain':<24} {xr:8.2f}x {xr_min:8.2f}x   (the same text plus 5,000 @sec: references, {bx / b1:.2f}x the bytes)")
ct, ct_min = ratio(cite, folio)
print(f"{'3,000 citations / plain':<24} {ct:8.2f}x {ct_min:8.2f}x   (the same text plus 3,000 citations of a 500-entry .bib)")
cp, cp_min = ratio(citeproc, cite)
print(f"{'citeproc / folio':<24} {cp:8.2f}x {cp_min:8.2f}x   (pandoc 3 --citeproc on all.md, HTML only)")
li, li_min = ratio(lint, html)
print(f"{'lint / build --to html':<24} {li:8.2f}x {li_min:8.2f}x   target: at most 1.5x -> "
      f"{'within target' if li <= 1.5 else 'ABOVE TARGET'}")
PY
