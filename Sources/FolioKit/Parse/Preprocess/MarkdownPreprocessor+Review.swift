/// CriticMarkup in the preprocessor: each delimiter becomes a placeholder, so the marked text is still
/// parsed as Markdown (a mark may hold emphasis, links, citations and math), and `PlaceholderExpansion`
/// pairs the delimiters back into `review` inlines. Marks are checked here: one at a time (no
/// nesting), closed in the paragraph that opens them, and at most `limits.reviewMarks` per chapter.
extension MarkdownPreprocessor {
    /// Handles a review delimiter at `i` and returns where scanning goes on, or nil if there is none.
    mutating func reviewToken(_ i: Int, _ end: Int) -> Int? {
        // Past the limit, delimiters are text (the limit's error says so once).
        if marks > limits.reviewMarks { return nil }
        if let open = openMark {
            if open.kind == .substitution, open.separator == nil, CriticSyntax.isSeparator(b, i, end) {
                openMark?.separator = i
                replace(i, i + 2, .reviewSeparator(mark: open.mark))
                return i + 2
            }
            if CriticSyntax.closer(b, i, end) == open.kind { return close(open, at: i, end) }
            if let kind = CriticSyntax.opener(b, i, end) {
                let (o, c) = CriticSyntax.delimiters(open.kind)
                malformed("'\(CriticSyntax.delimiters(kind).open)' inside the '\(o)' mark opened at line \(location(open.start).line), "
                          + "column \(location(open.start).column): review marks cannot be nested; close the first with '\(c)' before opening another",
                          at: i)
                return i + 3
            }
            return nil
        }
        if let kind = CriticSyntax.opener(b, i, end) {
            guard countMark(at: i) else { return i + 3 }
            if kind == .comment { return comment(i, end) }
            replace(i, i + 3, .reviewOpen(kind, mark: marks, closed: false))
            openMark = (kind, marks, spans.count - 1, i, nil)
            return i + 3
        }
        if let kind = CriticSyntax.closer(b, i, end) {
            let (o, c) = CriticSyntax.delimiters(kind)
            malformed("'\(c)' closes a review mark that was never opened in this paragraph; open it with '\(o)', "
                      + "or write '\\\(c)' for the characters themselves", at: i)
            return i + 3
        }
        return nil
    }

    /// Counts a new mark; past the limit, reports once and leaves the rest as text.
    private mutating func countMark(at i: Int) -> Bool {
        marks += 1
        guard marks > limits.reviewMarks else { return true }
        if marks == limits.reviewMarks + 1 {
            let at = location(i)
            diagnostics.append(.error("limits.review-marks",
                "review marks in this chapter (more than \(limits.reviewMarks)) exceed the limit of \(limits.reviewMarks)",
                at: at, notes: ["raise 'review-marks' in the manifest's 'limits:' section, or accept or reject marks with 'folio review'"]))
        }
        return false
    }

    /// Closes the open mark at its closer `i`, taking a comment written right after it.
    private mutating func close(_ open: (kind: ReviewMark.Kind, mark: Int, span: Int, start: Int, separator: Int?),
                                at i: Int, _ end: Int) -> Int {
        openMark = nil
        var to = i + 3
        var comment: String?
        if CriticSyntax.opener(b, to, end) == .comment, let c = commentEnd(after: to + 3, end) {
            comment = text(to + 3, c)
            to = c + 3
        }
        if open.kind == .substitution, open.separator == nil {
            malformed("a substitution needs '~>' between the old and the new text: {~~ old ~> new ~~}", at: open.start)
        }
        spans[open.span].kind = .reviewOpen(open.kind, mark: open.mark, closed: true)
        replace(i, to, .reviewClose(mark: open.mark, comment: comment))
        let body = open.start + 3
        let (old, new): (String, String) = switch open.kind {
        case .insertion, .highlight, .comment: ("", text(body, i))
        case .deletion: (text(body, i), "")
        case .substitution: open.separator.map { (text(body, $0), text($0 + 2, i)) } ?? (text(body, i), "")
        }
        let attribution = comment.map(ReviewMark.attribution)
        reviews.append(ReviewSyntax(kind: open.kind, location: location(open.start), start: open.start, end: to, old: old,
                                    new: new, author: attribution?.author, comment: attribution?.text))
        return to
    }

    /// A standalone comment `{>> … <<}` at `i`: one placeholder, its text not parsed.
    private mutating func comment(_ i: Int, _ end: Int) -> Int {
        guard let c = commentEnd(after: i + 3, end) else {
            malformed("'{>>' is not closed in its paragraph: a comment ends with '<<}' before the paragraph ends", at: i)
            return i + 3
        }
        let raw = text(i + 3, c)
        replace(i, c + 3, .reviewComment(mark: marks, text: raw))
        let attribution = ReviewMark.attribution(raw)
        reviews.append(ReviewSyntax(kind: .comment, location: location(i), start: i, end: c + 3, old: "", new: "",
                                    author: attribution.author, comment: attribution.text))
        return c + 3
    }

    /// The next `<<}` at or after `k`.
    private mutating func commentEnd(after k: Int, _ end: Int) -> Int? {
        reviewCommentClose.next(in: b, after: k, end)
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: b[from..<max(from, to)], as: UTF8.self)
    }

    /// Reports a malformed mark; past `maxMalformed` in one chapter, only counts them (`flushMalformed`).
    mutating func malformed(_ message: String, at offset: Int) {
        malformedCount += 1
        guard malformedCount <= Self.maxMalformed else { return }
        let at = location(offset)
        diagnostics.append(Diagnostic(.error, "review.malformed", message,
                                      range: SourceRange(start: at, endLine: at.line, endColumn: at.column + 2)))
    }

    static let maxMalformed = 100

    /// One error for the malformed marks not reported one by one.
    mutating func flushMalformed() {
        guard malformedCount > Self.maxMalformed, let last = diagnostics.last(where: { $0.id == "review.malformed" }) else { return }
        let more = malformedCount - Self.maxMalformed
        diagnostics.append(Diagnostic(.error, "review.malformed",
            "\(more) more malformed review mark\(more == 1 ? "" : "s") in this file are not listed; fix the ones above first",
            range: last.range))
    }
}
