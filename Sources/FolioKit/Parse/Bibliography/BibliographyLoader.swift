import Foundation

/// The paper's bibliography: every entry of every file the manifest names, in file order.
public struct Bibliography: Sendable {
    public private(set) var references: [Reference] = []
    private var index: [String: Int] = [:]

    public init() {}

    public subscript(_ id: String) -> Reference? { index[id].map { references[$0] } }

    public var isEmpty: Bool { references.isEmpty }

    /// Adds a reference; a duplicate key is returned as an error naming both places.
    mutating func add(_ r: Reference) -> Diagnostic? {
        if let i = index[r.id] {
            return .error("bib.duplicate-key", "duplicate bibliography key '\(r.id)'", at: r.location,
                          notes: ["first defined at \(references[i].location)"])
        }
        index[r.id] = references.count
        references.append(r)
        return nil
    }
}

/// Reads `.bib` (BibTeX/BibLaTeX) and `.json` (CSL-JSON) files into one `Bibliography`.
public enum BibliographyLoader {
    /// Bibliography files larger than this are refused before they are read (16 MiB).
    public static let maxFileBytes = 16 << 20

    /// Loads the manifest's `bibliography:` files, which must stay inside the paper folder.
    static func load(_ refs: [Manifest.FileRef], directory: URL) -> (Bibliography, [Diagnostic]) {
        var files: [(URL, SourceLocation?)] = []
        var diagnostics: [Diagnostic] = []
        for ref in refs {
            guard let url = PathSafety.inside(directory, relative: ref.path) else {
                diagnostics.append(.error("manifest.path-outside", "'\(ref.path)' must be a relative path inside the paper folder",
                                          at: ref.location))
                continue
            }
            files.append((url, ref.location))
        }
        let (bib, found) = load(files)
        return (bib, diagnostics + found)
    }

    /// Loads files named on the command line (or by the manifest, with the line that names each).
    public static func load(_ files: [(URL, SourceLocation?)]) -> (Bibliography, [Diagnostic]) {
        var bib = Bibliography()
        var diagnostics: [Diagnostic] = []
        for (url, reference) in files {
            let display = DisplayPath.of(url.path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                diagnostics.append(.error("bib.missing-file", "bibliography '\(display)' does not exist", at: reference))
                continue
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            guard size <= maxFileBytes else {
                diagnostics.append(.error("bib.too-large", "bibliography '\(display)' is \(size) bytes; the limit is \(maxFileBytes)",
                                          at: reference, notes: ["split it into several files listed under 'bibliography'"]))
                continue
            }
            let text: String
            do throws(Diagnostic) {
                text = try SourceText.read(url, displayPath: display, reference: reference)
            } catch {
                diagnostics.append(error)
                continue
            }
            let (refs, found) = parse(text, file: display, isJSON: url.pathExtension.lowercased() == "json")
            diagnostics += found
            for r in refs { if let d = bib.add(r) { diagnostics.append(d) } }
        }
        return (bib, diagnostics)
    }

    /// Parses one file's text: CSL-JSON, or BibTeX with crossrefs applied.
    public static func parse(_ text: String, file: String, isJSON: Bool) -> ([Reference], [Diagnostic]) {
        if isJSON { return CSLJSONReader.read(text, file: file) }
        let (entries, syntax) = BibTeXParser.parse(text, file: file)
        let (inherited, crossrefs) = BibTeXConverter.inherit(entries)
        var diagnostics = syntax + crossrefs
        let refs = inherited.map { e -> Reference in
            let (r, found) = BibTeXConverter.reference(e)
            diagnostics += found
            return r
        }
        return (refs, diagnostics)
    }
}

extension BibliographyLoader {
    /// The bibliography of the paper in `directory`, read from its manifest (chapters are not parsed).
    public static func loadPaper(directory: String) -> (Bibliography, [Diagnostic]) {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL
        let manifestURL = dir.appendingPathComponent(PaperLoader.manifestName)
        do throws(Diagnostic) {
            guard FileManager.default.fileExists(atPath: manifestURL.path) else {
                throw .error("manifest.missing", "no \(PaperLoader.manifestName) in '\(DisplayPath.of(dir.path))'", at: nil,
                             notes: ["name .bib or .json files, or the paper folder with --paper DIR"])
            }
            let display = DisplayPath.of(manifestURL.path)
            let (manifest, warnings) = try ManifestLoader.load(try SourceText.read(manifestURL, displayPath: display), file: display)
            guard !manifest.bibliography.isEmpty else {
                throw .error("bib.none", "the manifest names no bibliography", at: manifest.location,
                             notes: ["add 'bibliography: [references.bib]' to \(display)"])
            }
            let (bib, found) = load(manifest.bibliography, directory: dir)
            return (bib, warnings + found)
        } catch {
            return (Bibliography(), [error])
        }
    }
}
