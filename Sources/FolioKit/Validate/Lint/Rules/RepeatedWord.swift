/// `prose.repeated-word`: the same word twice in a row ("the the"), across a line break too.
struct RepeatedWord: LintRule {
    let info = DiagnosticInfo(id: "prose.repeated-word", severity: .warning, category: .prose,
                            summary: "A word is repeated (\"the the\").",
                            help: "Delete the second copy; `folio lint --fix` does it.", fixable: true)

    /// Words that are correctly doubled in English.
    static let allowed: Set<String> = ["that", "had", "is", "bye", "very", "so", "no", "ha", "well"]

    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 32 : b }

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for src in context.sources {
            var previous: (start: Int, end: Int, line: Int)?
            for (n, line) in src.prose.enumerated() {
                // A new block (heading, list item, blank line, code) starts a new run of words.
                if src.blockStarts.contains(n + 1) || line.allSatisfy({ $0 == 0x20 || $0 == LintSource.mask }) { previous = nil }
                if let p = previous, p.line < n { previous = nil }
                let heading = src.lines[n].drop(while: { $0 == 0x20 }).first == UInt8(ascii: "#")
                defer { if heading { previous = nil } }
                let before = n > 0 ? src.prose[n - 1] : []
                for w in src.words[n] {
                    defer { previous = (w.start, w.end, n + 1) }
                    guard let p = previous else { continue }
                    let prevLine = p.line == n + 1 ? line : before
                    // Compare bytes without case before making any string.
                    guard p.end - p.start == w.end - w.start,
                          zip(prevLine[p.start..<p.end], line[w.start..<w.end]).allSatisfy({ Self.lower($0) == Self.lower($1) }) else { continue }
                    let word = ProseWords.text(line, w)
                    guard !Self.allowed.contains(word.lowercased()), word.contains(where: \.isLetter) else { continue }
                    // Only plain space between them (punctuation means a new clause: "it is. Is it"),
                    // on both sides of a line break ("…samples.⏎Samples are…" is two sentences).
                    let between: ArraySlice<UInt8> = p.line == n + 1 ? line[p.end..<w.start] : line[0..<w.start]
                    guard between.allSatisfy({ $0 == 0x20 }) else { continue }
                    if p.line != n + 1, p.end < prevLine.count, !prevLine[p.end...].allSatisfy({ $0 == 0x20 }) { continue }
                    // The fix deletes the space before the second word and the word itself.
                    let fix = p.line == n + 1
                        ? TextEdit(file: src.path, line: n + 1, column: p.end + 1, length: w.end - p.end, replacement: "")
                        : TextEdit(file: src.path, line: n + 1, column: 1, length: w.end + (w.end < line.count && line[w.end] == 0x20 ? 1 : 0), replacement: "")
                    out.append(finding("repeated word '\(word)'", at: src.location(line: n + 1, column: w.start + 1),
                                       length: w.end - w.start, fix: fix))
                }
            }
        }
        return out
    }
}
