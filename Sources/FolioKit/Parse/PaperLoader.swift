import Foundation

/// Loads a paper folder: the manifest, then every chapter it lists.
public enum PaperLoader {
    public static let manifestName = "folio.yaml"

    /// Loads the paper in `directory`. Returns nil when errors prevent a usable paper; diagnostics say why.
    /// `untrusted` ignores the manifest's safety settings (`UntrustedSettings`).
    public static func load(directory: String, untrusted: Bool = false) -> (Paper?, [Diagnostic]) {
        let dirURL = URL(fileURLWithPath: directory).standardizedFileURL
        let manifestURL = dirURL.appendingPathComponent(manifestName)
        let manifestDisplay = DisplayPath.of(manifestURL.path)
        var diagnostics: [Diagnostic] = []
        let manifest: Manifest
        do throws(Diagnostic) {
            guard FileManager.default.fileExists(atPath: manifestURL.path) else {
                return (nil, [.error("manifest.missing", "no \(manifestName) in '\(DisplayPath.of(dirURL.path))'", at: nil,
                                     notes: ["run from the repository root, or name the paper folder with --paper DIR"])])
            }
            guard PathSafety.resolvesInside(manifestURL, dir: dirURL) else {
                return (nil, [.error("manifest.path-outside", "\(manifestDisplay) is a symbolic link to a file outside the paper folder",
                                     at: SourceLocation(file: manifestDisplay, line: 1, column: 1),
                                     notes: ["settings must be a file in the paper folder; replace the link with the file itself"])])
            }
            let text = try SourceText.read(manifestURL, displayPath: manifestDisplay)
            var (m, warnings) = try ManifestLoader.load(text, file: manifestDisplay)
            if untrusted { warnings += UntrustedSettings.apply(to: &m) }
            manifest = m
            diagnostics += warnings
        } catch {
            return (nil, diagnostics + [error])
        }

        var failed = false
        func chapters(_ refs: [Manifest.FileRef], _ matter: Chapter.Matter) -> [Chapter] {
            refs.compactMap { ref in
                do throws(Diagnostic) {
                    let url = try resolve(ref, in: dirURL)
                    let display = DisplayPath.of(url.path)
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        throw Diagnostic.error("manifest.missing-chapter", "chapter '\(ref.path)' does not exist",
                                               at: ref.location, notes: ["looked for \(display)"])
                    }
                    let text = try SourceText.read(url, displayPath: display, reference: ref.location)
                    let (chapter, found) = try ChapterLoader.load(text, path: display, manifestPath: ref.path, matter: matter,
                                                                          limits: manifest.limits)
                    diagnostics += found
                    return chapter
                } catch {
                    diagnostics.append(error)
                    failed = true
                    return nil
                }
            }
        }
        var seen: [String: SourceLocation] = [:]
        for ref in manifest.allChapterRefs {
            if let first = seen[ref.path] {
                diagnostics.append(.error("manifest.duplicate-chapter", "chapter '\(ref.path)' is listed twice",
                                          at: ref.location, notes: ["first listed at \(first)"]))
                failed = true
            }
            seen[ref.path] = ref.location
        }
        var paper = Paper(
            manifest: manifest, directory: dirURL.path,
            frontMatter: chapters(manifest.frontMatter, .front),
            parts: manifest.parts.map { Part(title: $0.title, side: $0.side, chapters: chapters($0.chapters, .main), location: $0.location) },
            backMatter: chapters(manifest.backMatter, .back),
            appendices: chapters(manifest.appendices, .appendix))
        let (bib, bibDiagnostics) = BibliographyLoader.load(manifest.bibliography, directory: dirURL)
        paper.bibliography = bib
        diagnostics += bibDiagnostics
        if let ref = manifest.checklist {
            let (checklist, found) = ChecklistLoader.load(ref, directory: dirURL)
            paper.checklist = checklist
            diagnostics += found
            if checklist == nil { failed = true }
        }
        if let ref = manifest.glossary {
            let (glossary, found) = GlossaryLoader.load(ref, directory: dirURL)
            paper.glossary = glossary
            diagnostics += found
            if glossary == nil { failed = true }
        }
        return (failed ? nil : paper, diagnostics)
    }

    /// The file a manifest entry names; it must stay inside the paper folder.
    static func resolve(_ ref: Manifest.FileRef, in dir: URL) throws(Diagnostic) -> URL {
        guard let url = PathSafety.inside(dir, relative: ref.path) else {
            throw .error("manifest.path-outside", "'\(ref.path)' must be a relative path inside the paper folder",
                         at: ref.location)
        }
        return url
    }
}
