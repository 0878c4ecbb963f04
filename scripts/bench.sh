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
# Also (issue 17): the 4x paper (scaling), peak memory of each build from /usr/bin/time over its
# input size, and the live preview's rebuild after a one-word edit against its first full build.
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
rm -rf "$BENCH/paper" "$BENCH/paper2x" "$BENCH/paper4x" "$BENCH/xref" "$BENCH/cite" "$BENCH/out" "$BENCH/out2x" "$BENCH/out4x" \
  "$BENCH/outxref" "$BENCH/outcite" "$BENCH/outhtml" "$BENCH/serve" "$BENCH/serve-out"
python3 scripts/gen-bench-paper.py "$BENCH/paper"
python3 scripts/gen-bench-paper.py "$BENCH/paper2x" --scale 2
python3 scripts/gen-bench-paper.py "$BENCH/paper4x" --scale 4
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
CMD_FOLIO4="$(q "$FOLIO") build --paper $BENCH/paper4x --out $BENCH/out4x --to html,latex"

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
  -n "folio build, 4x corpus"      "$CMD_FOLIO4" \
  -n "cmark-gfm, 2x corpus"        "$CMD_CMARK2" \
  -n "folio build, 5,000 cross-references" "$CMD_XREF" \
  -n "folio build, 500 entries, 3,000 citations" "$CMD_CITE" \
  -n "pandoc --citeproc, same citations" "$CMD_CITEPROC" \
  -n "folio build --to html" "$CMD_HTML" \
  -n "folio lint" "$CMD_LINT"

# --- peak memory: /usr/bin/time's maximum resident set size, in KiB -----------------------
if [ -x /usr/bin/time ]; then
  rss() { /usr/bin/time -f %M -o "$BENCH/rss.txt" bash -c "$1" >/dev/null 2>&1; cat "$BENCH/rss.txt"; }
  {
    echo "floor $(rss "$(q "$FOLIO") --version")"
    echo "paper $(rss "$CMD_FOLIO")"
    echo "paper2x $(rss "$CMD_FOLIO2")"
    echo "paper4x $(rss "$CMD_FOLIO4")"
    echo "cite $(rss "$CMD_CITE")"
  } > "$BENCH/memory.txt"
else
  echo "bench: /usr/bin/time is missing (apt-get install time): no memory figures" >&2
  : > "$BENCH/memory.txt"
fi

# --- the live preview: a one-word edit in one chapter of the citation corpus ----------------
SERVE="$(dirname "$FOLIO")/folio-serve"
: > "$BENCH/serve.txt"
if [ -x "$SERVE" ]; then
  cp -r "$BENCH/cite" "$BENCH/serve"
  "$SERVE" --paper "$BENCH/serve" --out "$BENCH/serve-out" --port 0 > "$BENCH/serve-stdout.txt" 2> "$BENCH/serve-stderr.txt" &
  SERVE_PID=$!
  for _ in $(seq 1 100); do grep -q "Serving" "$BENCH/serve-stdout.txt" 2>/dev/null && break; sleep 0.1; done
  CHAPTER="$(ls "$BENCH/serve/chapters" | head -n 1)"
  for i in 1 2 3 4 5 6 7; do
    printf ' benchword%s\n' "$i" >> "$BENCH/serve/chapters/$CHAPTER"
    sleep 1.5
  done
  kill -INT "$SERVE_PID" 2>/dev/null || true
  wait "$SERVE_PID" 2>/dev/null || true
  grep -o 'rebuilt in [0-9]* ms' "$BENCH/serve-stderr.txt" | grep -o '[0-9]*' > "$BENCH/serve.txt" || true
else
  echo "bench: $SERVE is missing (make tool builds it): no preview figures" >&2
fi

# --- folio diff (issue 15): a one-word change in every chapter, at 1x and 2x ----------------
for scale in 1 2; do
  dir="$BENCH/diff$scale"
  rm -rf "$dir" && mkdir -p "$dir"
  src="$BENCH/paper"; [ "$scale" = 2 ] && src="$BENCH/paper2x"
  cp -r "$src" "$dir/Paper"
  git -C "$dir" init -q -b main
  git -C "$dir" -c user.name=bench -c user.email=bench@example.org add -A
  git -C "$dir" -c user.name=bench -c user.email=bench@example.org commit -q -m corpus
  # The first word of each chapter's first paragraph gets an "x": one word changed per chapter.
  python3 - "$dir/Paper/chapters" <<'PY'
import os, re, sys
for name in sorted(os.listdir(sys.argv[1])):
    path = os.path.join(sys.argv[1], name)
    text = open(path, encoding="utf-8").read()
    body = text.index("\n---\n", 4) + 5 if text.startswith("---\n") else 0
    m = re.compile(r"^([A-Z][a-z]+) ", re.M).search(text, body)
    if m:
        text = text[:m.end(1)] + "x" + text[m.end(1):]
    open(path, "w", encoding="utf-8").write(text)
PY
done
CMD_DIFF="cd $BENCH/diff1 && $(q "$FOLIO") diff HEAD --paper Paper --out out --no-pdf > /dev/null"
CMD_DIFF2="cd $BENCH/diff2 && $(q "$FOLIO") diff HEAD --paper Paper --out out --no-pdf > /dev/null"
bash -c "$CMD_DIFF" || { echo "bench: command failed: $CMD_DIFF" >&2; exit 1; }
hyperfine --warmup 1 --runs "$RUNS" --export-json "$BENCH/diff.json" \
  -n "folio diff, one word in every chapter" "$CMD_DIFF" \
  -n "folio diff, 2x corpus" "$CMD_DIFF2"

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
folio4 = by["folio build, 4x corpus"]
xref = by["folio build, 5,000 cross-references"]
cite, citeproc = by["folio build, 500 entries, 3,000 citations"], by["pandoc --citeproc, same citations"]
html, lint = by["folio build --to html"], by["folio lint"]

def corpus(d):
    with open(os.path.join(bench, d, "all.md"), "rb") as f:
        data = f.read()
    return len(data), len(data.split())

b1, w1 = corpus("paper")
b2, w2 = corpus("paper2x")
b4, _ = corpus("paper4x")
ms = lambda s: f"{s * 1000:9.1f} ms"
print()
with open(os.path.join(bench, "versions.txt")) as f:
    print("Versions: " + "; ".join(line.strip() for line in f if line.strip()))
print(f"Corpus: 1x {b1:,} bytes, {w1:,} words; 2x {b2:,} bytes, {w2:,} words (all.md, bodies only)")
print()
print(f"{'command':<36} {'mean':>12} {'± stddev':>12} {'min':>12} {'MB/s':>7}")
bx, _ = corpus("xref")
bc, _ = corpus("cite")
for r, size in [(folio, b1), (cmark, b1), (pandoc, b1), (folio2, b2), (folio4, b4), (cmark2, b2), (xref, bx), (cite, bc), (citeproc, bc), (html, b1), (lint, b1)]:
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

# The goals of issue 17, each beside its measure.
print()
print("Goals (issue 17)")
goal = lambda ok: "met" if ok else "NOT MET"
print(f"{'folio / cmark-gfm':<34} {fc:7.2f}x   goal at most 3x: {goal(fc <= 3)}")
print(f"{'pandoc --citeproc / folio':<34} {cp:7.2f}x   goal at least 50x: {goal(cp >= 50)}")
l4, l4_min = ratio(folio4, folio)
print(f"{'folio 4x / 1x':<34} {l4_min:7.2f}x   goal at most 4.4x (of mins; input {b4 / b1:.2f}x): {goal(l4_min <= 4.4)}")
mem = {}
with open(os.path.join(bench, "memory.txt")) as f:
    for line in f:
        name, _, kib = line.partition(" ")
        if kib.strip().isdigit():
            mem[name] = int(kib) * 1024
if mem:
    floor = mem.get("floor", 12 << 20)
    for name, size in [("paper", b1), ("paper2x", b2), ("paper4x", b4), ("cite", bc)]:
        if name in mem:
            over = (mem[name] - floor) / size
            print(f"{'peak memory, ' + name:<34} {mem[name] / 1e6:6.1f} MB   {over:5.1f}x the input above a {floor / 1e6:.1f} MB floor;"
                  f" goal at most 10x: {goal(over <= 10)}")
    # What each further byte of input costs: the slope between two sizes, which leaves out what every
    # build needs whatever its size (code and Unicode tables a build touches beyond --version).
    if "paper" in mem and "paper4x" in mem:
        slope = (mem["paper4x"] - mem["paper"]) / (b4 - b1)
        print(f"{'peak memory, 1x to 4x (slope)':<34} {slope:7.2f}x   the memory each further input byte costs")
with open(os.path.join(bench, "serve.txt")) as f:
    times = [int(t) for t in f.read().split()]
if len(times) >= 3:
    first, edits = times[0], sorted(times[1:])
    median = edits[len(edits) // 2]
    print(f"{'preview rebuild / first build':<34} {median / first * 100:6.1f} %   ({median} ms of {first} ms, median of {len(edits)} edits);"
          f" goal at most 10 %: {goal(median <= 0.1 * first)}")

# folio diff: the two analyses are about two HTML builds' worth; the rest is the comparison and
# writing the marked paper (HTML and LaTeX).
with open(os.path.join(bench, "diff.json")) as f:
    d = {r["command"]: r for r in json.load(f)["results"]}
if d:
    d1, d2 = d["folio diff, one word in every chapter"], d["folio diff, 2x corpus"]
    beyond = d1["mean"] - 2 * html["mean"]
    print()
    print("folio diff (issue 15): 100 chapters, one word changed in each")
    print(f"{'diff, 1x':<34} {ms(d1['mean'])}   beyond two HTML builds: {beyond * 1000:.0f} ms; goal well under 1 s: {goal(beyond < 1)}")
    print(f"{'diff 2x / 1x':<34} {d2['min'] / d1['min']:7.2f}x   (of mins; input {b2 / b1:.2f}x): {'linear' if d2['min'] / d1['min'] <= 1.15 * b2 / b1 else 'WORSE THAN LINEAR'}")
PY
