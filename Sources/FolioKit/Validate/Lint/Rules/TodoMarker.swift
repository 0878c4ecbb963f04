/// `prose.todo`: TODO, FIXME and XXX left in the text.
struct TodoMarker: LintRule {
    let info = DiagnosticInfo(id: "prose.todo", severity: .warning, category: .prose,
                            summary: "A TODO, FIXME or XXX marker is left in the text.",
                            help: "Finish the text, or track the work in an issue instead of the paper.")

    static let markers: Set<String> = ["TODO", "FIXME", "XXX"]
    static let todo = Array("TODO".utf8), fixme = Array("FIXME".utf8), xxx = Array("XXX".utf8)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for src in context.sources {
            // Markers count in HTML comments too: they are still unfinished work.
            for (n, line) in src.lines.enumerated()
            where ProseMask.contains(line, Self.todo) || ProseMask.contains(line, Self.fixme) || ProseMask.contains(line, Self.xxx) {
                let isComment = ProseMask.contains(line, "<!--")
                for w in ProseWords.words(line) where w.end - w.start <= 5 {
                    let word = ProseWords.text(line, w)
                    guard Self.markers.contains(word) else { continue }
                    let inCode = src.prose[n][w.start] == LintSource.mask && !isComment
                    guard !inCode else { continue }
                    out.append(finding("\(word) marker", at: src.location(line: n + 1, column: w.start + 1), length: w.end - w.start))
                }
            }
        }
        return out
    }
}
