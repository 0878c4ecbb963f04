/// Raw HTML in chapters (with `raw-html: true`) is sanitised with an allowlist, as GitHub sanitises
/// rendered Markdown: text and formatting elements stay; scripts, frames, objects, forms, styles,
/// event handlers and script URLs go, each removal a located warning. Text is re-escaped, so no
/// markup the tokenizer could not read reaches the page.
public enum HTMLSanitizer {
    public struct Result: Sendable {
        public var html: String
        public var diagnostics: [Diagnostic]
    }

    static let elements: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "data",
        "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ]

    /// Elements whose content is dropped with them (it is code, or it would be shown out of context).
    static let dropsContent: Set<String> = [
        "script", "style", "iframe", "object", "embed", "noscript", "template", "textarea", "title", "xmp",
        "noembed", "noframes", "plaintext", "svg", "math", "select", "frameset", "applet",
    ]

    static let attributes: Set<String> = [
        "abbr", "align", "alt", "cite", "colspan", "datetime", "dir", "headers", "height", "hidden", "href", "id",
        "lang", "name", "open", "reversed", "rowspan", "scope", "span", "src", "srcset", "start", "summary", "title",
        "type", "valign", "value", "width",
    ]

    static let urlAttributes: Set<String> = ["href", "src", "cite", "srcset"]

    /// One raw-HTML fragment as cmark-gfm gives it (a block, or a single inline tag), located at `location`.
    public static func sanitize(_ raw: String, at location: SourceLocation?) -> Result {
        var out = ""
        out.reserveCapacity(raw.utf8.count)
        var diagnostics: [Diagnostic] = []
        /// The element whose content is being dropped, until its end tag.
        var dropping: String?
        func at(_ line: Int, _ column: Int) -> SourceLocation? {
            guard let location else { return nil }
            return SourceLocation(file: location.file, line: location.line + line - 1,
                                  column: line == 1 ? location.column + column - 1 : column)
        }
        func removed(_ what: String, _ why: String, _ line: Int, _ column: Int) {
            diagnostics.append(.warning("html.removed", "removed \(what) from the raw HTML (\(why))", at: at(line, column),
                                        notes: ["raw HTML is sanitised as GitHub does; write the content in Markdown instead"]))
        }
        for t in MarkupTokenizer.tokens(raw) {
            switch t.token {
            case .text(let text):
                if dropping == nil { out += EntityText.escapeKeepingReferences(text, quote: false) }
            case .comment:
                break
            case .cdata, .processingInstruction, .declaration:
                if dropping == nil { removed("a declaration", "only elements and text are kept", t.line, t.column) }
            case .startTag(let written, let attrs, let selfClosing):
                let name = written.lowercased()
                guard dropping == nil else { continue }
                guard elements.contains(name) else {
                    let why = dropsContent.contains(name) ? "scripts, frames, objects and styles never reach the page" : "not an allowed element"
                    removed("<\(name)>", why, t.line, t.column)
                    if dropsContent.contains(name) && !selfClosing { dropping = name }
                    continue
                }
                out += "<" + name
                for a in attrs {
                    let attr = a.name.lowercased()
                    if let why = attributeProblem(attr, raw: a.raw, element: name) {
                        removed("\(attr)=\"…\" on <\(name)>", why, a.line, a.column)
                    } else {
                        out += " \(attr)=\"\(EntityText.escapeKeepingReferences(a.raw, quote: true))\""
                    }
                }
                out += selfClosing ? " />" : ">"
            case .endTag(let written):
                let name = written.lowercased()
                if let d = dropping {
                    if d == name { dropping = nil }
                    continue
                }
                if elements.contains(name) { out += "</\(name)>" }
            }
        }
        return Result(html: out, diagnostics: diagnostics)
    }

    static func attributeProblem(_ name: String, raw: String, element: String) -> String? {
        if name.hasPrefix("on") { return "event handlers never run" }
        guard attributes.contains(name) else { return name == "style" ? "inline styles are not kept" : "not an allowed attribute" }
        let value = EntityText.decode(raw, xml: false) ?? raw
        if urlAttributes.contains(name) {
            let urls = name == "srcset" ? value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) } : [value]
            for url in urls {
                let image = element == "img" || element == "source"
                if !(URLSafety.isSafeLink(url) || (image && URLSafety.isInlineImage(URLSafety.normalised(url)))) {
                    return "links and images may only be http, https, mailto or relative"
                }
            }
        }
        if URLSafety.mentionsScript(value) { return "a script URL" }
        return nil
    }
}
