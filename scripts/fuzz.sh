#!/usr/bin/env bash
# Builds Folio's libFuzzer targets (Fuzz/) with the fuzzer and address sanitizers and runs each for
# SECONDS seconds (default 60), seeded from the GFM spec examples, the test fixtures and Paper/.
# Prints executions per target; exits non-zero if any target finds a crash, leak or timeout.
#
#   scripts/fuzz.sh [SECONDS]        (make fuzz FUZZ_SECONDS=N)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
OUT=Build/fuzz
BIN=.build-fuzz/debug
TARGETS=(FuzzMarkdown FuzzYAML FuzzAttributes FuzzBibliography)

echo "Building fuzz targets (fuzzer + address sanitizers)"
set +e
swift build --package-path Fuzz --scratch-path .build-fuzz -c debug --sanitize fuzzer --sanitize address 2>&1 |
  grep -Ev "ld.gold: warning: Cannot export local symbol"
build_status=${PIPESTATUS[0]}
set -e
if [ "$build_status" -ne 0 ]; then
  echo "fuzz: building the fuzz targets failed (exit $build_status)" >&2
  exit 1
fi
for t in "${TARGETS[@]}"; do [ -x "$BIN/$t" ] || { echo "fuzz: $BIN/$t was not built" >&2; exit 1; }; done

# Seeds: one file per GFM example and fixture, YAML from the paper, attribute blocks from headings.
mkdir -p "$OUT/artifacts"
python3 - "$OUT/seeds" <<'PY'
import glob, os, re, sys
out = sys.argv[1]
for sub in ("FuzzMarkdown", "FuzzYAML", "FuzzAttributes", "FuzzBibliography"):
    os.makedirs(os.path.join(out, sub), exist_ok=True)
def put(sub, name, text):
    with open(os.path.join(out, sub, name), "w", encoding="utf-8") as f:
        f.write(text)
fence = "`" * 32
n = 0
for spec in sorted(glob.glob("../shared/conformance/*.txt")):
    text = open(spec, encoding="utf-8").read()
    for m in re.finditer(fence + r" example[^\n]*\n(.*?)\n\.\n", text, re.S):
        n += 1
        put("FuzzMarkdown", f"spec-{n:04d}.md", m.group(1).replace("→", "\t") + "\n")
mds = sorted(glob.glob("Tests/FolioKitTests/Fixtures/**/*.md", recursive=True) + glob.glob("Paper/**/*.md", recursive=True))
def pieces(text, limit=4096):
    """Small seeds mutate faster: a long chapter is cut at its headings into pieces of about 4 KB."""
    if len(text) <= limit:
        return [text]
    out, current = [], ""
    for part in re.split(r"(?m)^(?=#)", text):
        if current and len(current) + len(part) > limit:
            out.append(current)
            current = ""
        current += part
    return out + ([current] if current else [])
for i, path in enumerate(mds):
    text = open(path, encoding="utf-8").read()
    for j, piece in enumerate(pieces(text)):
        put("FuzzMarkdown", f"file-{i:03d}-{j:02d}.md", piece)
    put("FuzzYAML", f"chapter-{i:03d}.md", text[:4096])
    for j, attrs in enumerate(re.findall(r"\{[^{}\n]*\}", text)):
        put("FuzzAttributes", f"attr-{i:03d}-{j:03d}.txt", attrs)
for i, path in enumerate(sorted(glob.glob("Paper/**/*.yaml", recursive=True) + glob.glob("Tests/FolioKitTests/Fixtures/**/*.yaml", recursive=True))):
    put("FuzzYAML", f"yaml-{i:03d}.yaml", open(path, encoding="utf-8").read())
for i, path in enumerate(sorted(glob.glob("Paper/**/*.bib", recursive=True) + glob.glob("Tests/FolioKitTests/Fixtures/**/*.bib", recursive=True)
                                + glob.glob("Tests/FolioKitTests/Fixtures/**/*.json", recursive=True))):
    text = open(path, encoding="utf-8").read()
    # One seed per few entries (and the whole file when it is small).
    entries = re.split(r"(?m)^(?=@)", text) if path.endswith(".bib") else [text]
    for j in range(0, len(entries), 3):
        put("FuzzBibliography", f"bib-{i:03d}-{j:03d}.txt", "".join(entries[j:j + 3]))
put("FuzzAttributes", "full.txt", '{#sec:x .a .b key=value k2="quoted value" -}')
if n == 0:
    print("notice: ../shared/conformance not found; seeding from fixtures and Paper/ only")
PY

status=0
summary=()
for t in "${TARGETS[@]}"; do
  mkdir -p "$OUT/corpus/$t"
  log="$OUT/$t.log"
  echo "Fuzzing $t for ${SECONDS_PER_TARGET}s"
  set +e
  "$BIN/$t" "$OUT/corpus/$t" "$OUT/seeds/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
    -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" >"$log" 2>&1
  rc=$?
  set -e
  runs="$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)"
  if [ "$rc" -ne 0 ]; then
    status=1
    summary+=("$t: FAILED (exit $rc) after ${runs:-?} runs; see $log and $OUT/artifacts/")
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5 || true
  else
    summary+=("$t: ${runs:-?} runs, no findings")
  fi
done
echo
printf '%s\n' "${summary[@]}"
exit "$status"
