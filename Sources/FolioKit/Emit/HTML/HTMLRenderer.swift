/// Renders model blocks and inlines to HTML, in the shape cmark-gfm's own renderer uses
/// so plain GFM input gives the spec's output.
public struct HTMLRenderer {
    public struct Options: Sendable {
        /// Pass raw HTML through, sanitised (`HTMLSanitizer`); otherwise it is shown as text.
        public var rawHTML = false
        /// GFM's tag filter instead of the sanitiser: only for checking the parser against cmark's spec output.
        var cmarkTagFilter = false
        /// Prepended to footnote anchors so several chapters can share one page.
        public var footnotePrefix = ""
        /// Heading levels are shifted by this much (a paper's sections start at h3).
        public var headingOffset = 0
        /// Show the resolved section number before headings.
        public var numberHeadings = false
        /// Align table cells with classes (valid HTML5) rather than cmark's `align` attributes.
        public var alignWithClasses = false
        /// Output path for a local image source; nil leaves the source as written.
        public var assetPath: @Sendable (String) -> String? = { _ in nil }
        /// The words for captions and callouts ("Figure", "Note"...), from the paper's language.
        public var words = PaperWords.builtIn(for: "en")

        func calloutLabel(_ kind: Callout.Kind) -> String { words.singular(PaperWords.Kind(rawValue: kind.rawValue) ?? .note) }

        public init() {}

        static func with(words: PaperWords) -> Options {
            var o = Options()
            o.words = words
            return o
        }
    }

    public var out = ""
    let options: Options
    private let footnoteNumbers: [String: Int]
    private var footnoteRefCount: [Int: Int] = [:]

    /// `footnoteNumbers` are the numbers Parse or Resolve gave each label; the writer only prints them.
    public init(options: Options, footnoteNumbers: [String: Int] = [:]) {
        self.options = options
        self.footnoteNumbers = footnoteNumbers
    }

    /// Renders a whole fragment: the blocks, then a footnotes section if any are referenced.
    public static func fragment(_ doc: MarkdownDocument, options: Options) -> String {
        var r = HTMLRenderer(options: options, footnoteNumbers: doc.footnoteNumbers)
        r.blocks(doc.blocks)
        r.footnoteSection(doc.footnotes)
        return r.out
    }

    mutating func cr() {
        if let last = out.utf8.last, last != UInt8(ascii: "\n") { out += "\n" }
    }

    // MARK: Blocks

    public mutating func blocks(_ list: [Block], tight: Bool = false) {
        // Nodes are read where they lie, not copied (see `InPlace`).
        list.forEachInPlace { block($0, tight: tight) }
    }

    mutating func block(_ b: Block, tight: Bool = false, backref: String? = nil) {
        InPlace.with(b) { block($0, tight: tight, backref: backref) }
    }

    mutating func block(_ b: InPlace<Block>, tight: Bool = false, backref: String? = nil) {
        switch b.kind {
        case .paragraph(let content):
            if tight {
                inlines(content)
            } else {
                cr()
                out += "<p>"
                inlines(content)
                if let backref { out += " " + backref }
                out += "</p>\n"
            }
        case .heading(let h):
            cr()
            let level = min(h.level + options.headingOffset, 6)
            out += "<h\(level)"
            out += Self.idAttribute(h.attributes.id)
            let classes = h.attributes.classes
            if !classes.isEmpty { out += " class=\"\(HTMLEscaping.text(classes.joined(separator: " ")))\"" }
            out += ">"
            if options.numberHeadings, let n = h.number { out += "<span class=\"secnum\">\(n)</span> " }
            inlines(h.content)
            out += "</h\(level)>\n"
        case .blockQuote(let children):
            cr()
            out += "<blockquote>\n"
            blocks(children)
            cr()
            out += "</blockquote>\n"
        case .list(let list):
            cr()
            if list.ordered {
                out += list.start == 1 ? "<ol>\n" : "<ol start=\"\(list.start)\">\n"
            } else {
                out += "<ul>\n"
            }
            for item in list.items {
                cr()
                out += "<li>"
                if let checked = item.task {
                    out += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                        : "<input type=\"checkbox\" disabled=\"\" /> "
                }
                blocks(item.content, tight: list.tight)
                out += "</li>\n"
            }
            out += list.ordered ? "</ol>\n" : "</ul>\n"
        case .codeBlock(let info, let literal):
            cr()
            out += "<pre><code"
            let lang = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            if !lang.isEmpty { out += " class=\"language-\(HTMLEscaping.text(lang))\"" }
            out += ">"
            HTMLEscaping.appendText(literal, to: &out)
            out += "</code></pre>\n"
        case .html(let raw):
            if options.rawHTML {
                cr()
                out += passThrough(raw)
                cr()
            } else if !Self.isComment(raw) {
                cr()
                out += "<p class=\"raw-html\">"
                HTMLEscaping.appendText(raw.hasSuffix("\n") ? String(raw.dropLast()) : raw, to: &out)
                out += "</p>\n"
            }
        case .raw(let format, let text):
            guard RawFormat(format) == .html else { break }
            cr()
            if options.rawHTML {
                out += passThrough(text)
                cr()
            } else {
                out += "<p class=\"raw-html\">"
                HTMLEscaping.appendText(text.hasSuffix("\n") ? String(text.dropLast()) : text, to: &out)
                out += "</p>\n"
            }
        case .layout(let command):
            // A page break shows in print; the lists and contents are the paper's own (HTMLPage).
            if case .pageBreak = command {
                cr()
                out += "<div class=\"page-break\" aria-hidden=\"true\"></div>\n"
            }
        case .thematicBreak:
            cr()
            out += "<hr />\n"
        case .table(let t):
            table(t)
        case .footnoteDefinition:
            break
        case .bibliography(let list):
            bibliography(list)
        case .figure(let f):
            cr()
            out += "<figure"
            out += Self.idAttribute(f.attributes.id)
            if f.subfigures.isEmpty {
                out += ">\n"
                image(source: f.source, title: f.title, alt: f.caption, attributes: f.attributes)
            } else {
                out += " class=\"subfigures\">\n<div class=\"subfigure-row\">\n"
                for sub in f.subfigures { subfigure(sub, letter: f.letter(of: sub)) }
                out += "</div>"
            }
            out += "\n<figcaption>"
            if !f.number.isEmpty {
                out += "<span class=\"figure-label\">\(HTMLEscaping.text(options.words.singular(.figure))) \(f.number):</span> "
            }
            inlines(f.caption)
            out += "</figcaption>\n</figure>\n"
        case .equation(let e): equation(e)
        case .listing(let l): listing(l)
        case .callout(let c): callout(c)
        case .div(let attrs, let content): div(attrs, content)
        }
    }

    mutating func table(_ t: Table) {
        cr()
        out += "<table"
        out += Self.idAttribute(t.attributes.id)
        out += ">\n"
        tableCaption(t)
        if let widths = t.widths {
            out += "<colgroup>\n"
            for w in widths { out += "<col style=\"width: \(String(format3: w * 100))%\">\n" }
            out += "</colgroup>\n"
        }
        if !t.header.cells.isEmpty {
            out += "<thead>\n"
            row(t.header, cell: "th", alignments: t.alignments)
            out += "</thead>\n"
        }
        if !t.rows.isEmpty {
            out += "<tbody>\n"
            for r in t.rows { row(r, cell: "td", alignments: t.alignments) }
            out += "</tbody>\n"
        }
        out += "</table>\n"
    }

    mutating func row(_ r: Table.Row, cell: String, alignments: [Table.Alignment]) {
        out += "<tr>\n"
        for (i, content) in r.cells.enumerated() {
            out += "<\(cell)"
            let name: String? = switch i < alignments.count ? alignments[i] : .none {
            case .left: "left"
            case .center: "center"
            case .right: "right"
            case .none: nil
            }
            if let name { out += options.alignWithClasses ? " class=\"align-\(name)\"" : " align=\"\(name)\"" }
            out += ">"
            inlines(content)
            out += "</\(cell)>\n"
        }
        out += "</tr>\n"
    }

    /// The footnotes of one document, in reference order, each with a link back to its first reference.
    public mutating func footnoteSection(_ notes: [MarkdownDocument.Footnote]) {
        guard !notes.isEmpty else { return }
        cr()
        out += "<section class=\"footnotes\">\n<ol>\n"
        for (i, note) in notes.enumerated() {
            let n = i + 1
            let p = options.footnotePrefix
            out += "<li id=\"fn\(p)\(n)\">\n"
            let backref = "<a href=\"#fnref\(p)\(n)\" class=\"footnote-backref\">↩</a>"
            for (j, b) in note.content.enumerated() {
                let isLast = j == note.content.count - 1
                if isLast, case .paragraph = b.kind {
                    block(b, backref: backref)
                } else {
                    block(b)
                    if isLast { out += backref + "\n" }
                }
            }
            if note.content.isEmpty { out += backref + "\n" }
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }

    // MARK: Inlines

    public mutating func inlines(_ list: [Inline]) {
        list.forEachInPlace { inline($0) }
    }

    mutating func inline(_ node: InPlace<Inline>) {
        switch node.kind {
        case .text(let s): HTMLEscaping.appendText(s, to: &out)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br />\n"
        case .code(let s):
            out += "<code>"
            HTMLEscaping.appendText(s, to: &out)
            out += "</code>"
        case .html(let raw):
            if options.rawHTML {
                out += passThrough(raw)
            } else if !Self.isComment(raw) {
                HTMLEscaping.appendText(raw, to: &out)
            }
        case .raw(let format, let text):
            guard RawFormat(format) == .html else { break }
            if options.rawHTML { out += passThrough(text) } else { HTMLEscaping.appendText(text, to: &out) }
        case .emphasis(let c): wrap("em", c)
        case .strong(let c): wrap("strong", c)
        case .strikethrough(let c): wrap("del", c)
        case .link(let dest, let title, let content):
            out += "<a href=\"\(url(dest))\""
            if !title.isEmpty { out += " title=\"\(HTMLEscaping.text(title))\"" }
            out += ">"
            inlines(content)
            out += "</a>"
        case .image(let src, let title, let alt):
            image(source: src, title: title, alt: alt, attributes: Attributes())
        case .footnoteReference(let label):
            guard let n = footnoteNumbers[label] else {
                HTMLEscaping.appendText("[^\(label)]", to: &out)
                return
            }
            let seen = footnoteRefCount[n, default: 0] + 1
            footnoteRefCount[n] = seen
            let p = options.footnotePrefix
            let refID = seen == 1 ? "fnref\(p)\(n)" : "fnref\(p)\(n)-\(seen)"
            out += "<sup class=\"footnote-ref\"><a href=\"#fn\(p)\(n)\" id=\"\(refID)\">\(n)</a></sup>"
        case .math(let display, let tex):
            math(tex, display: display)
        case .citation(let group):
            // Unresolved (as in `folio render`): shown exactly as written.
            HTMLEscaping.appendText(group.source, to: &out)
        case .formattedCitation(_, let content):
            inlines(content)
        case .review(let mark, let old, let new):
            review(mark, old: old, new: new)
        case .span(let attrs, let content) where attrs.classes == ["abbr"]:
            out += "<abbr title=\"\(HTMLEscaping.text(attrs["title"] ?? ""))\">"
            inlines(content)
            out += "</abbr>"
        case .span(let attrs, let content):
            out += "<span" + Self.idAttribute(attrs.id)
            if !attrs.classes.isEmpty { out += " class=\"\(HTMLEscaping.text(attrs.classes.joined(separator: " ")))\"" }
            out += ">"
            inlines(content)
            out += "</span>"
        }
    }

    mutating func image(source: String, title: String, alt: [Inline], attributes: Attributes) {
        out += "<img src=\"\(url(options.assetPath(source) ?? source))\" alt=\""
        appendAltText(alt)
        out += "\""
        if !title.isEmpty { out += " title=\"\(HTMLEscaping.text(title))\"" }
        if let width = attributes["width"] { out += " style=\"width: \(HTMLEscaping.text(CSSLength.sanitize(width)))\"" }
        out += " />"
    }

    mutating func wrap(_ tag: String, _ content: [Inline]) {
        out += "<\(tag)>"
        inlines(content)
        out += "</\(tag)>"
    }

    /// Alt text: the plain text of the description, as cmark renders it.
    mutating func appendAltText(_ nodes: [Inline]) {
        for n in nodes {
            switch n.kind {
            case .text(let s), .code(let s), .html(let s): HTMLEscaping.appendText(s, to: &out)
            case .raw: break
            case .softBreak, .lineBreak: out += " "
            case .emphasis(let c), .strong(let c), .strikethrough(let c): appendAltText(c)
            case .link(_, _, let c), .image(_, _, let c), .span(_, let c), .formattedCitation(_, let c): appendAltText(c)
            case .math(_, let tex): HTMLEscaping.appendText(tex, to: &out)
            case .citation(let g): HTMLEscaping.appendText(g.source, to: &out)
            case .footnoteReference: break
            case .review(_, _, let new): appendAltText(new)
            }
        }
    }

    /// Dangerous URLs are dropped whatever the settings.
    func url(_ raw: String) -> String {
        if HTMLEscaping.isDangerous(raw) { return "" }
        return HTMLEscaping.href(raw)
    }

    /// Raw HTML that is let through: sanitised (Validate reports what was removed, with locations).
    func passThrough(_ raw: String) -> String {
        options.cmarkTagFilter ? HTMLEscaping.filterTags(raw) : HTMLSanitizer.sanitize(raw, at: nil).html
    }

    /// ` id="…"` for an element with an id, or nothing.
    static func idAttribute(_ id: String?) -> String {
        id.map { " id=\"\(HTMLEscaping.text($0))\"" } ?? ""
    }

    static func isComment(_ raw: String) -> Bool {
        let t = raw.drop(while: { $0 == " " })
        return t.hasPrefix("<!--")
    }
}

/// Keeps author-given widths to safe CSS lengths.
enum CSSLength {
    static func sanitize(_ s: String) -> String {
        let allowed = s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "%" || $0.isLetter) }
        return allowed && !s.isEmpty ? s : "100%"
    }
}

extension HTMLRenderer {
    /// The bibliography: one paragraph per entry with a hanging indent (numeric: a label column),
    /// ending with links back to the sections that cite it.
    mutating func bibliography(_ list: BibliographyList) {
        cr()
        let numeric = list.entries.contains { $0.label != nil }
        out += numeric ? "<div class=\"references numeric\">\n" : "<div class=\"references\">\n"
        for entry in list.entries {
            out += "<p class=\"reference\"" + Self.idAttribute(entry.id) + ">"
            if let label = entry.label { out += "<span class=\"reference-label\">\(HTMLEscaping.text(label))</span> " }
            inlines(entry.content)
            if !entry.backlinks.isEmpty {
                out += " <span class=\"backlinks\">\(HTMLEscaping.text(list.citedIn))"
                for (n, link) in entry.backlinks.enumerated() {
                    out += n == 0 ? " " : ", "
                    out += "<a href=\"#\(HTMLEscaping.text(link.id))\">\(HTMLEscaping.text(BibliographyList.backlinkText(link.label)))</a>"
                }
                out += "</span>"
            }
            out += "</p>\n"
        }
        out += "</div>\n"
    }
}
