/// Converts one Markdown file without a paper around it (`folio render`).
public enum Renderer {
    public enum Format: Sendable { case html, latex }

    public struct Result: Sendable {
        public var output: String
        public var diagnostics: [Diagnostic]
    }

    public static func render(_ text: String, file: String, format: Format, standalone: Bool, rawHTML: Bool) -> Result {
        let split: FrontMatter
        do {
            split = try FrontMatter.split(text, file: file)
        } catch {
            return Result(output: "", diagnostics: [error])
        }
        var (doc, diagnostics) = CmarkParser.parse(split.body, file: file, lineOffset: split.bodyLineOffset)
        var slugger = Slugger()
        for b in doc.blocks { if case .heading(let h) = b.kind, let id = h.attributes.id { _ = slugger.claim(id) } }
        doc.blocks = doc.blocks.map { b in
            guard case .heading(var h) = b.kind, h.attributes.id == nil else { return b }
            h.attributes.id = slugger.unique(Slugger.slug(h.content.plainText))
            var copy = b
            copy.kind = .heading(h)
            return copy
        }
        let title = doc.blocks.lazy.compactMap { b -> String? in
            if case .heading(let h) = b.kind { h.content.plainText } else { nil }
        }.first ?? file
        switch format {
        case .html:
            var options = HTMLRenderer.Options()
            options.rawHTML = rawHTML
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
