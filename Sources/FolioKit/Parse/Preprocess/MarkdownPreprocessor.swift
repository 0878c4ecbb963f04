/// Runs before cmark-gfm: finds `$math$`, `$$display$$`, citation syntax (`[@a; @b]`, `@a`) and
/// `:::` div fences, and replaces each with a placeholder cmark passes through untouched, so Markdown
/// emphasis can never reach inside math and every citation keeps its exact source position.
/// Code blocks and code spans are left alone; placeholders that land in code are restored later.
struct MarkdownPreprocessor {
    struct Span {
        enum Kind {
            case math(display: Bool, tex: String, attributes: Attributes?)
            case citation(CitationGroup)
            case divOpen(Attributes)
            case divClose
            /// A review mark's opening delimiter; `closed` once its closer was found in the paragraph.
            case reviewOpen(ReviewMark.Kind, mark: Int, closed: Bool)
            /// `~>` in a substitution.
            case reviewSeparator(mark: Int)
            /// A closer, with the comment written right after it (`==}{>>@a: why<<}`).
            case reviewClose(mark: Int, comment: String?)
            /// A comment on its own.
            case reviewComment(mark: Int, text: String)
            /// `\newpage`, `\listoffigures`… alone in its paragraph.
            case layout(LayoutCommand)
            /// pandoc's bracketed span: its `[`, with the attributes written after its `]`.
            case spanOpen(Attributes)
            /// The `]{…}` that ends a bracketed span.
            case spanClose
            /// LaTeX's `\label{id}`: the id of the heading or figure caption it stands in, else an anchor.
            case label(String)
            /// A command that stands for text (`\LaTeX`, `\ldots`): the text, in both writers.
            case text(String)
        }
        var kind: Kind
        var original: String
        var location: SourceLocation
    }

    struct Output {
        var text: String
        var spans: [Span]
        /// For each line of `text` (index 0 is line 1), the line it came from in the input.
        var lineMap: [Int]
        /// pandoc tables written as pipe tables, by the line of their first row (with the line offset).
        var tableShapes: [Int: TableShape] = [:]
        /// Review marks as written, and malformed ones.
        var reviews: [ReviewSyntax] = []
        var diagnostics: [Diagnostic] = []
    }

    let file: String
    /// `file`'s number, looked up once for every span's location.
    let fileNumber: Int32
    let lineOffset: Int
    let limits: InputLimits
    /// How raw TeX in prose is reported: an error in papers, a warning in GFM (`folio render`).
    let rawTeX: Diagnostic.Severity
    var b: [UInt8] = []
    var out: [UInt8] = []
    var spans: [Span] = []
    var lineMap: [Int] = [1]
    /// Byte offset where each input line starts.
    var lineStarts: [Int] = [0]
    /// Where closing `$`, `$$` and backtick runs are in the current paragraph, so every scan is linear.
    private var index: ChunkIndex?
    private var chunk = (start: 0, end: 0)
    /// Input bytes before this offset are already in `out` (or replaced by a placeholder).
    private var copied = 0
    /// `<div id="fig:…">` (or `tbl:`, `lst:`) lines still open, whose `</div>` line closes them (pandoc-crossref).
    var htmlFloatDivs = 0
    /// Where the `]{…}` of a bracketed span whose `[` was replaced starts, and where it ends.
    var spanCloses: [Int: Int] = [:]
    /// The paragraph's matching brackets, built at its first `[` that could open a span.
    var bracketPairs: [Int: Int]?
    /// Scanning a table cell, where a layout command cannot stand as a block.
    var inTableCell = false
    /// Inside link text (`[text](…)`) up to here: no citations or math, but review marks.
    private var plainUntil = 0
    /// The review mark open in this paragraph: its kind, number, span index, offset and `~>`.
    var openMark: (kind: ReviewMark.Kind, mark: Int, span: Int, start: Int, separator: Int?)?
    var reviews: [ReviewSyntax] = []
    var diagnostics: [Diagnostic] = []
    var marks = 0
    var tableShapes: [Int: TableShape] = [:]
    /// The lines for pandoc's tables, built at the first block that could start one.
    var tableLines: TableLines?
    var malformedCount = 0
    /// A review comment's `<<}` and an HTML comment's `-->`, each searched for once per paragraph.
    var reviewCommentClose = CloserSearch("<<}")
    var htmlCommentClose = CloserSearch("-->")
    /// `mayBeInTag`'s last answer.
    var tagMemo: (at: Int, inTag: Bool)?

    static func run(_ text: String, file: String, lineOffset: Int = 0, limits: InputLimits = InputLimits(),
                    rawTeX: Diagnostic.Severity = .error) -> Output {
        var p = MarkdownPreprocessor(file: file, lineOffset: lineOffset, limits: limits, rawTeX: rawTeX)
        return p.process(Placeholder.neutralise(text))
    }

    private init(file: String, lineOffset: Int, limits: InputLimits, rawTeX: Diagnostic.Severity) {
        self.file = file
        fileNumber = SourceFiles.number(file)
        self.lineOffset = lineOffset
        self.limits = limits
        self.rawTeX = rawTeX
    }

    private mutating func process(_ text: String) -> Output {
        b = Array(text.utf8)
        out.reserveCapacity(b.count + 64)
        for (i, c) in b.enumerated() where c == 0x0A { lineStarts.append(i + 1) }
        var lineIndex = 0
        var fences = CodeFenceTracker()
        var chunkStart: Int?
        // Inside an HTML comment that spans lines: no pandoc table or `#.` list is read there.
        var inComment = false
        while lineIndex < lineStarts.count {
            let start = lineStarts[lineIndex]
            let end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] - 1 : b.count
            let content = contentStart(start, end)
            let blank = content >= end || (content + 1 == end && b[content] == 0x0D)
            let fenceLine = fences.feed(b[min(content, end)..<end])
            let commented = inComment
            if fenceLine == .text { inComment = commentState(inComment, start, end) }
            // pandoc's `#.` list items are numbered lists: `1.` continues a list's numbers in CommonMark.
            if fenceLine == .text, !commented, indentEnd(start, end) - start < 4, content + 2 < end, b[content] == UInt8(ascii: "#"),
               b[content + 1] == UInt8(ascii: ".") || b[content + 1] == UInt8(ascii: ")"), b[content + 2] == 0x20 {
                b[content] = UInt8(ascii: "1")
            }
            if fenceLine == .inside || fenceLine == .closes {
                copyLine(start, end, lineIndex)
            } else if fenceLine == .text, commented || opensComment(start, end) {
                // An HTML comment from a line's start to its `-->` is an HTML block: no Markdown, no TeX.
                flushChunk(&chunkStart, upTo: lineIndex)
                copyLine(start, end, lineIndex)
            } else if fenceLine == .opens {
                flushChunk(&chunkStart, upTo: lineIndex)
                copyLine(start, end, lineIndex)
            } else if let div = divFence(start, end) ?? htmlFloatDiv(start, end) {
                flushChunk(&chunkStart, upTo: lineIndex)
                spans.append(Span(kind: div, original: String(decoding: b[start..<end], as: UTF8.self),
                                  location: location(start)))
                out += Array(String(decoding: b[start..<indentEnd(start, end)], as: UTF8.self).utf8)
                out += Array(Placeholder.divLine(spans.count - 1).utf8)
                newline(end, lineIndex)
            } else if blank {
                flushChunk(&chunkStart, upTo: lineIndex)
                copyLine(start, end, lineIndex)
            } else if chunkStart == nil {
                if !commented, let next = pandocTable(at: lineIndex) {
                    lineIndex = next
                    continue
                }
                chunkStart = lineIndex
            }
            lineIndex += 1
        }
        flushChunk(&chunkStart, upTo: lineStarts.count)
        flushMalformed()
        return Output(text: String(decoding: out, as: UTF8.self), spans: spans, lineMap: lineMap, tableShapes: tableShapes,
                      reviews: reviews, diagnostics: diagnostics)
    }

    // MARK: Lines

    private func contentStart(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, b[i] == 0x20 || b[i] == 0x09 || b[i] == UInt8(ascii: ">") { i += 1 }
        // List markers before a fence (`- ```` or `1. ~~~`).
        while i < end {
            var j = i
            if b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "*") || b[j] == UInt8(ascii: "+") {
                j += 1
            } else {
                while j < end, j - i < 9, b[j] >= 0x30, b[j] <= 0x39 { j += 1 }
                guard j > i, j < end, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ")") else { break }
                j += 1
            }
            guard j < end, b[j] == 0x20 || b[j] == 0x09 else { break }
            i = j
            while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        }
        return i
    }

    /// Whether an HTML comment is open after this line: one opens with `<!--` at the line's start and
    /// closes at the first `-->`.
    private func commentState(_ open: Bool, _ start: Int, _ end: Int) -> Bool {
        // Byte comparisons only: this runs for every line of every chapter.
        func closes(from: Int) -> Bool {
            var k = from
            while k + 2 < end {
                if b[k] == UInt8(ascii: "-"), b[k + 1] == UInt8(ascii: "-"), b[k + 2] == UInt8(ascii: ">") { return true }
                k += 1
            }
            return false
        }
        if open { return !closes(from: start) }
        guard opensComment(start, end) else { return false }
        return !closes(from: indentEnd(start, end) + 4)
    }

    /// Whether the line starts with `<!--` (after at most three spaces): CommonMark's HTML comment block.
    private func opensComment(_ start: Int, _ end: Int) -> Bool {
        let first = indentEnd(start, end)
        return first - start < 4 && first + 4 <= end && b[first] == UInt8(ascii: "<") && b[first + 1] == UInt8(ascii: "!")
            && b[first + 2] == UInt8(ascii: "-") && b[first + 3] == UInt8(ascii: "-")
    }

    private func indentEnd(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        return i
    }

    /// `::: {#id .class}`, `::: callout-note` or a closing `:::` at the start of a line.
    private func divFence(_ start: Int, _ end: Int) -> Span.Kind? {
        var i = start
        while i < end, i - start < 4, b[i] == 0x20 { i += 1 }
        var colons = 0
        while i < end, b[i] == UInt8(ascii: ":") { colons += 1; i += 1 }
        guard colons >= 3 else { return nil }
        while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        var last = end
        while last > i, b[last - 1] == 0x20 || b[last - 1] == 0x09 || b[last - 1] == 0x0D { last -= 1 }
        // Optional trailing colons, as in `::: {.x} :::`.
        while last > i, b[last - 1] == UInt8(ascii: ":") { last -= 1 }
        while last > i, b[last - 1] == 0x20 { last -= 1 }
        if i >= last { return .divClose }
        let rest = String(decoding: b[i..<last], as: UTF8.self)
        if rest.hasPrefix("{") { return AttributeParser.parse(Substring(rest)).map { .divOpen($0) } }
        guard rest.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
        return .divOpen(Attributes(classes: [rest]))
    }

    /// pandoc-crossref's subfigure group in HTML: a line `<div id="fig:x">`, up to its `</div>` line,
    /// is read as `::: {#fig:x}` … `:::`, so the images inside are Markdown.
    private mutating func htmlFloatDiv(_ start: Int, _ end: Int) -> Span.Kind? {
        var i = start
        while i < end, i - start < 4, b[i] == 0x20 { i += 1 }
        var last = end
        while last > i, b[last - 1] == 0x20 || b[last - 1] == 0x09 || b[last - 1] == 0x0D { last -= 1 }
        let line = String(decoding: b[i..<last], as: UTF8.self)
        if line == "</div>" {
            guard htmlFloatDivs > 0 else { return nil }
            htmlFloatDivs -= 1
            return .divClose
        }
        // `<div id="fig:x">`, `<div id="lst:x" class="listing">`: an id with a float's prefix, and classes.
        guard line.hasPrefix("<div "), line.hasSuffix(">"), !line.hasSuffix("/>") else { return nil }
        var attrs = Attributes()
        var rest = Substring(line.dropFirst(5).dropLast())
        while let eq = rest.firstIndex(of: "=") {
            let name = rest[..<eq].trimmingWhitespace()
            let afterEq = rest[rest.index(after: eq)...]
            guard let quote = afterEq.first, quote == "\"" || quote == "'",
                  let close = afterEq.dropFirst().firstIndex(of: quote) else { return nil }
            let value = String(afterEq[afterEq.index(after: afterEq.startIndex)..<close])
            switch name {
            case "id": attrs.id = value
            case "class": attrs.classes = value.split(separator: " ").map(String.init)
            default: return nil
            }
            rest = afterEq[afterEq.index(after: close)...]
        }
        guard rest.allSatisfy({ $0 == " " }), let id = attrs.id, !id.contains(" "),
              ["fig:", "tbl:", "lst:"].contains(where: { id.hasPrefix($0) }) else { return nil }
        htmlFloatDivs += 1
        return .divOpen(attrs)
    }

    mutating func copyLine(_ start: Int, _ end: Int, _ lineIndex: Int) {
        out += b[start..<end]
        newline(end, lineIndex)
    }

    /// Ends an output line that came from input line `lineIndex` (if the input line had a newline).
    mutating func newline(_ end: Int, _ lineIndex: Int) {
        guard end < b.count else { return }
        out.append(0x0A)
        lineMap.append(lineIndex + 2)
    }

    func location(_ offset: Int) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(fileNumber: fileNumber, line: lo + 1 + lineOffset, column: offset - lineStarts[lo] + 1)
    }

    private func lineIndex(of offset: Int) -> Int {
        location(offset).line - 1 - lineOffset
    }

    // MARK: Paragraph text

    /// Scans the run of lines `[first, upTo)` as inline text.
    private mutating func flushChunk(_ first: inout Int?, upTo: Int) {
        guard let f = first else { return }
        first = nil
        let end = upTo < lineStarts.count ? lineStarts[upTo] - 1 : b.count
        scanInline(lineStarts[f], end)
        if end < b.count {
            out.append(0x0A)
            lineMap.append(upTo + 1)
        }
    }

    /// Scans the input `[start, end)` as inline text, copying it to the output with placeholders.
    mutating func scanInline(_ start: Int, _ end: Int) {
        index = nil
        spanCloses = [:]
        bracketPairs = nil
        chunk = (start, end)
        copied = start
        plainUntil = start
        reviewCommentClose.reset()
        htmlCommentClose.reset()
        tagMemo = nil
        var i = start
        let special = Self.special
        while i < end {
            i = b.firstIndex(in: special, from: i, to: end)
            guard i < end else { break }
            let c = b[i]
            if c == UInt8(ascii: "\\") {
                // A backslash before a letter starts a TeX command (not in link text or a destination);
                // before anything else it escapes it.
                if i >= plainUntil, i + 1 < end, (b[i + 1] | 0x20) >= UInt8(ascii: "a"), (b[i + 1] | 0x20) <= UInt8(ascii: "z") {
                    i = texCommand(i, end)
                } else if i >= plainUntil, i + 1 < end, b[i + 1] == UInt8(ascii: "\"") || b[i + 1] == UInt8(ascii: "'"), !mayBeInTag(i) {
                    // An escaped quote stays straight: smart punctuation must not curl it (`5\'10\"`).
                    replace(i, i + 2, .text(b[i + 1] == UInt8(ascii: "'") ? SmartPunctuation.straightApostrophe : SmartPunctuation.straightQuote))
                    i += 2
                } else {
                    i += 2
                }
            } else if c == UInt8(ascii: "`") {
                i = skipCodeSpan(i, end)
            } else if let to = reviewToken(i, end) {
                i = to
            } else if c == UInt8(ascii: "<"), let to = htmlTagEnd(i, end) {
                // An HTML tag's attributes are not text: `<img src="…?math=\phi">` holds no TeX command.
                i = to
            } else if i < plainUntil {
                i += 1
            } else if c == UInt8(ascii: "$"), let (to, kind) = math(i, end) {
                replace(i, to, kind)
                i = to
            } else if c == UInt8(ascii: "["), let (to, kind) = bracketCitation(i, end) {
                replace(i, to, kind)
                i = to
            } else if c == UInt8(ascii: "["), let close = linkText(i, end) {
                plainUntil = destinationEnd(close, end)
                i += 1
            } else if c == UInt8(ascii: "["), let (close, to, attrs) = bracketedSpan(i, end) {
                replace(i, i + 1, .spanOpen(attrs))
                spanCloses[close] = to
                i += 1
            } else if c == UInt8(ascii: "]"), let to = spanCloses.removeValue(forKey: i) {
                replace(i, to, .spanClose)
                i = to
            } else if c == UInt8(ascii: "@"), CitationSyntax.canStartCitation(after: i > start ? b[i - 1] : nil),
                      let (to, kind) = inTextCitation(i, end) {
                replace(i, to, kind)
                i = to
            } else {
                i += 1
            }
        }
        if let open = openMark {
            let (o, c) = CriticSyntax.delimiters(open.kind)
            malformed("'\(o)' is not closed in its paragraph: a review mark ends with '\(c)' before the paragraph ends",
                      at: open.start)
            openMark = nil
        }
        emit(end)
    }

    /// Past the inline HTML tag, closing tag or comment that starts at `i` (`<a href="…">`, `</a>`,
    /// `<!-- … -->`), read by CommonMark's grammar for raw HTML, so that text cmark prints as text
    /// (`n <k we cite [@a], k > 2`) is still scanned; nil when `<` starts none. A tag is looked for at
    /// most 4 KiB ahead, and a comment's end is searched for once per paragraph, so both stay linear.
    private mutating func htmlTagEnd(_ i: Int, _ end: Int) -> Int? {
        let limit = min(end, i + 4096)
        guard i + 1 < limit else { return nil }
        if b[i + 1] == UInt8(ascii: "!") {
            guard i + 3 < limit, b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") else { return nil }
            return htmlCommentClose.next(in: b, after: i + 4, end).map { $0 + 3 }
        }
        var k = i + 1
        let closing = b[k] == UInt8(ascii: "/")
        if closing { k += 1 }
        guard k < limit, isLetter(b[k]) else { return nil }
        while k < limit, isAlnum(b[k]) || b[k] == UInt8(ascii: "-") { k += 1 }
        func spaces() -> Bool {
            let from = k
            while k < limit, isSpace(b[k]) { k += 1 }
            return k > from
        }
        if closing {
            _ = spaces()
            return k < limit && b[k] == UInt8(ascii: ">") ? k + 1 : nil
        }
        // Attributes: whitespace, a name, and optionally `=` and a value (unquoted, '…' or "…").
        while true {
            let spaced = spaces()
            guard k < limit else { return nil }
            if b[k] == UInt8(ascii: ">") { return k + 1 }
            if b[k] == UInt8(ascii: "/") { return k + 1 < limit && b[k + 1] == UInt8(ascii: ">") ? k + 2 : nil }
            let c = b[k]
            guard spaced, isLetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") else { return nil }
            while k < limit, isAlnum(b[k]) || "_.:-".utf8.contains(b[k]) { k += 1 }
            let before = k
            _ = spaces()
            guard k < limit, b[k] == UInt8(ascii: "=") else {
                k = before
                continue
            }
            k += 1
            _ = spaces()
            guard k < limit else { return nil }
            if b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") {
                let q = b[k]
                k += 1
                while k < limit, b[k] != q { k += 1 }
                guard k < limit else { return nil }
                k += 1
            } else {
                let from = k
                while k < limit, !isSpace(b[k]), !"\"'=<>`".utf8.contains(b[k]) { k += 1 }
                guard k > from else { return nil }
            }
        }
    }

    /// Whether `i` may stand inside an HTML tag that cmark reads (a `<` and a letter before it, with no
    /// `>` between, at most 4 KiB back): an escaped quote there is left to cmark, since a marker in
    /// its place would change where the tag's attribute values end. The last answer is kept, so a run
    /// of escapes is scanned once.
    private mutating func mayBeInTag(_ i: Int) -> Bool {
        var k = i - 1
        var answer = false
        while k >= max(chunk.start, i - 4096) {
            if let memo = tagMemo, memo.at == k, memo.at >= chunk.start {
                answer = memo.inTag
                break
            }
            if b[k] == UInt8(ascii: ">") { break }
            if b[k] == UInt8(ascii: "<"), k + 1 < i, isLetter(b[k + 1]) || b[k + 1] == UInt8(ascii: "/") {
                answer = true
                break
            }
            k -= 1
        }
        tagMemo = (i, answer)
        return answer
    }

    /// Whether `[from, to)` is all the paragraph being scanned holds, spaces aside (never in a table cell).
    func aloneInParagraph(_ from: Int, _ to: Int) -> Bool {
        guard !inTableCell else { return false }
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return b[chunk.start..<from].allSatisfy(space) && b[to..<chunk.end].allSatisfy(space)
    }

    /// Copies input bytes up to `to`, recording where each newline's next line came from.
    mutating func emit(_ to: Int) {
        guard to > copied else { return }
        out.append(contentsOf: b[copied..<to])
        var k = copied
        while let nl = b[k..<to].firstIndex(of: 0x0A) {
            lineMap.append(lineIndex(of: nl + 1) + 1)
            k = nl + 1
        }
        copied = to
    }

    /// Replaces the input `[from, to)` with a placeholder for a new span.
    mutating func replace(_ from: Int, _ to: Int, _ kind: Span.Kind) {
        emit(from)
        spans.append(Span(kind: kind, original: String(decoding: b[from..<to], as: UTF8.self), location: location(from)))
        out += Array(Placeholder.inline(spans.count - 1).utf8)
        copied = to
    }

    /// The paragraph's closer index, built on first use (most paragraphs have no `$` or backticks).
    private mutating func withIndex<T>(_ body: (inout ChunkIndex) -> T) -> T {
        var built = index ?? ChunkIndex(b, chunk.start, chunk.end)
        let result = body(&built)
        index = built
        return result
    }

    private mutating func skipCodeSpan(_ i: Int, _ end: Int) -> Int {
        var built = index ?? ChunkIndex(b, chunk.start, chunk.end)
        let after = codeSpanEnd(i, end, index: &built)
        index = built
        return after
    }

    /// Past the code span whose opening backticks are at `i` (past the backticks alone when none close it).
    private func codeSpanEnd(_ i: Int, _ end: Int, index: inout ChunkIndex) -> Int {
        var run = 0
        while i + run < end, b[i + run] == UInt8(ascii: "`") { run += 1 }
        return index.nextBacktickRun(length: run, after: i + run).map { $0 + run } ?? i + run
    }

    // MARK: Math

    /// Bytes that can start something the preprocessor handles; all others are skipped at once.
    private static let special = ByteSet("\\`$[]@{+-~=<")
    /// What `matchBrackets` stops at.
    private static let brackets = ByteSet("\\`[]")

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    private func isAlnum(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    private mutating func math(_ i: Int, _ end: Int) -> (Int, Span.Kind)? {
        if i > 0, isAlnum(b[i - 1]) || b[i - 1] == UInt8(ascii: "$") { return nil }
        if i + 1 < end, b[i + 1] == UInt8(ascii: "$") { return displayMath(i, end) }
        guard i + 1 < end, !isSpace(b[i + 1]), let j = withIndex({ $0.nextInlineCloser(after: i + 1) }) else { return nil }
        let tex = String(decoding: b[(i + 1)..<j], as: UTF8.self)
        return (j + 1, .math(display: false, tex: tex, attributes: nil))
    }

    private mutating func displayMath(_ i: Int, _ end: Int) -> (Int, Span.Kind)? {
        if let j = withIndex({ $0.nextDisplayCloser(after: i + 2) }) {
            do {
                let tex = String(decoding: b[(i + 2)..<j], as: UTF8.self).trimmingWhitespaceAndNewlines()
                guard !tex.isEmpty else { return nil }
                var to = j + 2
                var attributes: Attributes?
                var k = to
                while k < end, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                if k < end, b[k] == UInt8(ascii: "{"), let close = b[k..<end].firstIndex(of: UInt8(ascii: "}")),
                   !b[k..<close].contains(0x0A),
                   let attrs = AttributeParser.parse(Substring(String(decoding: b[k...close], as: UTF8.self))) {
                    attributes = attrs
                    to = close + 1
                }
                return (to, .math(display: true, tex: tex, attributes: attributes))
            }
        }
        return nil
    }

    // MARK: Citations

    private mutating func bracketCitation(_ i: Int, _ end: Int) -> (Int, Span.Kind)? {
        if i > 0, b[i - 1] == UInt8(ascii: "!") || b[i - 1] == UInt8(ascii: "\\") { return nil }
        guard i + 1 < end, b[i + 1] != UInt8(ascii: "^") else { return nil }
        var j = i + 1
        var sawAt = false
        var mark: Int?
        while j < end, b[j] != UInt8(ascii: "]") {
            if b[j] == UInt8(ascii: "[") || j - i > 2000 { return nil }
            if b[j] == UInt8(ascii: "@") { sawAt = true }
            if mark == nil, CriticSyntax.opener(b, j, end) != nil || CriticSyntax.closer(b, j, end) != nil { mark = j }
            j += 1
        }
        guard sawAt, j < end else { return nil }
        // `[text](url)` and `[text][label]` are links; `[@key][^1]` is a citation and a footnote.
        if j + 1 < end, b[j + 1] == UInt8(ascii: "(")
            || (b[j + 1] == UInt8(ascii: "[") && !(j + 2 < end && b[j + 2] == UInt8(ascii: "^"))) {
            return nil
        }
        // `[x]:` is a link reference definition only at the start of a line.
        if j + 1 < end, b[j + 1] == UInt8(ascii: ":"), atLineStart(i) { return nil }
        if let m = mark {
            malformed("a review mark inside a citation's brackets: put the mark around the whole citation, "
                      + "as in {++[@key]++}", at: m)
            return nil
        }
        var separatingComma: Int?
        guard let items = CitationSyntax.group(b, from: i + 1, to: j, comma: &separatingComma, locate: location) else { return nil }
        if let comma = separatingComma {
            let at = location(comma)
            diagnostics.append(Diagnostic(.warning, "citation.comma", "citations separated by a comma; Folio reads them as separate citations, but pandoc does not",
                                          range: SourceRange(at: at),
                                          notes: ["separate citations with ';', [@a; @b], so that both read them alike"]))
        }
        let source = String(decoding: b[i...j], as: UTF8.self)
        return (j + 1, .citation(CitationGroup(items: items, inText: false, source: source)))
    }

    /// The end of `[text]` when it is link text (`](`, `][`, or `]:` at a line's start): nothing inside is a
    /// citation. An image's text is its caption, read like any text.
    private func linkText(_ i: Int, _ end: Int) -> Int? {
        if i > 0, b[i - 1] == UInt8(ascii: "!") { return nil }
        // A footnote's label (`[^x]` and `[^x]:`) is not a link: its text is read as any text.
        if i + 1 < end, b[i + 1] == UInt8(ascii: "^") { return nil }
        var j = i + 1
        while j < end, b[j] != UInt8(ascii: "]"), b[j] != UInt8(ascii: "["), j - i < 2000 { j += 1 }
        guard j < end, b[j] == UInt8(ascii: "]") else { return nil }
        let link = j + 1 < end && (b[j + 1] == UInt8(ascii: "(") || b[j + 1] == UInt8(ascii: "[")
                                   || (b[j + 1] == UInt8(ascii: ":") && atLineStart(i)))
        return link ? j + 1 : nil
    }

    /// Past a link's destination: `(…)` after `](` (nested parentheses counted), or the rest of the
    /// line after a definition's `]:`; `close` is just after the `]`.
    private func destinationEnd(_ close: Int, _ end: Int) -> Int {
        guard close < end else { return close }
        if b[close] == UInt8(ascii: ":") {
            return b[close..<end].firstIndex(of: 0x0A) ?? end
        }
        guard b[close] == UInt8(ascii: "(") else { return close }
        var depth = 0
        var j = close
        while j < end, j - close < 4096 {
            if b[j] == UInt8(ascii: "\\") { j += 2; continue }
            if b[j] == UInt8(ascii: "(") { depth += 1 }
            if b[j] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { return j + 1 } }
            j += 1
        }
        return close
    }

    /// `[text]{#id .class}`: where its `]` is, where its attributes end, and the attributes; nil when the
    /// brackets are not a span (no attributes right after them, or not closed in the paragraph).
    private mutating func bracketedSpan(_ i: Int, _ end: Int) -> (Int, Int, Attributes)? {
        if i > 0, b[i - 1] == UInt8(ascii: "!") || b[i - 1] == UInt8(ascii: "\\") { return nil }
        if bracketPairs == nil { bracketPairs = matchBrackets(chunk.start, chunk.end) }
        guard let j = bracketPairs?[i], j + 1 < end, b[j + 1] == UInt8(ascii: "{"),
              let close = b[(j + 1)..<min(end, j + 512)].firstIndex(of: UInt8(ascii: "}")), !b[(j + 1)..<close].contains(0x0A),
              let attrs = close == j + 2 ? Attributes()
                : AttributeParser.parse(Substring(String(decoding: b[(j + 1)...close], as: UTF8.self))) else { return nil }
        return (j, close + 1, attrs)
    }

    /// Each `[` of the paragraph with its matching `]` (escapes and code spans skipped), in one pass.
    /// It runs ahead of the main scan, so it skips code spans with its own copy of the index: moving the
    /// shared cursors past later backtick runs made the scan skip text up to them.
    private mutating func matchBrackets(_ start: Int, _ end: Int) -> [Int: Int] {
        let built = index ?? ChunkIndex(b, chunk.start, chunk.end)
        if index == nil { index = built }
        var local = built.rewound()
        var pairs: [Int: Int] = [:]
        var stack: [Int] = []
        var j = start
        let brackets = Self.brackets
        while j < end {
            j = b.firstIndex(in: brackets, from: j, to: end)
            guard j < end else { break }
            switch b[j] {
            case UInt8(ascii: "\\"): j += 2; continue
            case UInt8(ascii: "`"): j = codeSpanEnd(j, end, index: &local); continue
            case UInt8(ascii: "["): stack.append(j)
            case UInt8(ascii: "]"): if let open = stack.popLast() { pairs[open] = j }
            default: break
            }
            j += 1
        }
        return pairs
    }

    /// Whether only up to three spaces (and block-quote markers) stand before `i` on its line.
    private func atLineStart(_ i: Int) -> Bool {
        var k = i
        var spaces = 0
        while k > chunk.start, b[k - 1] != 0x0A {
            k -= 1
            if b[k] == 0x20 { spaces += 1 } else if b[k] != UInt8(ascii: ">") { return false }
            if spaces > 3 { return false }
        }
        return true
    }

    private func inTextCitation(_ i: Int, _ end: Int) -> (Int, Span.Kind)? {
        guard let (key, after) = CitationSyntax.key(b, at: i, end: end) else { return nil }
        var to = after
        var suffix = ""
        // `@key [p. 4]`: a locator in brackets right after the key.
        if after + 1 < end, b[after] == 0x20, b[after + 1] == UInt8(ascii: "[") {
            var j = after + 2
            while j < end, b[j] != UInt8(ascii: "]"), b[j] != UInt8(ascii: "["), b[j] != UInt8(ascii: "@"), b[j] != 0x0A { j += 1 }
            if j < end, b[j] == UInt8(ascii: "]"), !(j + 1 < end && (b[j + 1] == UInt8(ascii: "(") || b[j + 1] == UInt8(ascii: "["))) {
                suffix = String(decoding: b[(after + 2)..<j], as: UTF8.self).trimmingWhitespace()
                to = j + 1
            }
        }
        let item = CitationGroup.Item(key: key, prefix: "", suffix: suffix, suppressAuthor: false, location: location(i))
        return (to, .citation(CitationGroup(items: [item], inText: true, source: String(decoding: b[i..<to], as: UTF8.self))))
    }
}

import Foundation
