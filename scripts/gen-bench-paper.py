#!/usr/bin/env python3
"""Generates a synthetic Folio paper for `make bench`.

    scripts/gen-bench-paper.py OUTDIR [--chapters 100] [--target-bytes 2500000] [--scale N] [--seed S]

--target-bytes defaults to 25,000 bytes per chapter (2.5 MB for the default 100
chapters; `--chapters 10` gives a 250 kB corpus, e.g. for profiling).

Writes:
  OUTDIR/folio.yaml          the manifest (front matter, two parts, one appendix)
  OUTDIR/chapters/NNN.md     one file per chapter: YAML front matter, then GFM Markdown
  OUTDIR/all.md              every chapter body (front matter stripped) concatenated in
                             manifest order: the same text, for the cmark-gfm and pandoc baselines

The output is deterministic: chapter i is generated from its own RNG seeded with
(seed, i), so the same arguments always give byte-identical files.

--scale N multiplies the number of chapters by N and keeps the size of each
chapter, so an N-times corpus contains the 1x corpus's chapters plus N-1 times
as many new ones (for checking that build time is linear in input size).

The Markdown uses only what Folio accepts in a chapter body: `##`/`###` headings
with ids unique across the paper, GFM pipe tables, bullet and numbered lists,
*emphasis*, **strong**, ~~strike~~, inline code, links and footnotes (labels
unique across the paper, so all.md is valid on its own). No `@`, `$`, raw HTML
or images.
"""

import argparse
import re
import os
import random
import sys

WORDS = """
access model operator developer government infrastructure evaluation safety security
assurance procurement service data residency continuity incident response oversight
governance framework risk management testing deployment capability threshold policy
obligation guarantee contract audit monitoring logging retention confidentiality
integrity availability resilience outage dependency supplier provider customer user
network grid water energy transport health emergency finance telecommunications
analysis report summary guidance standard control requirement review approval
staged tiered structured pilot production sandbox environment interface version
update change notice period release schedule benchmark measurement evidence finding
disclosure information sharing cooperation international regional national agency
institute regulator authority ministry department team owner reviewer stakeholder
public private partnership funding budget cost price licence term clause schedule
annex appendix chapter section table figure note source reference record register
training inference weights hosting cloud region sovereign dedicated enterprise
threat actor misuse mitigation safeguard filter classifier refusal escalation
human decision advisory automation workflow triage alert detection investigation
""".split()

ADJECTIVES = """
critical essential robust transparent proportionate independent secure reliable
shared common structured appropriate sensitive limited deep broad early timely
practical clear consistent measurable verifiable accountable documented agreed
""".split()

VERBS = """
requires provides ensures supports enables describes assesses reviews monitors reports
defines agrees publishes maintains limits extends notifies documents verifies tests
""".split()

CODE = ["access.tier", "retention_days", "POST /v1/evaluate", "region=eu-west",
        "max_tokens", "log_level: info", "incident.report()", "sla.availability",
        "model_version", "--dry-run", "risk_score >= 0.7", "audit.json"]

STATUSES = ["draft", "review", "approved"]


class Chapter:
    def __init__(self, index, seed, target_bytes):
        self.index = index
        self.rng = random.Random(f"{seed}:{index}")
        self.target = target_bytes
        self.tag = f"c{index:03d}"
        self.section_no = 0
        self.footnote_no = 0
        self.pending_notes = []
        self.notes_bytes = 0

    # -- inline text -----------------------------------------------------
    def word(self):
        # Never the same word twice in a row: real prose has no "the the", and the linter would flag it.
        w = self.rng.choice(WORDS)
        while w == getattr(self, "last_word", None):
            w = self.rng.choice(WORDS)
        self.last_word = w
        return w

    def phrase(self, lo=2, hi=4):
        return " ".join(self.word() for _ in range(self.rng.randint(lo, hi)))

    def inline(self):
        r = self.rng.random()
        if r < 0.10:
            return f"*{self.phrase(1, 3)}*"
        if r < 0.17:
            return f"**{self.phrase(1, 3)}**"
        if r < 0.20:
            return f"~~{self.phrase(1, 2)}~~"
        if r < 0.26:
            return f"`{self.rng.choice(CODE)}`"
        if r < 0.31:
            slug = "-".join(self.phrase(1, 3).split())
            return f"[{self.phrase(1, 3)}](https://example.org/{self.tag}/{slug})"
        return self.phrase(3, 7)

    def sentence(self):
        parts = [self.rng.choice(ADJECTIVES).capitalize(), self.word(), self.rng.choice(VERBS)]
        for _ in range(self.rng.randint(2, 5)):
            parts.append(self.inline())
        s = " ".join(parts)
        if self.rng.random() < 0.08:
            self.footnote_no += 1
            label = f"{self.tag}-{self.footnote_no}"
            note = (f"[^{label}]: {self.sentence_plain()} See [the {self.word()} note]"
                    f"(https://example.org/notes/{label}).")
            self.pending_notes.append(note)
            self.notes_bytes += len(note) + 2
            s += f"[^{label}]"
        return s + "."

    def sentence_plain(self):
        return (self.rng.choice(ADJECTIVES).capitalize() + " " + self.word() + " "
                + self.rng.choice(VERBS) + " " + self.phrase(4, 9) + ".")

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.rng.randint(3, 7)))

    # -- blocks ----------------------------------------------------------
    def heading(self, level):
        self.section_no += 1
        title = self.phrase(2, 5).capitalize()
        return f"{'#' * level} {title} {{#sec:{self.tag}-{self.section_no}}}"

    def table(self):
        cols = self.rng.randint(3, 5)
        rows = self.rng.randint(4, 10)
        aligns = [self.rng.choice([":---", "---", ":---:", "---:"]) for _ in range(cols)]
        out = ["| " + " | ".join(self.phrase(1, 2).capitalize() for _ in range(cols)) + " |",
               "|" + "|".join(aligns) + "|"]
        for _ in range(rows):
            cells = []
            for _ in range(cols):
                r = self.rng.random()
                if r < 0.2:
                    cells.append(f"{self.rng.randint(1, 999)}.{self.rng.randint(0, 9)}")
                elif r < 0.3:
                    cells.append(f"*{self.phrase(1, 2)}*")
                elif r < 0.35:
                    cells.append(f"`{self.rng.choice(CODE)}`")
                else:
                    cells.append(self.phrase(1, 5))
            out.append("| " + " | ".join(cells) + " |")
        return "\n".join(out)

    def bullet_list(self):
        items = []
        for _ in range(self.rng.randint(3, 7)):
            items.append("- " + self.sentence())
            if self.rng.random() < 0.2:
                for _ in range(self.rng.randint(1, 3)):
                    items.append("  - " + self.sentence())
        return "\n".join(items)

    def numbered_list(self):
        return "\n".join(f"{i}. {self.sentence()}" for i in range(1, self.rng.randint(3, 7) + 1))

    def block(self):
        r = self.rng.random()
        if r < 0.62:
            return self.paragraph()
        if r < 0.74:
            return self.table()
        if r < 0.88:
            return self.bullet_list()
        return self.numbered_list()

    def body(self):
        blocks = [self.paragraph()]
        size = len(blocks[0])
        while size + self.notes_bytes < self.target:
            b = self.heading(2 if self.section_no == 0 or self.rng.random() < 0.6 else 3)
            blocks.append(b)
            size += len(b) + 2
            for _ in range(self.rng.randint(2, 5)):
                if size + self.notes_bytes >= self.target:
                    break
                b = self.block()
                blocks.append(b)
                size += len(b) + 2
        if self.pending_notes:
            blocks.extend(self.pending_notes)
        return "\n\n".join(blocks) + "\n"

    def front_matter(self):
        title = f"Chapter {self.index}: {self.phrase(2, 4)}"
        status = self.rng.choice(STATUSES)
        return f"---\ntitle: \"{title}\"\nowners: [wg-{self.index % 7}]\nstatus: {status}\n---\n\n"


def yaml_list(paths, indent):
    return "".join(f"{' ' * indent}- {p}\n" for p in paths)


FAMILIES = ["Tan", "Smith", "Kumar", "Lee", "Okafor", "M{\\\"u}ller", "{\\\"O}zt{\\\"u}rk", "Nguyen", "Garc{\\'i}a",
            "Ibrahim", "Chen", "Rao", "Wong", "Perez", "van der Berg", "de la Fontaine", "Adeyemi", "Kim", "Sato", "Dubois"]
GIVEN = ["Wei Ming", "Ana", "Raj", "Chidi", "J{\\\"o}rg", "Ay{\\c{c}}a", "Thi", "Luis", "Siti", "Li", "Priya", "Kai",
         "Jan", "Jean", "Tunde", "Min-jun", "Yuki", "Claire", "{\\'E}mile", "Fran{\\c c}ois"]
ORGS = ["{National Institute of Standards and Technology}", "{Infocomm Media Development Authority}",
        "{European Commission}", "{OECD}", "{AI Verify Foundation}"]


def write_bibliography(path, n, seed):
    """A BibTeX file of n entries of every common type; returns the keys."""
    rng = random.Random(seed + "-bib")
    out = ["% Generated by scripts/gen-bench-paper.py\n@string{jaip = {Journal of {AI} Policy}}\n"]
    keys = []
    types = ["article", "book", "incollection", "inproceedings", "report", "online", "misc", "phdthesis", "standard"]
    for i in range(n):
        key = f"ref{i:04d}"
        keys.append(key)
        kind = types[i % len(types)]
        if kind in ("report", "standard", "online") and rng.random() < 0.5:
            authors = rng.choice(ORGS)
        else:
            people = [f"{rng.choice(FAMILIES)}, {rng.choice(GIVEN)}" for _ in range(rng.randint(1, 5))]
            authors = " and ".join(people)
        words = [rng.choice(WORDS) for _ in range(rng.randint(3, 8))]
        title = " ".join(w.capitalize() for w in words)
        year = rng.randint(2015, 2026)
        fields = [f"author = {{{authors}}}", f"title = {{{title}: {{AI}} and {rng.choice(WORDS)}}}", f"year = {year}"]
        if kind == "article":
            fields += ["journal = jaip", f"volume = {rng.randint(1, 40)}", f"number = {rng.randint(1, 12)}",
                       f"pages = {{{rng.randint(1, 200)}--{rng.randint(201, 400)}}}", f"doi = {{10.{rng.randint(1000, 9999)}/{key}}}"]
        elif kind in ("book", "phdthesis"):
            fields += [f"publisher = {{Example Press}}", "address = {Singapore}", "school = {Example University}"]
        elif kind in ("incollection", "inproceedings"):
            fields += [f"booktitle = {{Proceedings of {rng.choice(WORDS).capitalize()} {year}}}",
                       f"pages = {{{rng.randint(1, 50)}--{rng.randint(51, 90)}}}", "publisher = {ACM}"]
        else:
            fields += ["institution = {Example Agency}", f"url = {{https://example.org/{key}}}", f"month = {rng.choice(['jan', 'may', 'sep'])}"]
        out.append(f"@{kind}{{{key},\n  " + ",\n  ".join(fields) + "\n}\n")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
    return keys


def main(argv):
    ap = argparse.ArgumentParser(description="Generate a synthetic Folio paper for benchmarks.")
    ap.add_argument("outdir")
    ap.add_argument("--chapters", type=int, default=100)
    ap.add_argument("--target-bytes", type=int, default=None,
                    help="approximate total Markdown size of the 1x corpus "
                         "(default: 25,000 bytes per chapter, so 2,500,000 for 100 chapters)")
    ap.add_argument("--scale", type=int, default=1,
                    help="multiply the number of chapters (and so the size) by N")
    ap.add_argument("--seed", default="folio-bench-1")
    ap.add_argument("--citations", type=int, default=0,
                    help="add this many citations (pandoc syntax), spread over the chapters, of a generated bibliography")
    ap.add_argument("--bib-entries", type=int, default=500,
                    help="entries in the generated references.bib (with --citations)")
    ap.add_argument("--crossrefs", type=int, default=0,
                    help="add this many @sec: cross-references, spread over the chapters, to headings in other chapters")
    args = ap.parse_args(argv)
    if args.chapters < 3 or args.scale < 1 or (args.target_bytes is not None and args.target_bytes < 1):
        ap.error("need --chapters >= 3, --scale >= 1 and --target-bytes >= 1")

    if args.target_bytes is None:
        args.target_bytes = 25_000 * args.chapters
    per_chapter = args.target_bytes // args.chapters
    count = args.chapters * args.scale
    width = max(3, len(str(count - 1)))
    chapdir = os.path.join(args.outdir, "chapters")
    os.makedirs(chapdir, exist_ok=True)
    # Remove chapters left over from an earlier, larger run.
    for name in os.listdir(chapdir):
        if name.endswith(".md"):
            os.remove(os.path.join(chapdir, name))

    paths, bodies = [], []
    total = 0
    chapters = [Chapter(i, args.seed, per_chapter) for i in range(count)]
    generated = [ch.body() for ch in chapters]
    if args.crossrefs > 0:
        ids = [re.findall(r"\{#(sec:[^}]+)\}", b) for b in generated]
        every = [x for group in ids for x in group]
        rng = random.Random(args.seed + "-xref")
        per = args.crossrefs // count
        extra = args.crossrefs - per * count
        for i in range(count):
            n = per + (1 if i < extra else 0)
            refs = [rng.choice(every) for _ in range(n)]
            sentences = []
            for k in range(0, n, 2):
                pair = refs[k:k + 2]
                if len(pair) == 2:
                    sentences.append(f"Compare [@{pair[0]}; @{pair[1]}].")
                else:
                    sentences.append(f"See @{pair[0]}.")
            generated[i] = generated[i] + "\n" + " ".join(sentences) + "\n"
    if args.citations > 0:
        keys = write_bibliography(os.path.join(args.outdir, "references.bib"), args.bib_entries, args.seed)
        rng = random.Random(args.seed + "-cite")
        # Every entry is cited at least once, then at random.
        order = keys + [rng.choice(keys) for _ in range(max(0, args.citations - len(keys)))]
        order = order[:args.citations]
        rng.shuffle(order)
        per = len(order) // count
        extra = len(order) - per * count
        pos = 0
        for i in range(count):
            n = per + (1 if i < extra else 0)
            refs, pos = order[pos:pos + n], pos + n
            sentences = []
            for k in range(0, len(refs), 3):
                group = refs[k:k + 3]
                if len(group) == 3:
                    sentences.append(f"Compare [see @{group[0]}, pp. 12-14; @{group[1]}; also @{group[2]}, chap. 2].")
                elif len(group) == 2:
                    sentences.append(f"@{group[0]} [p. 4] agrees with [-@{group[1]}].")
                else:
                    sentences.append(f"See [@{group[0]}].")
            generated[i] = generated[i] + "\n" + " ".join(sentences) + "\n"
    for i in range(count):
        ch = chapters[i]
        body = generated[i]
        rel = f"chapters/{i:0{width}d}.md"
        text = ch.front_matter() + body
        with open(os.path.join(args.outdir, rel), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        paths.append(rel)
        bodies.append(body)
        total += len(text.encode("utf-8"))

    front, appendix, middle = paths[:1], paths[-1:], paths[1:-1]
    half = len(middle) // 2
    manifest = (
        "title: Synthetic benchmark paper\n"
        "lang: en\n"
        "authors:\n"
        "  - name: Bench\n"
        "    affiliations: [Folio]\n"
        "front-matter:\n" + yaml_list(front, 2) +
        "parts:\n"
        "  - title: Demand side\n"
        "    side: demand\n"
        "    chapters:\n" + yaml_list(middle[:half], 6) +
        "  - title: Supply side\n"
        "    side: supply\n"
        "    chapters:\n" + yaml_list(middle[half:], 6) +
        "appendices:\n" + yaml_list(appendix, 2)
        + ("bibliography: [references.bib]\n" if args.citations > 0 else "")
    )
    with open(os.path.join(args.outdir, "folio.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(manifest)
    # all.md: the bodies in manifest order (front matter, parts, appendix = file order).
    all_md = "\n".join(bodies)
    with open(os.path.join(args.outdir, "all.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(all_md)
    print(f"{args.outdir}: {count} chapters, {total} bytes of chapters, "
          f"all.md {len(all_md.encode('utf-8'))} bytes, {len(all_md.split())} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
