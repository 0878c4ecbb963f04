/// `prose.double-space`: two or more spaces between words (tables and line-end spaces are layout).
struct DoubleSpace: LintRule {
    let info = DiagnosticInfo(id: "prose.double-space", severity: .warning, category: .prose,
                            summary: "Two or more spaces between words.",
                            help: "Use one space; `folio lint --fix` collapses them.", fixable: true)

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for src in context.sources {
            for (n, line) in src.prose.enumerated() where !src.tableRows.contains(n + 1) {
                // Leading indentation is structure; trailing spaces are a Markdown line break.
                guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
                      let last = line.lastIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                var i = first
                while i < last {
                    guard line[i] == 0x20, line[i + 1] == 0x20, i > 0, line[i - 1] != LintSource.mask else { i += 1; continue }
                    var j = i
                    while j <= last, line[j] == 0x20 { j += 1 }
                    if j <= last, line[j] != LintSource.mask {
                        out.append(finding("\(j - i) spaces between words", at: src.location(line: n + 1, column: i + 1), length: j - i,
                                           fix: TextEdit(file: src.path, line: n + 1, column: i + 1, length: j - i, replacement: " ")))
                    }
                    i = j
                }
            }
        }
        return out
    }
}
