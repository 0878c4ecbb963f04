/// Equations, listings, callouts, divs and table captions in HTML.
extension HTMLRenderer {
    mutating func equation(_ e: Equation) {
        cr()
        out += "<div class=\"equation\""
        out += Self.idAttribute(e.attributes.id)
        out += ">"
        math(e.tex, display: true)
        if let n = e.number { out += "<span class=\"eqnum\">(\(n))</span>" }
        out += "</div>\n"
    }

    /// One image of a subfigure group, with its letter: "(a) caption".
    mutating func subfigure(_ sub: Figure, letter: String) {
        out += "<figure class=\"subfigure\""
        out += Self.idAttribute(sub.attributes.id)
        out += ">\n"
        image(source: sub.source, title: sub.title, alt: sub.caption, attributes: sub.attributes)
        out += "\n<figcaption><span class=\"subfigure-label\">(\(HTMLEscaping.text(letter)))</span> "
        inlines(sub.caption)
        out += "</figcaption>\n</figure>\n"
    }

    mutating func listing(_ l: Listing) {
        cr()
        out += "<figure class=\"listing\""
        out += Self.idAttribute(l.attributes.id)
        out += ">\n<figcaption>"
        if let n = l.number { out += "<span class=\"listing-label\">\(HTMLEscaping.text(options.words.singular(.listing))) \(n):</span> " }
        inlines(l.caption)
        out += "</figcaption>\n"
        block(Block(.codeBlock(info: l.language, literal: l.literal), range: SourceRange(file: "", line: 1, column: 1)))
        out += "</figure>\n"
    }

    mutating func callout(_ c: Callout) {
        cr()
        out += "<div class=\"callout callout-\(c.kind.rawValue)\""
        out += Self.idAttribute(c.attributes.id)
        out += " role=\"note\">\n<div class=\"callout-title\">\(CalloutIcons.svg(c.kind))<span class=\"callout-label\">"
        out += HTMLEscaping.text(options.calloutLabel(c.kind)) + (c.number.map { " \($0)" } ?? "")
        out += c.title.isEmpty ? "" : ":"
        out += "</span>"
        if !c.title.isEmpty {
            out += " "
            inlines(c.title)
        }
        out += "</div>\n"
        blocks(c.content)
        cr()
        out += "</div>\n"
    }

    mutating func div(_ attrs: Attributes, _ content: [Block]) {
        cr()
        out += "<div"
        out += Self.idAttribute(attrs.id)
        if !attrs.classes.isEmpty { out += " class=\"\(HTMLEscaping.text(attrs.classes.joined(separator: " ")))\"" }
        out += ">\n"
        blocks(content)
        cr()
        out += "</div>\n"
    }

    /// `<caption>` for a captioned table, with its number.
    mutating func tableCaption(_ t: Table) {
        guard let caption = t.caption else { return }
        out += "<caption>"
        if let n = t.number { out += "<span class=\"table-label\">\(HTMLEscaping.text(options.words.singular(.table))) \(n):</span> " }
        inlines(caption)
        out += "</caption>\n"
    }

    /// Math as MathML; TeX the converter does not support is shown as source.
    mutating func math(_ tex: String, display: Bool) {
        out += HTMLMath.render(tex, display: display)
    }
}

/// Small inline SVG icons for callouts (no fonts, no network).
enum CalloutIcons {
    static func svg(_ kind: Callout.Kind) -> String {
        let path = switch kind {
        case .note: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 3.2a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8zM7.2 7h1.6v5H7.2z"
        case .tip: "M8 1a5 5 0 0 0-3 9v2h6v-2a5 5 0 0 0-3-9zM6 13h4v1.5H6z"
        case .important: "M2 2h12v9H9l-3 3v-3H2zM7.2 4h1.6v4H7.2zm0 5h1.6v1.4H7.2z"
        case .warning: "M8 1 15 14H1zM7.2 6h1.6v4H7.2zm0 5h1.6v1.4H7.2z"
        case .caution: "M5 1h6l4 4v6l-4 4H5l-4-4V5zM7.2 4h1.6v5H7.2zm0 6h1.6v1.4H7.2z"
        }
        return "<svg class=\"callout-icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\">"
            + "<path fill=\"currentColor\" fill-rule=\"evenodd\" d=\"\(path)\"/></svg>"
    }
}
