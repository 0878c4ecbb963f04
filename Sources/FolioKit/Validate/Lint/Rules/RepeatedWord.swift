/// `prose.repeated-word`: the same word twice in a row ("the the"), across a line break too.
struct RepeatedWord: LintRule {
    let info = LintRuleInfo(id: "prose.repeated-word", severity: .warning, category: .prose,
                            summary: "A word is repeated (\"the the\").",
                            help: "Delete the second copy; `folio lint --fix` does it.", fixable: true)

    /// Words that are correctly doubled in English.
    static let allowed: Set<String> = ["that", "had", "is", "bye", "very", "so", "no", "ha", "well"]

    func check(_ context: LintContext) -> [LintFinding] {
        var out: [LintFinding] = []
        for src in context.sources {
            var previous: (word: String, line: Int, end: Int)?
            for (n, line) in src.prose.enumerated() {
                // A new block (heading, list item, blank line, code) starts a new run of words.
                if src.blockStarts.contains(n + 1) || line.allSatisfy({ $0 == 0x20 || $0 == LintSource.mask }) { previous = nil }
                if let p = previous, p.line < n { previous = nil }
                let heading = src.lines[n].drop(while: { $0 == 0x20 }).first == UInt8(ascii: "#")
                defer { if heading { previous = nil } }
                for w in src.words[n] {
                    let word = ProseWords.text(line, w)
                    defer { previous = (word, n + 1, w.end) }
                    guard let p = previous, p.word.lowercased() == word.lowercased(), !Self.allowed.contains(word.lowercased()),
                          word.contains(where: \.isLetter) else { continue }
                    // Only plain space between them (punctuation means a new clause: "it is. Is it").
                    let between: [UInt8] = p.line == n + 1 ? Array(line[p.end..<w.start]) : Array(line[0..<w.start])
                    guard between.allSatisfy({ $0 == 0x20 }) else { continue }
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
