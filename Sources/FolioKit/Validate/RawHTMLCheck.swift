/// Raw HTML in chapters: with `raw-html: true` each removal the sanitiser makes is a located warning
/// (the writer applies the same sanitiser); otherwise the HTML is shown as text, and says so.
public enum RawHTMLCheck {
    public static func diagnostics(in paper: ResolvedPaper) -> [Diagnostic] {
        var out: [Diagnostic] = []
        paper.forEachBlock { out += check($0, allowed: paper.manifest.rawHTML) }
        paper.forEachInline { out += check($0, allowed: paper.manifest.rawHTML) }
        return out
    }

    public static func diagnostics(in blocks: [Block], allowed: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for block in blocks {
            block.forEachBlock { out += check($0, allowed: allowed) }
            block.forEachInline { out += check($0, allowed: allowed) }
        }
        return out
    }

    static func check(_ block: Block, allowed: Bool) -> [Diagnostic] {
        guard case .html(let raw) = block.kind else { return [] }
        return check(raw, at: block.range.start, allowed: allowed)
    }

    static func check(_ inline: Inline, allowed: Bool) -> [Diagnostic] {
        guard case .html(let raw) = inline.kind else { return [] }
        return check(raw, at: inline.range.start, allowed: allowed)
    }

    static func check(_ raw: String, at location: SourceLocation, allowed: Bool) -> [Diagnostic] {
        if allowed { return HTMLSanitizer.sanitize(raw, at: location).diagnostics }
        if HTMLRenderer.isComment(raw) { return [] }
        return [.warning("html.as-text", "raw HTML is shown as text, in the HTML and in the PDF", at: location,
                         notes: ["write it in Markdown, or set 'raw-html: true' in folio.yaml (it is then sanitised, and ignored with --untrusted)"])]
    }
}
