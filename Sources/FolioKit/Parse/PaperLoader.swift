import Foundation

/// Loads a paper folder: the manifest, then every chapter it lists.
public enum PaperLoader {
    public static let manifestName = "folio.yaml"

    /// Loads the paper in `directory` of the working tree.
    public static func load(directory: String, untrusted: Bool = false) -> (Paper?, [Diagnostic]) {
        load(DiskProvider(directory: directory), untrusted: untrusted)
    }

    /// `keepText` keeps each chapter's text on the `Chapter` (the lint rules read it); without it the
    /// text is freed once the chapter is parsed and its `folio-lint` switches read.

    /// Loads the paper `provider` reads. Returns nil when errors prevent a usable paper; diagnostics say why.
    /// `untrusted` ignores the manifest's safety settings (`UntrustedSettings`).
    /// `cache` keeps parsed chapters between builds (the live preview): unchanged ones are not parsed again.
    /// `jobs` threads parse the chapters (1: one after another); the result is the same either way.
    public static func load(_ provider: any SourceProvider, untrusted: Bool = false, keepText: Bool = true,
                            cache: ParseCache? = nil, jobs: Int = Parallel.defaultJobs,
                            splitOneFilePapers: Bool = true) -> (Paper?, [Diagnostic]) {
        let manifestDisplay = provider.display(manifestName)
        var diagnostics: [Diagnostic] = []
        let manifest: Manifest
        do throws(Diagnostic) {
            guard provider.exists(manifestName) else {
                let origin = provider.isWorkingTree ? "" : " at \(provider.origin)"
                return (nil, [.error("manifest.missing", "no \(manifestName) in '\(DisplayPath.of(provider.directory.path))'\(origin)", at: nil,
                                     notes: ["run from the repository root, or name the paper folder with --paper DIR"])])
            }
            guard provider.inside(manifestName) != nil else {
                return (nil, [.error("manifest.path-outside", "\(manifestDisplay) is a symbolic link to a file outside the paper folder",
                                     at: SourceLocation(file: manifestDisplay, line: 1, column: 1),
                                     notes: ["settings must be a file in the paper folder; replace the link with the file itself"])])
            }
            let text = try provider.text(manifestName)
            var (m, warnings) = try ManifestLoader.load(text, file: manifestDisplay)
            if untrusted { warnings += UntrustedSettings.apply(to: &m) }
            manifest = m
            diagnostics += warnings
        } catch {
            return (nil, diagnostics + [error])
        }

        var failed = false
        var seen: [String: SourceLocation] = [:]
        for ref in manifest.allChapterRefs {
            if let first = seen[ref.path] {
                diagnostics.append(.error("manifest.duplicate-chapter", "chapter '\(ref.path)' is listed twice",
                                          at: ref.location, notes: ["first listed at \(first)"]))
                failed = true
            }
            seen[ref.path] = ref.location
        }
        // Chapters are parsed in parallel; results and diagnostics are taken in manifest order.
        let groups: [(refs: [Manifest.FileRef], matter: Chapter.Matter)] = [(manifest.frontMatter, .front)]
            + manifest.parts.map { ($0.chapters, .main) } + [(manifest.backMatter, .back), (manifest.appendices, .appendix)]
        let flat = groups.flatMap { g in g.refs.map { (ref: $0, matter: g.matter) } }
        // The manifest `folio init --from` writes: one file, alone in the back matter, is the whole paper.
        let oneFile = flat.count == 1 && manifest.backMatter.count == 1
        // The bibliography does not depend on the chapters: it is read while they are parsed.
        let loadBibliography = { @Sendable in BibliographyLoader.load(manifest.bibliography, provider: provider) }
        let bibliography = Background { @Sendable in
            cache?.bibliography(manifest.bibliography, provider: provider, load: loadBibliography) ?? loadBibliography()
        }
        let loaded = Parallel.map(flat.count, jobs: jobs) { i -> ([Chapter]?, [Diagnostic]) in
            let (ref, matter) = flat[i]
            do throws(Diagnostic) {
                let (text, display, bom) = try file(ref, in: provider, missing: "manifest.missing-chapter", what: "chapter")
                let parse = { () throws(Diagnostic) in
                    var (chapter, found) = try ChapterLoader.load(text, path: display, manifestPath: ref.path, matter: matter,
                                                                  limits: manifest.limits, paperTitle: manifest.title)
                    chapter.switches = LintDirectives(path: display, text: text)
                    return (chapter, found)
                }
                var (chapter, found) = if let cache {
                    try cache.chapter(text, path: display, manifestPath: ref.path, matter: matter, limits: manifest.limits, parse: parse)
                } else {
                    try parse()
                }
                if oneFile { chapter.wholePaper = true }
                // The lint rules see the byte-order mark, so fixes write it back.
                if keepText { chapter.text = bom ? "\u{FEFF}" + text : text }
                return (splitOneFilePapers ? OneFilePaper.chapters(chapter) : [chapter], found)
            } catch {
                return (nil, [error])
            }
        }
        var next = 0
        func chapters(_ count: Int) -> [Chapter] {
            defer { next += count }
            return loaded.dropFirst(next).prefix(count).flatMap { chapters, found in
                diagnostics += found
                if chapters == nil { failed = true }
                return chapters ?? []
            }
        }
        let front = chapters(manifest.frontMatter.count)
        let parts = manifest.parts.map { Part(title: $0.title, side: $0.side, chapters: chapters($0.chapters.count), location: $0.location) }
        var paper = Paper(manifest: manifest, provider: provider, frontMatter: front, parts: parts,
                          backMatter: chapters(manifest.backMatter.count), appendices: chapters(manifest.appendices.count))
        let (bib, bibDiagnostics) = bibliography.value() ?? loadBibliography()
        paper.bibliography = bib
        diagnostics += bibDiagnostics
        if let ref = manifest.checklist {
            let (checklist, found) = ChecklistLoader.load(ref, provider: provider)
            paper.checklist = checklist
            diagnostics += found
            if checklist == nil { failed = true }
        }
        if let ref = manifest.glossary {
            let (glossary, found) = GlossaryLoader.load(ref, provider: provider)
            paper.glossary = glossary
            diagnostics += found
            if glossary == nil { failed = true }
        }
        return (failed ? nil : paper, diagnostics)
    }

    /// The text and display path of the file a manifest entry names, which must stay inside the paper
    /// folder; a missing file is the error `missing` ("chapter 'x.md' does not exist").
    static func file(_ ref: Manifest.FileRef, in provider: any SourceProvider, missing: String,
                     what: String) throws(Diagnostic) -> (text: String, display: String, bom: Bool) {
        guard let path = provider.inside(ref.path) else {
            throw .error("manifest.path-outside", "'\(ref.path)' must be a relative path inside the paper folder",
                         at: ref.location)
        }
        let display = provider.display(path)
        guard provider.exists(path) else {
            let origin = provider.isWorkingTree ? "" : " in \(provider.origin)"
            throw .error(missing, "\(what) '\(ref.path)' does not exist", at: ref.location, notes: ["looked for \(display)\(origin)"])
        }
        let bytes = provider.read(path, maxBytes: SourceText.maxBytes, followLinks: true)
        let text = try SourceText.text(of: bytes, displayPath: display, reference: ref.location)
        let bom = (try? bytes.get())?.starts(with: [0xEF, 0xBB, 0xBF]) ?? false
        return (text, display, bom)
    }
}
