/// After cmark-gfm: turns the preprocessor's placeholders back into model nodes: math and citation
/// inlines, equations for display math alone in a paragraph, and the original text wherever a
/// placeholder landed inside code, raw HTML or a URL.
struct PlaceholderExpansion {
    let spans: [MarkdownPreprocessor.Span]
    /// Attributes written after display math (`$$ x $$ {#eq:id}`), by the math's location.
    private let displayAttributes: [SourceLocation: Attributes]
    /// Whether any `\label` was found: only then are blocks searched for labels.
    private let hasLabels: Bool
    /// Whether the chapter may hold an image (`![`): only then, or with placeholders, are blocks walked,
    /// since attributes after an image inside a paragraph are taken out and reported.
    private let mayHoldImages: Bool
    private let problems = Problems()
    private final class Problems {
        var list: [Diagnostic] = []
        var marks: Set<Int> = []
    }

    /// Review marks that cross a block or inline markup boundary.
    var diagnostics: [Diagnostic] { problems.list }

    init(spans: [MarkdownPreprocessor.Span], mayHoldImages: Bool = true) {
        self.spans = spans
        self.mayHoldImages = mayHoldImages
        var attrs: [SourceLocation: Attributes] = [:]
        for span in spans {
            if case .math(true, _, let a?) = span.kind { attrs[span.location] = a }
        }
        displayAttributes = attrs
        hasLabels = spans.contains { if case .label = $0.kind { true } else { false } }
    }

    func document(_ doc: MarkdownDocument) -> MarkdownDocument {
        guard !spans.isEmpty || mayHoldImages else { return doc }
        let notes = doc.footnotes.map { note -> MarkdownDocument.Footnote in
            var n = note
            n.content = blocks(note.content)
            return n
        }
        return MarkdownDocument(file: doc.file, blocks: blocks(doc.blocks), footnotes: notes)
    }

    func blocks(_ list: [Block]) -> [Block] {
        list.flatMap { b -> [Block] in
            let expanded = block(b)
            guard case .paragraph(let content) = expanded.kind else { return [expanded] }
            return splitAtLabelledEquations(content, range: expanded.range) ?? [expanded]
        }
    }

    /// `text $$ x $$ {#eq:a} more`: display math with a label inside a paragraph is a numbered equation,
    /// as pandoc-crossref makes it; the text around it stays paragraphs.
    private func splitAtLabelledEquations(_ content: [Inline], range: SourceRange) -> [Block]? {
        guard content.contains(where: { labelled($0) != nil }) else { return nil }
        return Self.split(content, range: range, at: labelled)
    }

    /// pandoc-crossref's `autoEqnLabels` (`crossref: {number-all-equations: true}`): display math inside
    /// a paragraph, labelled or not, is an equation of its own, so that it is numbered too.
    static func splittingDisplayMath(_ list: [Block]) -> [Block] {
        list.flatMap { b -> [Block] in
            guard case .paragraph(let content) = b.kind else { return [b.mapChildren(splittingDisplayMath)] }
            guard content.contains(where: { if case .math(true, _) = $0.kind { true } else { false } }) else { return [b] }
            return split(content, range: b.range) { node in
                if case .math(true, let tex) = node.kind { Equation(tex: tex, attributes: Attributes()) } else { nil }
            }
        }
    }

    private static func split(_ content: [Inline], range: SourceRange, at equation: (Inline) -> Equation?) -> [Block] {
        var out: [Block] = []
        var run: [Inline] = []
        func flush() {
            let trimmed = Self.trimBreaks(run)
            if !trimmed.isEmpty { out.append(Block(.paragraph(trimmed), range: trimmed.first?.range ?? range)) }
            run = []
        }
        for node in content {
            if let eq = equation(node) {
                flush()
                out.append(Block(.equation(eq), range: node.range))
            } else {
                run.append(node)
            }
        }
        flush()
        return out
    }

    private func labelled(_ node: Inline) -> Equation? {
        // `[$$ y $$]{#eq:y}`, the form pandoc-crossref itself writes: a span holding only display math.
        if case .span(let attrs, let content) = node.kind, attrs.id != nil {
            let inside = content.filter { !$0.isBlank }
            guard inside.count == 1, case .math(true, let tex) = inside[0].kind else { return nil }
            return Equation(tex: tex, attributes: attrs)
        }
        guard case .math(true, let tex) = node.kind, let attrs = displayAttributes[node.range.start], attrs.id != nil else { return nil }
        return Equation(tex: tex, attributes: attrs)
    }

    /// Without the breaks and spaces at either end.
    static func trimBreaks(_ list: [Inline]) -> [Inline] {
        var l = list[...]
        while let f = l.first, f.isBlank { l = l.dropFirst() }
        while let e = l.last, e.isBlank { l = l.dropLast() }
        var out = Array(l)
        if let f = out.first, case .text(let t) = f.kind { out[0].kind = .text(String(t.drop(while: \.isWhitespace))) }
        if let i = out.indices.last, case .text(let t) = out[i].kind {
            var t = Substring(t)
            while t.last?.isWhitespace == true { t = t.dropLast() }
            out[i].kind = .text(String(t))
        }
        return out
    }

    private func block(_ b: Block) -> Block {
        var b = b
        switch b.kind {
        case .codeBlock(let info, let literal):
            b.kind = .codeBlock(info: restore(info), literal: restore(literal))
            return b
        case .html(let raw):
            b.kind = .html(restore(raw))
            return b
        case .blockQuote, .footnoteDefinition, .list:
            return b.mapChildren(blocks)
        default:
            break
        }
        if case .paragraph(let content) = b.kind, let command = layout(content) {
            b.kind = .layout(command)
            return b
        }
        b = b.mapInlines(inlines)
        if case .paragraph(let content) = b.kind, let eq = equation(content) { b.kind = .equation(eq) }
        let (plain, ignored) = InlineImageAttributes.take(hasLabels ? TeXLabels.attach(b) : b)
        for at in ignored {
            problems.list.append(Diagnostic(.warning, "image.inline-attributes", "attributes after an image inside a paragraph are not read (Folio reads them on a figure), so they are left out",
                                            range: at, notes: ["put the image on a line of its own, with a blank line before and after, to make it a figure with these attributes"]))
        }
        guard hasLabels else { return plain }
        for (id, at) in TeXLabels.strays(in: plain) {
            problems.list.append(Diagnostic(.error, "tex.raw-command", "'\\label{\(id)}' is not at the end of a heading or inside a figure's caption, so it names nothing here",
                                            range: at, notes: [TeXLabels.inInlineImage(id, in: plain)
                                                ? "the image shares its paragraph with other text, so it is no figure: put a blank line before and after it"
                                                : "write {#\(id)} after the heading, the image or the table caption it names"]))
        }
        return plain
    }

    /// A paragraph that is one layout command (the preprocessor made it a span only when it stood alone).
    private func layout(_ content: [Inline]) -> LayoutCommand? {
        guard content.count == 1, case .text(let s) = content[0].kind, case let pieces = Placeholder.pieces(s), pieces.count == 1,
              case .span(let n) = pieces[0], n >= 0, n < spans.count, case .layout(let command) = spans[n].kind else { return nil }
        return command
    }

    /// Display math that is the whole paragraph becomes an equation block.
    private func equation(_ content: [Inline]) -> Equation? {
        // Looked at in place, and given up at the first other thing: most paragraphs are prose.
        var found: (tex: String, at: SourceLocation)?
        for node in content {
            switch node.kind {
            case .softBreak, .lineBreak: continue
            case .text(let s) where s.allSatisfy(\.isWhitespace): continue
            case .math(true, let tex) where found == nil: found = (tex, node.range.start)
            default: return nil
            }
        }
        guard let found else { return nil }
        return Equation(tex: found.tex, attributes: displayAttributes[found.at] ?? Attributes())
    }

    func inlines(_ list: [Inline]) -> [Inline] {
        guard list.contains(where: holdsPlaceholder) else { return list }
        var out: [Inline] = []
        out.reserveCapacity(list.count)
        var delimiters: [Int: Int] = [:]
        for node in list {
            switch node.kind {
            case .text(let s) where s.containsByte(0xF3) && s.unicodeScalars.contains(Placeholder.openScalar):
                for piece in Placeholder.pieces(s) {
                    switch piece {
                    case .text(let t): out.append(Inline(.text(String(t)), range: node.range))
                    case .span(let n):
                        out.append(inline(n, fallback: node.range))
                        if isReviewDelimiter(n) || isSpanDelimiter(n) { delimiters[out.count - 1] = n }
                    }
                }
            case .code(let s):
                out.append(Inline(.code(restore(s)), range: node.range))

            case .html(let s):
                out.append(Inline(.html(restore(s)), range: node.range))
            case .link(let d, let t, let c):
                out.append(Inline(.link(destination: restore(d), title: restore(t), content: c), range: node.range))
            case .image(let d, let t, let c):
                out.append(Inline(.image(source: restore(d), title: restore(t), alt: c), range: node.range))
            default:
                out.append(node)
            }
        }
        guard !delimiters.isEmpty else { return out }
        let (spansPaired, reviewDelimiters) = pairSpans(out, delimiters: delimiters)
        return reviewDelimiters.isEmpty ? spansPaired : pairReviewMarks(spansPaired, delimiters: reviewDelimiters)
    }

    /// Whether `inlines` would change this node: a placeholder in its text, code, HTML or link.
    private func holdsPlaceholder(_ node: Inline) -> Bool {
        switch node.kind {
        case .text(let s), .code(let s), .html(let s): s.containsByte(0xF3)
        case .link(let d, let t, _), .image(let d, let t, _): d.containsByte(0xF3) || t.containsByte(0xF3)
        default: false
        }
    }

    private func inline(_ index: Int, fallback: SourceRange) -> Inline {
        guard index >= 0, index < spans.count else { return Inline(.text(""), range: fallback) }
        let span = spans[index]
        let range = SourceRange(start: span.location, endLine: span.location.line, endColumn: span.location.column)
        switch span.kind {
        case .math(let display, let tex, _): return Inline(.math(display: display, tex: tex), range: range)
        case .citation(let group): return Inline(.citation(group), range: range)
        case .label(let id): return Inline(.span(Attributes(id: id), []), range: range)
        case .text(let text): return Inline(.text(text), range: range)
        case .divOpen, .divClose, .reviewOpen, .reviewSeparator, .reviewClose, .spanOpen, .spanClose:
            return Inline(.text(span.original), range: range)
        case .layout:
            // Only where a paragraph ends up holding more than the command (cmark joined it to other text).
            problems.list.append(Diagnostic(.error, "tex.raw-command", "raw TeX '\(span.original)' is not alone in its paragraph, where Folio reads it as a layout command",
                                            range: range, notes: ["put it on a line of its own, with a blank line before and after it"]))
            return Inline(.text(""), range: range)
        case .reviewComment(_, let text):
            let a = ReviewMark.attribution(text)
            return Inline(.review(ReviewMark(kind: .comment, author: a.author, comment: a.text), old: [], new: []),
                          range: SourceRange(start: span.location, endLine: span.location.line,
                                             endColumn: span.location.column + span.original.utf8.count - 1))
        }
    }

    private func isSpanDelimiter(_ n: Int) -> Bool {
        guard n >= 0, n < spans.count else { return false }
        switch spans[n].kind {
        case .spanOpen, .spanClose: return true
        default: return false
        }
    }

    /// Wraps what lies between a bracketed span's `[` and `]{…}` into a span; passes the review delimiters on,
    /// at their new places. A `[` whose `]{…}` is in another list (across emphasis or a link) is an error.
    private func pairSpans(_ list: [Inline], delimiters: [Int: Int]) -> ([Inline], [Int: Int]) {
        var out: [Inline] = []
        // Review delimiters by their index in `out`, in increasing order (so a span takes its own from the end).
        var review: [(at: Int, span: Int)] = []
        var opens: [(at: Int, span: Int)] = []
        for (i, node) in list.enumerated() {
            guard let n = delimiters[i] else { out.append(node); continue }
            switch spans[n].kind {
            case .spanOpen:
                opens.append((out.count, n))
                out.append(node)
            case .spanClose:
                guard let open = opens.popLast(), case .spanOpen(let attrs) = spans[open.span].kind else {
                    unpairedSpan(spans[n])
                    out.append(node)
                    continue
                }
                var inner = Array(out[(open.at + 1)...])
                // Review marks written inside the span are paired inside it.
                var innerReview: [Int: Int] = [:]
                while let last = review.last, last.at > open.at {
                    innerReview[last.at - open.at - 1] = last.span
                    review.removeLast()
                }
                if !innerReview.isEmpty { inner = pairReviewMarks(inner, delimiters: innerReview) }
                out.removeSubrange(open.at...)
                out.append(Inline(.span(attrs, inner), range: node.range.start == spans[open.span].location ? node.range
                                  : SourceRange(start: spans[open.span].location, endLine: node.range.start.line, endColumn: node.range.start.column)))
            default:
                review.append((out.count, n))
                out.append(node)
            }
        }
        for open in opens { unpairedSpan(spans[open.span]) }
        return (out, Dictionary(review.map { ($0.at, $0.span) }, uniquingKeysWith: { a, _ in a }))
    }

    private func unpairedSpan(_ span: MarkdownPreprocessor.Span) {
        problems.list.append(Diagnostic(.error, "span.malformed",
            "the bracketed span '\(span.original)' opens and closes on different sides of emphasis, a link or other markup; "
            + "write [*text*]{.class} rather than *[text*]{.class}",
            range: SourceRange(start: span.location, endLine: span.location.line, endColumn: span.location.column)))
    }

    private func isReviewDelimiter(_ n: Int) -> Bool {
        guard n >= 0, n < spans.count else { return false }
        switch spans[n].kind {
        case .reviewOpen, .reviewSeparator, .reviewClose: return true
        default: return false
        }
    }

    /// Groups what lies between each opening and closing delimiter of one list into a `review` inline.
    /// A delimiter whose partner is in another list (another block, or inside emphasis or a link) is an error.
    private func pairReviewMarks(_ list: [Inline], delimiters: [Int: Int]) -> [Inline] {
        var out: [Inline] = []
        var open: (span: MarkdownPreprocessor.Span, kind: ReviewMark.Kind, mark: Int, at: Int, separator: Int?)?
        for (i, node) in list.enumerated() {
            guard let n = delimiters[i] else {
                out.append(node)
                continue
            }
            let span = spans[n]
            switch span.kind {
            case .reviewOpen(let kind, let mark, let closed):
                if let o = open { crossing(o.span, mark: o.mark) }
                open = closed ? (span, kind, mark, out.count, nil) : nil
                out.append(node)
            case .reviewSeparator(let mark) where open?.mark == mark:
                open?.separator = out.count
                out.append(node)
            case .reviewClose(let mark, let comment) where open?.mark == mark:
                guard let o = open else { break }
                let inner = Array(out[(o.at + 1)...])
                let split = o.separator.map { $0 - o.at - 1 }
                var old: [Inline], new: [Inline]
                switch o.kind {
                case .insertion, .highlight, .comment: (old, new) = ([], inner)
                case .deletion: (old, new) = (inner, [])
                case .substitution:
                    if let k = split { (old, new) = (Array(inner[..<k]), Array(inner[(k + 1)...])) } else { (old, new) = (inner, []) }
                }
                let spaceBefore = o.at == 0 || Self.endsWithSpace(out[o.at - 1])
                let spaceAfter = i + 1 >= list.count || Self.startsWithSpace(list[i + 1])
                (old, new) = (Self.trimmed(old, spaceBefore, spaceAfter), Self.trimmed(new, spaceBefore, spaceAfter))
                let a = comment.map(ReviewMark.attribution)
                let end = span.location.column + span.original.utf8.count - 1
                let node = Inline(.review(ReviewMark(kind: o.kind, author: a?.author, comment: a?.text), old: old, new: new),
                                  range: SourceRange(start: o.span.location, endLine: span.location.line, endColumn: end))
                out.removeSubrange(o.at...)
                out.append(node)
                open = nil
            case .reviewSeparator(let mark), .reviewClose(let mark, _):
                // Its opening delimiter is in another list.
                crossing(span, mark: mark)
                out.append(node)
            default:
                out.append(node)
            }
        }
        if let o = open { crossing(o.span, mark: o.mark) }
        return out
    }

    /// The marked text without the spaces that pad it inside its delimiters (`{++ text ++}`), where
    /// the text around the mark already has a space.
    static func trimmed(_ list: [Inline], _ before: Bool, _ after: Bool) -> [Inline] {
        var list = list
        if before, let first = list.first, case .text(let t) = first.kind {
            list[0].kind = .text(String(t.drop(while: { $0 == " " || $0 == "\t" })))
        }
        if after, let last = list.indices.last, case .text(let t) = list[last].kind {
            var t = Substring(t)
            while t.last == " " || t.last == "\t" { t = t.dropLast() }
            list[last].kind = .text(String(t))
        }
        return list.filter { if case .text("") = $0.kind { false } else { true } }
    }

    static func endsWithSpace(_ node: Inline) -> Bool {
        switch node.kind {
        case .text(let t): t.last.map { $0 == " " || $0 == "\t" } ?? true
        case .softBreak, .lineBreak: true
        default: false
        }
    }

    static func startsWithSpace(_ node: Inline) -> Bool {
        switch node.kind {
        case .text(let t): t.first.map { $0 == " " || $0 == "\t" || $0 == "." || $0 == "," || $0 == ";" || $0 == ":" } ?? true
        case .softBreak, .lineBreak: true
        default: false
        }
    }

    /// Reports a mark whose delimiters are in different lists, once.
    private func crossing(_ span: MarkdownPreprocessor.Span, mark: Int) {
        guard problems.marks.insert(mark).inserted else { return }
        let at = span.location
        problems.list.append(Diagnostic(.error, "review.malformed",
            "the review mark '\(span.original)' and its partner are in different blocks, or on different sides of emphasis, "
            + "a link or other inline markup; a mark must open and close inside the same paragraph and the same markup, "
            + "as in {++ *new text* ++} rather than *{++ new* text ++}",
            range: SourceRange(start: at, endLine: at.line, endColumn: at.column + 2)))
    }

    /// Puts the original text back wherever a placeholder must not be interpreted.
    func restore(_ s: String) -> String {
        guard s.containsByte(0xF3), s.unicodeScalars.contains(Placeholder.openScalar) else { return s }
        var out = ""
        for piece in Placeholder.pieces(s) {
            switch piece {
            case .text(let t): out += t
            case .span(let n): out += n >= 0 && n < spans.count ? spans[n].original : ""
            }
        }
        return out
    }
}
