/// `folio render`: one Markdown file without a paper around it, to an HTML or LaTeX fragment or page.
/// Front matter is read as a chapter's is: its title becomes the heading and the page title, and YAML
/// that a chapter would refuse is the same located error.
public enum RenderPipeline {
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
        // A leading `---` block whose YAML is a mapping is front matter, read as a chapter's is (refused
        // YAML is the chapter's located error); a block that is valid YAML but not a mapping is Markdown
        // (a thematic break and a setext heading), as in pandoc.
        var split = FrontMatter(yaml: nil, body: text, bodyLineOffset: 0)
        var meta: YAMLFields?
        var diagnostics: [Diagnostic] = []
        do throws(Diagnostic) {
            let candidate = try FrontMatter.split(text, file: file)
            if let yaml = candidate.yaml,
               let value = try YAMLValue.parse(yaml, file: file, lineOffset: 1, maxBytes: YAMLValue.maxFrontMatterBytes),
               case .mapping = value.kind {
                (split, meta, diagnostics) = try ChapterLoader.frontMatter(text, path: file)
            }
        } catch {
            return Result(output: "", diagnostics: [error])
        }
        // `folio render` is GFM, where a backslash before a letter is text: raw TeX is a warning here.
        var (doc, parseDiagnostics) = CmarkParser.parse(split.body, file: file, lineOffset: split.bodyLineOffset,
                                                        limits: limits, remedy: "'folio render --limit NAME=VALUE'", rawTeX: .warning)
        diagnostics += parseDiagnostics
        // The title: a first-level heading that opens the body, else the front matter's `title`.
        var fmTitle: String?
        do throws(Diagnostic) { fmTitle = try meta?.string("title") } catch { return Result(output: "", diagnostics: [error]) }
        if let first = doc.blocks.first, case .heading(let h) = first.kind, h.level == 1 {
            if let fmTitle, fmTitle != h.content.plainText {
                diagnostics.append(ChapterLoader.titleConflict(fmTitle, h.content.plainText, at: first.range.start))
            }
        } else if let fmTitle, let location = meta?.value("title")?.location {
            let range = SourceRange(at: location)
            doc.blocks.insert(Block(.heading(Heading(level: 1, content: [Inline(.text(fmTitle), range: range)])), range: range), at: 0)
        }
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
        diagnostics += RawContentCheck.diagnostics(in: doc.blocks + doc.footnotes.flatMap(\.content), html: rawHTML, latex: false)
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
            return Result(output: standalone ? LaTeXDocument.standalone(title: title, body: body.output, reviewMarks: doc.reviewMarks > 0)
                                             : body.output,
                          diagnostics: diagnostics)
        }
    }
}
