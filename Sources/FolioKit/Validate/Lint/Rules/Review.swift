/// `review.status`: a chapter's status is below what the profile requires (`review` in the final
/// profile, or the rule's `min-status` option).
struct ReviewStatus: LintRule {
    let info = DiagnosticInfo(id: "review.status", severity: .warning, category: .review,
                            summary: "A chapter's status is below what the profile requires.",
                            help: "Move the chapter through review and set 'status: review' or 'status: approved' in its front matter.")

    func check(_ context: LintContext) -> [Diagnostic] {
        let configured = context.config.options[info.id]?["min-status"].flatMap(Chapter.Status.init(rawValue:))
        guard let needed = configured ?? (context.profile == .final ? .review : nil) else { return [] }
        return context.paper.chapters.filter { !$0.isGenerated }.compactMap { ch in
            let status = ch.status ?? .draft
            guard status < needed else { return nil }
            return finding("chapter '\(ch.title.plainText)' is \(status.rawValue); \(needed.rawValue) or later is required",
                           at: ch.titleLocation)
        }
    }
}

/// `review.no-owner`: a chapter names no owner in its front matter.
struct NoOwner: LintRule {
    let info = DiagnosticInfo(id: "review.no-owner", severity: .warning, category: .review,
                            summary: "A chapter has no owner.",
                            help: "Add 'owners: [team-or-person]' to the chapter's front matter.")

    func check(_ context: LintContext) -> [Diagnostic] {
        context.paper.chapters.filter { !$0.isGenerated && $0.owners.isEmpty }.map { ch in
            finding("chapter '\(ch.title.plainText)' has no owner", at: ch.titleLocation)
        }
    }
}

/// `review.open-comment`: a reviewer's comment (`{>>@handle: …<<}`) is still open in the text.
struct OpenComment: LintRule {
    let info = DiagnosticInfo(id: "review.open-comment", severity: .note, category: .review,
                            summary: "A review comment is still open in the text.",
                            help: "Answer it, then resolve it with 'folio review accept FILE:LINE' (which removes the comment) or by deleting it.")

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        guard context.paper.reviewMarks > 0 else { return out }
        context.paper.forEachInline { node in
            guard case .review(let mark, _, _) = node.kind, let text = mark.comment else { return }
            let by = mark.author.map { " by @\($0)" } ?? ""
            out.append(Diagnostic(info.severity, info.id, "open comment\(by): \(text)", range: node.range))
        }
        return out
    }
}
