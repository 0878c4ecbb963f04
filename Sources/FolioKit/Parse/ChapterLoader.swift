/// Turns one chapter file's text into a `Chapter`: front matter, Markdown body and title.
public enum ChapterLoader {
    static let knownKeys = ["title", "id", "owners", "reviewers", "status", "covers", "primary"]

    /// The leading `---` YAML block and the body after it; YAML that is refused (too deep, too many
    /// aliases, not a mapping) is a located error, as in every chapter.
    static func frontMatter(_ text: String, path: String) throws(Diagnostic) -> (FrontMatter, YAMLFields?, [Diagnostic]) {
        let split = try FrontMatter.split(text, file: path)
        guard let yaml = split.yaml, let value = try YAMLValue.parse(yaml, file: path, lineOffset: 1,
                                                                    maxBytes: YAMLValue.maxFrontMatterBytes) else {
            return (split, nil, [])
        }
        let f = try YAMLFields(value, what: "front matter")
        return (split, f, f.unknownKeys(known: knownKeys + PandocMetadata.keys))
    }

    /// The warning when front matter and the first heading name different titles.
    static func titleConflict(_ fmTitle: String, _ heading: String, at location: SourceLocation) -> Diagnostic {
        .warning("chapter.title-conflict", "the front matter title '\(fmTitle)' differs from the heading '\(heading)'; the heading is used",
                 at: location)
    }

    public static func load(_ text: String, path: String, manifestPath: String, matter: Chapter.Matter,
                            limits: InputLimits = InputLimits(), paperTitle: String? = nil) throws(Diagnostic) -> (Chapter, [Diagnostic]) {
        let (split, meta, found) = try frontMatter(text, path: path)
        var diagnostics = found
        var (document, parseDiagnostics) = CmarkParser.parse(split.body, file: path, lineOffset: split.bodyLineOffset,
                                                                  limits: limits, smart: true)
        diagnostics += parseDiagnostics

        var status: Chapter.Status?
        if let raw = try meta?.string("status") {
            guard let s = Chapter.Status(rawValue: raw) else {
                throw .error("front-matter.status", "status must be draft, review or approved, not '\(raw)'",
                             at: meta?.value("status")?.location)
            }
            status = s
        }

        // The chapter title: front matter `title`, else a level-1 heading that opens the body.
        var title: [Inline] = []
        var titleLocation = SourceLocation(file: path, line: 1, column: 1)
        var explicitID = try meta?.string("id")
        var titleHeading: Heading?
        if let first = document.blocks.first, case .heading(let h) = first.kind, h.level == 1 {
            document.blocks.removeFirst()
            titleHeading = h
            title = h.content
            titleLocation = first.range.start
            explicitID = explicitID ?? h.attributes.id
            // A single-file pandoc paper's front matter title is the paper's (`folio init --from`), not the chapter's.
            // The heading has smart punctuation and markup read: so has the title it is compared with.
            if let fmTitle = try meta?.string("title"), fmTitle != paperTitle,
               TitleMarkup.inlines(fmTitle, at: nil).inlines.plainText != h.content.plainText {
                diagnostics.append(titleConflict(fmTitle, h.content.plainText, at: first.range.start))
            }
        } else if let fmTitle = try meta?.string("title") {
            let found: [Diagnostic]
            (title, found) = TitleMarkup.inlines(fmTitle, at: meta?.value("title")?.location ?? titleLocation)
            diagnostics += found
            titleLocation = meta?.value("title")?.location ?? titleLocation
        } else {
            let stem = manifestPath.split(separator: "/").last.map(String.init) ?? manifestPath
            title = [Inline(.text(stem), range: SourceRange(start: titleLocation, endLine: 1, endColumn: 1))]
            diagnostics.append(.warning("chapter.no-title",
                "chapter has no title; add 'title:' to its front matter or start it with a '# Title' heading",
                at: titleLocation))
        }

        let chapter = Chapter(
            path: path, manifestPath: manifestPath, matter: matter, title: title, titleLocation: titleLocation,
            explicitID: explicitID, owners: try meta?.strings("owners").map(\.0) ?? [],
            reviewers: try meta?.strings("reviewers").map(\.0) ?? [], status: status, document: document)
        var claimed = chapter
        claimed.titledByHeading = titleHeading != nil
        // `# Title {-}` (or `.unnumbered`) leaves the chapter without a number, as pandoc does.
        claimed.unnumbered = titleHeading?.attributes.classes.contains("unnumbered") ?? false
        if let paperTitle, try meta?.string("title") == paperTitle { claimed.wholePaper = true }
        // `covers: [SS-1]` claims the whole chapter; `primary: [SS-1]` also marks it as the main claim.
        let primary = try meta?.strings("primary") ?? []
        let covers = (try meta?.strings("covers") ?? []).filter { c in !primary.contains { $0.0 == c.0 } }
        claimed.claims = covers.map { .init(itemID: $0.0, primary: false, scope: .chapter, location: $0.1) }
            + primary.map { .init(itemID: $0.0, primary: true, scope: .chapter, location: $0.1) }
        return (claimed, diagnostics)
    }
}
