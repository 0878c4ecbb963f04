import Foundation

/// `refs.broken-link`: a link to an `#anchor` that does not exist, to a chapter file (the outputs are
/// one page; use a cross-reference), or to a local file that is missing.
struct BrokenLink: LintRule {
    let info = DiagnosticInfo(id: "refs.broken-link", severity: .error, category: .references,
                            summary: "An internal link goes nowhere.",
                            help: "Link to an id that exists, or use a cross-reference such as @sec:intro instead of a link to a chapter file.")

    func check(_ context: LintContext) -> [Diagnostic] {
        var ids = Set(context.paper.labels.keys).union(context.paper.hyperTargets)
        for ch in context.paper.chapters {
            ids.insert(ch.id)
            for b in ch.blocks {
                b.forEachBlock { block in
                    if case .heading(let h) = block.kind, let id = h.attributes.id { ids.insert(id) }
                    if case .div(let a, _) = block.kind, let id = a.id { ids.insert(id) }
                }
                b.forEachInline { node in
                    if case .span(let a, _) = node.kind, let id = a.id { ids.insert(id) }
                }
            }
        }
        let sortedIDs = ids.sorted()
        var suggestions: [String: String?] = [:]
        var out: [Diagnostic] = []
        for ch in context.paper.chapters where !ch.isGenerated {
            for block in ch.blocks + ch.footnotes.flatMap(\.content) {
                block.forEachInline { node in
                    guard case .link(let dest, _, _) = node.kind else { return }
                    if dest.hasPrefix("#") {
                        // Percent-encoded as a browser decodes it; `#top` is the top of the page in every browser.
                        let id = String(dest.dropFirst()).removingPercentEncoding ?? String(dest.dropFirst())
                        if id != "top", !ids.contains(id), !ids.contains(LabelRegistry.canonical(id)) {
                            var notes: [Diagnostic.Note] = []
                            let near = suggestions[id] ?? Spelling.nearest(to: id, in: sortedIDs)
                            suggestions[id] = near
                            if let near { notes.append("did you mean '#\(near)'?") }
                            out.append(finding("link to '#\(id)', which no heading or label has", at: node.range.start, notes: notes))
                        }
                        return
                    }
                    let lower = dest.lowercased()
                    guard !lower.contains(":"), !dest.hasPrefix("//"), !dest.isEmpty else { return }
                    let path = String(dest.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                    if path.lowercased().hasSuffix(".md") {
                        out.append(finding("link to the chapter file '\(path)'; the paper is built into one document",
                                           at: node.range.start, notes: ["use a cross-reference such as @sec:id"]))
                    } else if !path.isEmpty, context.provider.inside(path.removingPercentEncoding ?? path).map({ !context.provider.exists($0) }) ?? true {
                        out.append(finding("link to '\(path)', which does not exist in the paper folder", at: node.range.start))
                    }
                }
            }
        }
        return out
    }
}

/// `refs.image-alt`: an image without alt text (a figure without a caption).
struct ImageAlt: LintRule {
    let info = DiagnosticInfo(id: "refs.image-alt", severity: .warning, category: .references,
                            summary: "An image has no alt text.",
                            help: "Describe the image in ![…](path); for a figure that text is also its caption.")

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for ch in context.paper.chapters where !ch.isGenerated {
            for block in ch.blocks + ch.footnotes.flatMap(\.content) {
                block.forEachInline { node in
                    guard case .image(let src, _, let alt) = node.kind,
                          alt.plainText.trimmingWhitespaceAndNewlines().isEmpty else { return }
                    out.append(finding("image '\(src)' has no alt text", at: node.range.start))
                }
            }
        }
        return out
    }
}
