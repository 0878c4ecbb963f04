#!/usr/bin/env python3
"""Writes the link order of Folio's own code (scripts/link-order explains why and how).

usage: link-order.py GOLD-MAP BINARY-NAME OUT FIRST.cg [MORE.cg ...]

GOLD-MAP is the linker map of the binary the callgrind runs (FIRST.cg, MORE.cg, made with
--dump-instr=yes) ran. Every input section of FolioKit and folio that holds an executed instruction
is written to OUT, one name a line: those FIRST ran, then the others, each group in its old order.
"""
import bisect
import re
import sys


def text_sections(map_path):
    """(start, size, section name, object) of every input section in the map's .text."""
    out, inside, pending = [], False, None
    for line in open(map_path, encoding="utf-8", errors="replace"):
        if line.startswith(".text "):
            inside = True
            continue
        if inside and line.strip() and not line[0].isspace() and not line.startswith(".text"):
            inside = False
        if not inside or line.startswith("  "):
            m = re.match(r"\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.+?)\s*$", line) if pending else None
            if m:
                out.append((int(m.group(1), 16), int(m.group(2), 16), pending, m.group(3)))
                pending = None
            continue
        m = re.match(r" (\S+)\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.+?)\s*$", line)
        if m:
            out.append((int(m.group(2), 16), int(m.group(3), 16), m.group(1), m.group(4)))
            pending = None
        elif re.match(r" (\S+)\s*$", line):
            pending = line.strip()
    return sorted(out)


def executed(cg_path, binary):
    """Addresses of the instructions run in `binary`, from a callgrind file made with --dump-instr=yes."""
    names, inside, last, found = {}, False, 0, set()
    for line in open(cg_path, encoding="utf-8", errors="replace"):
        if line.startswith(("ob=", "cob=")):
            m = re.match(r"c?ob=\((\d+)\)(?: (.+))?", line.strip())
            if m and m.group(2):
                names[m.group(1)] = m.group(2)
            if line.startswith("ob=") and m:
                inside = binary in names.get(m.group(1), "")
            continue
        if line.startswith("calls="):
            continue
        token = line.split()[0] if line.strip() else ""
        if not token:
            continue
        if token.startswith("0x"):
            last = int(token, 16)
        elif token[:1] in "+-" and token[1:].isdigit():
            last += int(token)
        elif token != "*":
            continue
        if inside:
            found.add(last)
    return found


def main():
    map_path, binary, out_path, *runs = sys.argv[1:]
    if not runs:
        sys.exit(__doc__)
    sections = text_sections(map_path)
    starts = [s[0] for s in sections]
    order, seen, size = [], set(), 0
    for run in runs:
        group = set()
        for address in executed(run, binary):
            i = bisect.bisect_right(starts, address) - 1
            if i < 0:
                continue
            start, length, name, obj = sections[i]
            own = "/FolioKit.build/" in obj or "/folio.build/" in obj
            if own and start <= address < start + length and name != ".text" and name not in seen:
                group.add((start, name, length))
        for start, name, length in sorted(group):
            if name not in seen:
                seen.add(name)
                order.append(name)
                size += length
    # folio's entry point runs in every run: without it, the runs and the map do not describe the
    # same binary (or its addresses), and the list would be wrong without saying so.
    if ".text.folio_main" not in seen:
        sys.exit("link-order: folio_main is not among the code the runs reached; nothing written")
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("\n".join(order) + "\n")
    print(f"link-order: {len(order)} sections, {size / 1e6:.2f} MB of code, in {out_path}")


if __name__ == "__main__":
    main()
