/// Converts one Markdown file without a paper around it (`folio render`).
public enum Renderer {
    public enum Format: Sendable { case html, latex }

    public struct Result: Sendable {
        public var output: String
        public var diagnostics: [Diagnostic]
    }

    public static func render(_ text: String, file: String, format: Format, standalone: Bool, rawHTML: Bool,
                              limits: InputLimits = InputLimits()) -> Result {
        render(text, file: file, format: format, standalone: standalone, rawHTML: rawHTML, limits: limits, cmarkTagFilter: false)
    }

    /// `cmarkTagFilter` is for the GFM conformance test only: cmark's tag filter instead of the sanitiser.
    static func render(_ text: String, file: String, format: Format, standalone: Bool, rawHTML: Bool,
                       limits: InputLimits, cmarkTagFilter: Bool) -> Result {
        // A leading `---` block is front matter only if it holds a YAML mapping; otherwise it is Markdown.
        var split = FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        if let candidate = try? FrontMatter.split(text, file: file), let yaml = candidate.yaml,
           let value = try? YAMLValue.parse(yaml, file: file, lineOffset: 1), case .mapping = value.kind {
            split = candidate
        }
        var (doc, diagnostics) = CmarkParser.parse(split.body, file: file, lineOffset: split.bodyLineOffset,
                                                       limits: limits, remedy: "'folio render --limit NAME=VALUE'")
        var slugger = Slugger()
        for b in doc.blocks { if case .heading(let h) = b.kind, let id = h.attributes.id { _ = slugger.claim(id) } }
        doc.blocks = doc.blocks.map { b in
            guard case .heading(var h) = b.kind, h.attributes.id == nil else { return b }
            h.attributes.id = slugger.unique(Slugger.slug(h.content.plainText))
            var copy = b
            copy.kind = .heading(h)
            return copy
        }
        diagnostics += MathCheck.diagnostics(in: doc.blocks + doc.footnotes.flatMap(\.content))
        diagnostics += RawHTMLCheck.diagnostics(in: doc.blocks + doc.footnotes.flatMap(\.content), allowed: rawHTML)
        if diagnostics.contains(where: { $0.severity == .error }) { return Result(output: "", diagnostics: diagnostics) }
        let title = doc.blocks.lazy.compactMap { b -> String? in
            if case .heading(let h) = b.kind { h.content.plainText } else { nil }
        }.first ?? file
        switch format {
        case .html:
            var options = HTMLRenderer.Options()
            options.rawHTML = rawHTML
            options.cmarkTagFilter = cmarkTagFilter
            let body = HTMLRenderer.fragment(doc, options: options)
            return Result(output: standalone ? HTMLPage.standalone(title: title, body: body) : body, diagnostics: diagnostics)
        case .latex:
            let body = LaTeXRenderer.fragment(doc)
            diagnostics += body.diagnostics
            return Result(output: standalone ? LaTeXDocument.standalone(title: title, body: body.output) : body.output,
                          diagnostics: diagnostics)
        }
    }
}
