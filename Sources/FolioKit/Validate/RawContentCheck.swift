/// Raw content in chapters. Raw HTML: with `raw-html: true` each removal the sanitiser makes is a
/// located warning (the writer applies the same sanitiser); otherwise the HTML is shown as text, and
/// says so. pandoc's raw attribute (`{=latex}`, `{=html}`): LaTeX only with `raw-latex: true`, HTML as
/// raw HTML, and a format Folio does not write is left out with a warning.
public enum RawContentCheck {
    static func diagnostics(in ch: ResolvedChapter, html: Bool, latex: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        ch.forEachBlock { out += check($0, html: html, latex: latex) }
        ch.forEachInline { out += check($0, html: html, latex: latex) }
        return out
    }

    public static func diagnostics(in blocks: [Block], html: Bool, latex: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for block in blocks {
            block.forEachBlock { out += check($0, html: html, latex: latex) }
            block.forEachInline { out += check($0, html: html, latex: latex) }
        }
        return out
    }

    static func check(_ block: InPlace<Block>, html: Bool, latex: Bool) -> [Diagnostic] {
        switch block.kind {
        case .html(let raw): check(raw, at: block.range.start, allowed: html)
        case .raw(let format, let text): raw(format, text, at: block.range.start, html: html, latex: latex)
        default: []
        }
    }

    static func check(_ inline: InPlace<Inline>, html: Bool, latex: Bool) -> [Diagnostic] {
        switch inline.kind {
        case .html(let raw): check(raw, at: inline.range.start, allowed: html)
        case .raw(let format, let text): raw(format, text, at: inline.range.start, html: html, latex: latex)
        default: []
        }
    }

    static func check(_ raw: String, at location: SourceLocation, allowed: Bool) -> [Diagnostic] {
        if allowed { return HTMLSanitizer.sanitize(raw, at: location).diagnostics }
        if HTMLRenderer.isComment(raw) { return [] }
        return [.warning("html.as-text", "raw HTML is shown as text, in the HTML and in the PDF", at: location,
                         notes: ["write it in Markdown, or set 'raw-html: true' in folio.yaml (it is then sanitised, and ignored with --untrusted)"])]
    }

    static func raw(_ format: String, _ text: String, at location: SourceLocation, html: Bool, latex: Bool) -> [Diagnostic] {
        switch RawFormat(format) {
        case .html:
            if html { return HTMLSanitizer.sanitize(text, at: location).diagnostics }
            return [.warning("html.as-text", "raw HTML ({=\(format)}) is shown as text in the HTML, and left out of the PDF", at: location,
                             notes: ["write it in Markdown, or set 'raw-html: true' in folio.yaml (it is then sanitised, and ignored with --untrusted)"])]
        case .latex:
            if latex { return [] }
            return [.error("raw.latex", "raw LaTeX ({=\(format)}) is written only when folio.yaml says 'raw-latex: true'", at: location,
                           notes: ["write it in Markdown, or set 'raw-latex: true' in folio.yaml: it then goes into the PDF as written and is left out of the HTML (ignored with --untrusted)"])]
        case nil:
            return [.warning("raw.other-format", "raw content for '\(format)', which Folio does not write: it is left out of the HTML and the PDF", at: location,
                             notes: ["remove it, or write it as {=html} or {=latex} (or in Markdown, for both)"])]
        }
    }
}
