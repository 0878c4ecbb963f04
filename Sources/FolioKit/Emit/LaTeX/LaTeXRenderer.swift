/// Renders model blocks and inlines to LaTeX. Numbers come from the Resolve stage and are set
/// explicitly, so the PDF shows exactly what the HTML shows.
public struct LaTeXRenderer {
    public struct Options: Sendable {
        /// Paper mode: headings are chapter-relative sections with resolved numbers; otherwise level 1 is \section.
        public var paperHeadings = false
        /// Output path for a local image source; nil means "not available", so only the alt text is shown.
        public var assetPath: @Sendable (String) -> String? = { $0 }
        /// Ids that exist in the document, so `#id` links can become internal references.
        public var knownIDs: Set<String> = []
        /// Ids marked with `\hypertarget` (bibliography entries and citations), linked with `\hyperlink`.
        public var hyperTargets: Set<String> = []
        /// Cite with biblatex commands instead of Folio's formatted text.
        public var biblatex = false
        /// The words for captions and callouts ("Table", "Note"...), from the paper's language.
        public var words = PaperWords.builtIn(for: "en")
        /// `raw-latex: true`: pandoc's `{=latex}` raw blocks and spans are written as they are.
        public var rawLaTeX = false

        func calloutLabel(_ kind: Callout.Kind) -> String { words.singular(PaperWords.Kind(rawValue: kind.rawValue) ?? .note) }

        public init() {}
    }

    public var out = ""
    public internal(set) var diagnostics: [Diagnostic] = []
    let options: Options
    let footnotes: [String: (number: Int, content: [Block])]
    /// Footnote contents by number (index 0 is footnote 1).
    let footnoteContents: [[Block]]
    var emittedFootnotes: Set<Int> = []
    /// Footnotes referenced where `\footnote` cannot go (cells, captions, headings, other footnotes):
    /// their marks are already out, their texts follow the enclosing block as `\footnotetext`.
    var pendingFootnotes: [Int] = []
    /// Above zero inside table cells, captions, headings and footnote texts.
    var deferFootnotes = 0
    var itemizeDepth = 0
    var enumerateDepth = 0
    /// All list-like environments (lists and quotes); LaTeX allows six, Folio uses five.
    var environmentDepth = 0

    static let maxEnvironmentDepth = 5
    static let maxListDepth = 4
    static let sectionCommands = ["section", "subsection", "subsubsection", "paragraph", "subparagraph"]

    /// `numbers` are the numbers Parse or Resolve gave each label; the writer only prints them.
    public init(options: Options, footnotes: [MarkdownDocument.Footnote], numbers: [String: Int]) {
        self.options = options
        var map: [String: (Int, [Block])] = [:]
        for f in footnotes where map[f.label] == nil {
            if let n = numbers[f.label] { map[f.label] = (n, f.content) }
        }
        self.footnotes = map
        self.footnoteContents = footnotes.map(\.content)
    }

    public static func fragment(_ doc: MarkdownDocument) -> (output: String, diagnostics: [Diagnostic]) {
        var r = LaTeXRenderer(options: Options(), footnotes: doc.footnotes, numbers: doc.footnoteNumbers)
        r.blocks(doc.blocks)
        return (r.out, r.diagnostics)
    }

    // MARK: Blocks

    public mutating func blocks(_ list: [Block]) {
        // Nodes are read where they lie, not copied (see `InPlace`).
        list.forEachInPlace { b in
            block(b)
            if deferFootnotes == 0 { flushFootnotes() }
        }
    }

    mutating func block(_ b: InPlace<Block>) {
        switch b.kind {
        case .raw(let format, let text):
            // Validate refuses LaTeX without `raw-latex: true`; HTML is for the other writer.
            if options.rawLaTeX, RawFormat(format) == .latex { out += text + (text.hasSuffix("\n") ? "\n" : "\n\n") }
        case .layout(let command):
            // The lists and contents are the paper's own (LaTeXDocument).
            if case .pageBreak(let name) = command { out += "\\\(name)\n\n" }
        case .paragraph(let content):
            if content.count == 1, case .image(let src, _, let alt) = content[0].kind, environmentDepth > 0 {
                blockImage(src, alt: alt)
            } else {
                inlines(content)
            }
            out += "\n\n"
        case .heading(let h):
            heading(h)
        case .blockQuote(let children):
            if environmentDepth < Self.maxEnvironmentDepth {
                environment("quote") { $0.blocks(children) }
            } else {
                blocks(children)
            }
        case .list(let list):
            self.list(list)
        case .codeBlock(_, let literal):
            codeLines(literal.split(separator: "\n", omittingEmptySubsequences: false))
        case .html(let raw):
            if !HTMLRenderer.isComment(raw) { codeLines(raw.split(separator: "\n", omittingEmptySubsequences: false)) }
        case .thematicBreak:
            out += "\\begin{center}\\rule{0.5\\linewidth}{0.5pt}\\end{center}\n\n"
        case .table(let t):
            table(t)
        case .footnoteDefinition:
            break
        case .bibliography(let list):
            bibliography(list)
        case .figure(let f):
            figure(f)
        case .equation(let e):
            equation(e, at: b.range.start)
        case .listing(let l):
            listing(l)
        case .callout(let c):
            callout(c)
        case .div(let attrs, let content):
            div(attrs, content)
        }
    }

    mutating func codeLines(_ raw: [Substring]) {
        var lines = raw
        if lines.last == "" { lines.removeLast() }
        out += "\\begin{folioCode}\n"
        for line in lines {
            out += line.isEmpty ? "\\mbox{}\\par\n" : LaTeXEscaping.codeLine(line) + "\\par\n"
        }
        out += "\\end{folioCode}\n\n"
    }

    mutating func heading(_ h: Heading) {
        let depth = options.paperHeadings ? h.level - 1 : h.level
        let index = min(max(depth, 1), Self.sectionCommands.count) - 1
        let command = Self.sectionCommands[index]
        deferFootnotes += 1
        let title = rendered { $0.inlines(h.content) }
        deferFootnotes -= 1
        let tocTitle = rendered { $0.inlines(h.content.forTableOfContents) }
        if options.paperHeadings, h.number != nil {
            // Every level of the number is set, so LaTeX prints exactly what Folio computed.
            let parts = h.counters
            for (i, value) in parts.enumerated() where i < Self.sectionCommands.count {
                out += "\\setcounter{\(Self.sectionCommands[i])}{\(i == parts.count - 1 ? value - 1 : value)}"
            }
            out += "\n\\\(command)[\(tocTitle)]{\(title)}"
        } else {
            out += "\\\(command)*{\(title)}"
            if options.paperHeadings && index == 0 {
                out += "\\phantomsection\\addcontentsline{toc}{\(command)}{\(tocTitle)}"
            }
        }
        if let id = h.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
        out += "\n\n"
    }

    mutating func list(_ list: ListBlock) {
        let depth = list.ordered ? enumerateDepth : itemizeDepth
        guard depth < Self.maxListDepth, environmentDepth < Self.maxEnvironmentDepth else {
            // Deeper than LaTeX allows: items become paragraphs with a dash.
            for item in list.items {
                out += "\\par\\noindent\\textendash{} "
                blocks(item.content)
            }
            return
        }
        if list.ordered { enumerateDepth += 1 } else { itemizeDepth += 1 }
        environment(list.ordered ? "enumerate" : "itemize") { r in
            if list.ordered && list.start != 1 { r.out += "\\folioStartAt{\(list.start)}\n" }
            if list.tight { r.out += "\\tightlist\n" }
            for item in list.items {
                switch item.task {
                case .some(true): r.out += "\\item[$\\boxtimes$] "
                case .some(false): r.out += "\\item[$\\square$] "
                case .none: r.out += "\\item "
                }
                r.blocks(item.content)
            }
        }
        if list.ordered { enumerateDepth -= 1 } else { itemizeDepth -= 1 }
    }

    mutating func environment(_ name: String, _ body: (inout LaTeXRenderer) -> Void) {
        out += "\\begin{\(name)}\n"
        environmentDepth += 1
        body(&self)
        environmentDepth -= 1
        while out.hasSuffix("\n") { out.removeLast() }
        out += "\n\\end{\(name)}\n\n"
    }

    // MARK: Inlines

    public mutating func inlines(_ list: [Inline]) {
        list.forEachInPlace { inline($0) }
    }

    mutating func inline(_ node: Inline) {
        InPlace.with(node) { inline($0) }
    }

    mutating func inline(_ node: InPlace<Inline>) {
        switch node.kind {
        case .raw(let format, let text):
            if options.rawLaTeX, RawFormat(format) == .latex { out += text }
        case .text(let s): LaTeXEscaping.appendText(s, to: &out)
        case .softBreak: out += "\n"
        case .lineBreak: out += "\\hfil\\break\n"
        case .code(let s):
            out += "\\texttt{"
            LaTeXEscaping.appendText(s, to: &out)
            out += "}"
        case .html(let raw):
            if !HTMLRenderer.isComment(raw) { out += "\\texttt{" + LaTeXEscaping.text(raw) + "}" }
        case .emphasis(let c): wrap("\\emph{", c)
        case .strong(let c): wrap("\\textbf{", c)
        case .strikethrough(let c): wrap("\\folioStrike{", c)
        case .link(let dest, _, let content):
            switch ResolvedPaper.linkTarget(dest, labels: options.knownIDs, anchors: options.hyperTargets) {
            case .anchor(let id): out += "\\hyperlink{\(LaTeXEscaping.label(id))}{"
            case .label(let id): out += "\\hyperref[\(LaTeXEscaping.label(id))]{"
            case .external(let url): out += "\\href{\(LaTeXEscaping.url(url))}{"
            case .none: out += "{"
            }
            inlines(content)
            out += "}"
        case .image(let src, _, let alt):
            if Resolver.isRemote(src) {
                out += "\\href{\(LaTeXEscaping.url(src))}{"
                inlines(alt)
                out += "}"
            } else if let path = options.assetPath(src) {
                out += "\\folioInlineImage{\(Self.graphicsPath(path))}"
            } else {
                inlines(alt)
            }
        case .footnoteReference(let label):
            footnoteReference(label)
        case .math(let display, let tex):
            math(tex, display: display, at: node.range.start)
        case .citation(let group):
            LaTeXEscaping.appendText(group.source, to: &out)
        case .formattedCitation(let group, let content):
            if options.biblatex { biblatexCitation(group) } else { inlines(content) }
        case .review(let mark, let old, let new):
            review(mark, old: old, new: new)
        case .span(let attrs, let content):
            if let id = attrs.id { out += "\\hypertarget{\(LaTeXEscaping.label(id))}{}" }
            inlines(content)
        }
    }

    mutating func wrap(_ open: String, _ content: [Inline]) {
        out += open
        inlines(content)
        out += "}"
    }

    /// An image alone in a paragraph inside a list or quote: shown at block size, as in HTML.
    mutating func blockImage(_ src: String, alt: [Inline]) {
        guard !Resolver.isRemote(src), let path = options.assetPath(src) else {
            inline(Inline(.image(source: src, title: "", alt: alt), range: SourceRange(file: "", line: 1, column: 1)))
            return
        }
        out += "{\\centering\\includegraphics[width=0.9\\linewidth,height=0.3\\textheight,keepaspectratio]{\(Self.graphicsPath(path))}\\par}"
    }

    /// Renders into a separate buffer, sharing footnote state.
    mutating func rendered(_ body: (inout LaTeXRenderer) -> Void) -> String {
        let saved = out
        out = ""
        body(&self)
        let result = out
        out = saved
        return result
    }

    /// A path for `\includegraphics`; asset names are already restricted to safe characters.
    static func graphicsPath(_ path: String) -> String {
        "{\(path.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./".contains($0)) })}"
    }
}

extension Array where Element == Inline {
    /// Inlines fit for a table of contents, a list of figures or a bookmark: no footnotes, no links or
    /// anchors (their text stays: a citation's anchor must not be repeated, and `\hypertarget` breaks a
    /// moving argument), no line breaks.
    public var forTableOfContents: [Inline] {
        flatMap { node -> [Inline] in
            var n = node
            switch node.kind {
            case .footnoteReference, .image, .html: return []
            case .lineBreak: n.kind = .text(" ")
            case .emphasis(let c): n.kind = .emphasis(c.forTableOfContents)
            case .strong(let c): n.kind = .strong(c.forTableOfContents)
            case .strikethrough(let c): n.kind = .strikethrough(c.forTableOfContents)
            case .link(_, _, let c), .span(_, let c), .formattedCitation(_, let c): return c.forTableOfContents
            default: break
            }
            return [n]
        }
    }
}
