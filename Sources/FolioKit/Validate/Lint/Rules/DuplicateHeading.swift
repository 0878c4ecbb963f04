/// `structure.duplicate-heading`: two headings with the same text in one chapter, the chapter's title
/// included. Text is compared as plain text, ignoring case and markup (`## *Setup*` repeats `## setup`),
/// whatever the headings' levels: a reader of the contents cannot tell them apart.
struct DuplicateHeading: LintRule {
    let info = DiagnosticInfo(id: "structure.duplicate-heading", severity: .warning, category: .structure,
                            summary: "Two headings in one chapter have the same text.",
                            help: "Give each section a title that says what is different about it.")

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ch in context.paper.chapters where !ch.isGenerated {
            var seen: [String: SourceLocation] = [:]
            if !ch.title.isEmpty { seen[ch.title.plainText.lowercased().trimmingWhitespace()] = ch.titleLocation }
            for block in ch.blocks {
                block.forEachBlock { b in
                    guard case .heading(let h) = b.kind else { return }
                    let key = h.content.plainText.lowercased().trimmingWhitespace()
                    if let first = seen[key] {
                        out.append(finding("heading '\(h.content.plainText)' repeats the one at line \(first.line)", at: b.range.start,
                                           length: h.writtenLevel, notes: [Diagnostic.Note("first here", at: first)]))
                    } else {
                        seen[key] = b.range.start
                    }
                }
            }
        }
        return out
    }
}

import Foundation
