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

        public init() {}
    }

    public var out = ""
    public private(set) var diagnostics: [Diagnostic] = []
    private let options: Options
    private let footnotes: [String: (number: Int, content: [Block])]
    private var emittedFootnotes: Set<Int> = []
    /// Current nesting of LaTeX list-like environments (LaTeX allows six).
    private var listDepth = 0
    private var inFootnoteOrCell = 0

    static let maxListDepth = 5
    static let sectionCommands = ["section", "subsection", "subsubsection", "paragraph", "subparagraph"]

    public init(options: Options, footnotes: [MarkdownDocument.Footnote]) {
        self.options = options
        var map: [String: (Int, [Block])] = [:]
        for (i, f) in footnotes.enumerated() where map[f.label] == nil { map[f.label] = (i + 1, f.content) }
        self.footnotes = map
    }

    public static func fragment(_ doc: MarkdownDocument) -> (output: String, diagnostics: [Diagnostic]) {
        var r = LaTeXRenderer(options: Options(), footnotes: doc.footnotes)
        r.blocks(doc.blocks)
        return (r.out, r.diagnostics)
    }

    // MARK: Blocks

    public mutating func blocks(_ list: [Block]) {
        for b in list { block(b) }
    }

    mutating func block(_ b: Block) {
        switch b.kind {
        case .paragraph(let content):
            inlines(content)
            out += "\n\n"
        case .heading(let h):
            heading(h)
        case .blockQuote(let children):
            environment("quote") { $0.blocks(children) }
        case .list(let list):
            self.list(list)
        case .codeBlock(_, let literal):
            out += "\\begin{folioCode}\n"
            var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            for line in lines {
                out += line.isEmpty ? "\\mbox{}\\par\n" : LaTeXEscaping.codeLine(line) + "\\par\n"
            }
            out += "\\end{folioCode}\n\n"
        case .html(let raw):
            if !HTMLRenderer.isComment(raw) {
                out += "\\begin{folioCode}\n"
                for line in raw.split(separator: "\n") { out += LaTeXEscaping.codeLine(line) + "\\par\n" }
                out += "\\end{folioCode}\n\n"
            }
        case .thematicBreak:
            out += "\\begin{center}\\rule{0.5\\linewidth}{0.5pt}\\end{center}\n\n"
        case .table(let t):
            table(t)
        case .footnoteDefinition:
            break
        case .figure(let f):
            figure(f)
        }
    }

    mutating func heading(_ h: Heading) {
        let depth = options.paperHeadings ? h.level - 1 : h.level
        let index = min(max(depth, 1), Self.sectionCommands.count) - 1
        let command = Self.sectionCommands[index]
        let title = rendered { $0.inlines(h.content) }
        let tocTitle = rendered { $0.inlines(h.content.withoutFootnotes) }
        if options.paperHeadings {
            if let number = h.number, let last = number.split(separator: ".").last, let n = Int(last) {
                out += "\\setcounter{\(command)}{\(n - 1)}\n\\\(command)[\(tocTitle)]{\(title)}"
            } else {
                out += "\\\(command)*{\(title)}"
                if index == 0 { out += "\\phantomsection\\addcontentsline{toc}{\(command)}{\(tocTitle)}" }
            }
        } else {
            out += "\\\(command)*{\(title)}"
        }
        if let id = h.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
        out += "\n\n"
    }

    mutating func list(_ list: ListBlock) {
        guard listDepth < Self.maxListDepth else {
            // Deeper than LaTeX allows: items become indented paragraphs.
            for item in list.items {
                out += "\\noindent\\textendash{} "
                blocks(item.content)
            }
            return
        }
        let env = list.ordered ? "enumerate" : "itemize"
        environment(env) { r in
            if list.ordered && list.start != 1 {
                r.out += "\\folioStartAt{\(list.start)}\n"
            }
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
    }

    mutating func environment(_ name: String, _ body: (inout LaTeXRenderer) -> Void) {
        out += "\\begin{\(name)}\n"
        listDepth += 1
        body(&self)
        listDepth -= 1
        trimTrailingBlankLines()
        out += "\n\\end{\(name)}\n\n"
    }

    mutating func table(_ t: Table) {
        let columns = max(t.alignments.count, t.header.cells.count)
        guard columns > 0 else { return }
        // Column widths in proportion to their longest cell, with a floor so short columns stay readable.
        var lengths = [Int](repeating: 4, count: columns)
        for row in [t.header] + t.rows {
            for (i, cell) in row.cells.enumerated() where i < columns {
                lengths[i] = max(lengths[i], min(cell.plainText.count, 60))
            }
        }
        let total = Double(lengths.reduce(0, +))
        let usable = 1.0 - 0.03 * Double(columns)
        var spec = "@{}"
        for i in 0..<columns {
            let align = i < t.alignments.count ? t.alignments[i] : .none
            let ragged = switch align {
            case .center: "\\centering"
            case .right: "\\raggedleft"
            default: "\\raggedright"
            }
            let width = Double(lengths[i]) / total * usable
            spec += ">{\(ragged)\\arraybackslash}p{\(String(format3: width))\\linewidth}"
        }
        spec += "@{}"
        let nested = listDepth > 0 || inFootnoteOrCell > 0
        let env = nested ? "tabular" : "longtable"
        out += nested ? "\\par\\noindent\\begin{tabular}{\(spec)}\n\\toprule\n" : "\\begin{longtable}{\(spec)}\n\\toprule\n"
        tableRow(t.header, columns: columns)
        out += nested ? "\\midrule\n" : "\\midrule\n\\endhead\n"
        for r in t.rows { tableRow(r, columns: columns) }
        out += "\\bottomrule\n\\end{\(env)}\n\n"
    }

    mutating func tableRow(_ r: Table.Row, columns: Int) {
        inFootnoteOrCell += 1
        var cells: [String] = []
        for i in 0..<columns {
            cells.append(i < r.cells.count ? rendered { $0.inlines(r.cells[i]) } : "")
        }
        inFootnoteOrCell -= 1
        out += cells.joined(separator: " & ") + " \\\\\n"
    }

    mutating func figure(_ f: Figure) {
        guard let path = options.assetPath(f.source) else {
            inlines(f.caption)
            out += "\n\n"
            return
        }
        let width = f.attributes["width"].flatMap(Self.latexWidth) ?? "\\linewidth"
        let caption = rendered { $0.inlines(f.caption) }
        let short = rendered { $0.inlines(f.caption.withoutFootnotes) }
        out += "\\begin{figure}[htbp]\n\\centering\n"
        out += "\\includegraphics[width=\(width),height=0.45\\textheight,keepaspectratio]{\(Self.graphicsPath(path))}\n"
        if let n = Int(f.number) { out += "\\setcounter{figure}{\(n - 1)}\n" }
        out += "\\caption[\(short)]{\(caption)}"
        if let id = f.attributes.id { out += "\\label{\(LaTeXEscaping.label(id))}" }
        out += "\n\\end{figure}\n\n"
    }

    /// `60%` becomes `0.6\linewidth`; absolute lengths pass through when well-formed.
    static func latexWidth(_ w: String) -> String? {
        if w.hasSuffix("%"), let p = Double(w.dropLast()), p > 0, p <= 100 { return "\(String(format3: p / 100))\\linewidth" }
        let units = ["cm", "mm", "in", "pt", "em"]
        if let u = units.first(where: { w.hasSuffix($0) }), let v = Double(w.dropLast(u.count)), v > 0 { return "\(v)\(u)" }
        return nil
    }

    /// A path for `\includegraphics`, protected against spaces and special characters.
    static func graphicsPath(_ path: String) -> String {
        "{\(path.filter { !"{}\\%#&$^~\n".contains($0) })}"
    }

    // MARK: Inlines

    public mutating func inlines(_ list: [Inline]) {
        for node in list { inline(node) }
    }

    mutating func inline(_ node: Inline) {
        switch node.kind {
        case .text(let s): LaTeXEscaping.appendText(s, to: &out)
        case .softBreak: out += "\n"
        case .lineBreak: out += "\\\\\n"
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
            if dest.hasPrefix("#"), options.knownIDs.contains(String(dest.dropFirst())) {
                out += "\\hyperref[\(LaTeXEscaping.label(String(dest.dropFirst())))]{"
            } else if dest.hasPrefix("#") || dest.isEmpty || HTMLEscaping.isDangerous(dest) {
                out += "{"
            } else {
                out += "\\href{\(LaTeXEscaping.url(dest))}{"
            }
            inlines(content)
            out += "}"
        case .image(let src, _, let alt):
            if Resolver.isRemote(src) {
                out += "\\href{\(LaTeXEscaping.url(src))}{"
                inlines(alt)
                out += "}"
            } else if let path = options.assetPath(src) {
                out += "\\includegraphics[height=1.2em]{\(Self.graphicsPath(path))}"
            } else {
                inlines(alt)
            }
        case .footnoteReference(let label):
            guard let note = footnotes[label] else {
                LaTeXEscaping.appendText("[^\(label)]", to: &out)
                return
            }
            if emittedFootnotes.contains(note.number) {
                out += "\\footnotemark[\(note.number)]"
            } else {
                emittedFootnotes.insert(note.number)
                inFootnoteOrCell += 1
                let body = rendered { $0.blocks(note.content) }
                inFootnoteOrCell -= 1
                out += "\\footnote[\(note.number)]{\(body.trimmingTrailingNewlines)}"
            }
        }
    }

    mutating func wrap(_ open: String, _ content: [Inline]) {
        out += open
        inlines(content)
        out += "}"
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

    mutating func trimTrailingBlankLines() {
        while out.hasSuffix("\n") { out.removeLast() }
    }
}

extension String {
    init(format3 value: Double) {
        let scaled = (value * 1000).rounded()
        let whole = Int(scaled) / 1000
        let frac = Int(scaled) % 1000
        let fracText = String(frac)
        self = "\(whole)." + String(repeating: "0", count: 3 - fracText.count) + fracText
    }

    var trimmingTrailingNewlines: String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

extension Array where Element == Inline {
    /// The same inlines with footnote references removed (for tables of contents and bookmarks).
    var withoutFootnotes: [Inline] {
        compactMap { node in
            var n = node
            switch node.kind {
            case .footnoteReference: return nil
            case .emphasis(let c): n.kind = .emphasis(c.withoutFootnotes)
            case .strong(let c): n.kind = .strong(c.withoutFootnotes)
            case .strikethrough(let c): n.kind = .strikethrough(c.withoutFootnotes)
            case .link(let d, let t, let c): n.kind = .link(destination: d, title: t, content: c.withoutFootnotes)
            default: break
            }
            return n
        }
    }
}
