import Foundation

/// The paper's bibliography: every entry of every file the manifest names, in file order.
public struct Bibliography: Sendable, Equatable {
    public private(set) var references: [Reference] = []
    private var index: [String: Int] = [:]

    public init() {}

    public subscript(_ id: String) -> Reference? { index[id].map { references[$0] } }

    /// Whether some entry has aliases (`ids`), so citations are mapped to entry keys first.
    public private(set) var hasAliases = false

    /// The entry key `key` names: itself, or the key of the entry that lists it in `ids`.
    public func canonical(_ key: String) -> String { index[key].map { references[$0].id } ?? key }

    /// Every key that cites an entry, aliases included: kept as entries are added, so that every build
    /// shares one set (the preview compares it between builds).
    public private(set) var allKeys: Set<String> = []

    public var isEmpty: Bool { references.isEmpty }

    /// Adds a reference; a duplicate key is returned as an error naming both places.
    mutating func add(_ r: Reference) -> Diagnostic? {
        if let i = index[r.id] {
            return .error("bib.duplicate-key", "duplicate bibliography key '\(r.id)'", at: r.location,
                          notes: ["first defined at \(references[i].location)"])
        }
        for alias in r.aliases where alias != r.id {
            if let i = index[alias] {
                return .error("bib.duplicate-key", "'\(r.id)' lists '\(alias)' in its ids, which is already the key of '\(references[i].id)'",
                              at: r.location, notes: ["first defined at \(references[i].location)"])
            }
        }
        index[r.id] = references.count
        allKeys.insert(r.id)
        for alias in r.aliases where alias != r.id {
            index[alias] = references.count
            allKeys.insert(alias)
        }
        hasAliases = hasAliases || !r.aliases.isEmpty
        references.append(r)
        return nil
    }
}

/// Reads `.bib` (BibTeX/BibLaTeX) and `.json` (CSL-JSON) files into one `Bibliography`.
public enum BibliographyLoader {
    /// Bibliography files larger than this are refused before they are read (16 MiB).
    public static let maxFileBytes = 16 << 20

    /// Loads the manifest's `bibliography:` files, which must stay inside the paper folder.
    static func load(_ refs: [Manifest.FileRef], provider: any SourceProvider) -> (Bibliography, [Diagnostic]) {
        var bib = Bibliography()
        var diagnostics: [Diagnostic] = []
        for ref in refs {
            guard let path = provider.inside(ref.path) else {
                diagnostics.append(.error("manifest.path-outside", "'\(ref.path)' must be a relative path inside the paper folder",
                                          at: ref.location))
                continue
            }
            let display = provider.display(path)
            guard provider.exists(path) else {
                diagnostics.append(.error("bib.missing-file", "bibliography '\(display)' does not exist", at: ref.location))
                continue
            }
            add(provider.read(path, maxBytes: maxFileBytes, followLinks: true), display: display, reference: ref.location,
                isJSON: path.lowercased().hasSuffix(".json"), to: &bib, &diagnostics)
        }
        return (bib, diagnostics)
    }

    /// Loads files named on the command line.
    public static func load(_ files: [(URL, SourceLocation?)]) -> (Bibliography, [Diagnostic]) {
        var bib = Bibliography()
        var diagnostics: [Diagnostic] = []
        for (url, reference) in files {
            let display = DisplayPath.of(url.path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                diagnostics.append(.error("bib.missing-file", "bibliography '\(display)' does not exist", at: reference))
                continue
            }
            add(RegularFile.read(url.path, maxBytes: maxFileBytes, followLinks: true), display: display,
                reference: reference, isJSON: url.pathExtension.lowercased() == "json", to: &bib, &diagnostics)
        }
        return (bib, diagnostics)
    }

    /// Parses one file's bytes into `bib`.
    private static func add(_ read: Result<[UInt8], RegularFile.Problem>, display: String, reference: SourceLocation?, isJSON: Bool,
                            to bib: inout Bibliography, _ diagnostics: inout [Diagnostic]) {
        if case .failure(.tooLarge(let size)) = read {
            diagnostics.append(.error("bib.too-large", "bibliography '\(display)' is \(size) bytes; the limit is \(maxFileBytes)",
                                      at: reference, notes: ["split it into several files listed under 'bibliography'"]))
            return
        }
        var text: String
        do throws(Diagnostic) {
            text = try SourceText.text(of: read, displayPath: display, reference: reference)
        } catch {
            // Older .bib files are often Latin-1, which biber and pandoc read: so does Folio, and says so.
            guard error.id == "source.invalid-utf8", case .success(let bytes) = read else {
                diagnostics.append(error)
                return
            }
            text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
            diagnostics.append(Diagnostic(.warning, "bib.encoding", "'\(display)' is not UTF-8, so it is read as Latin-1 (ISO 8859-1)",
                                          range: error.range, notes: ["the first byte that is not UTF-8 is here; convert the file to UTF-8 (iconv -f latin1 -t utf-8) to silence this"]))
        }
        let (refs, found) = parse(text, file: display, isJSON: isJSON)
        diagnostics += found
        for r in refs { if let d = bib.add(r) { diagnostics.append(d) } }
    }

    /// Parses one file's text: CSL-JSON, or BibTeX with crossrefs applied.
    public static func parse(_ text: String, file: String, isJSON: Bool) -> ([Reference], [Diagnostic]) {
        if isJSON { return CSLJSONReader.read(text, file: file) }
        let (entries, syntax) = BibTeXParser.parse(text, file: file)
        let (inherited, crossrefs) = BibTeXConverter.inherit(entries)
        var diagnostics = syntax + crossrefs
        // biblatex's @xdata entries only hold fields for others (`xdata = {key}`): they are not references.
        let refs = inherited.filter { $0.type != "xdata" }.map { e -> Reference in
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
        loadPaper(DiskProvider(directory: directory))
    }

    /// The bibliography of the paper a provider reads (a working tree or a git revision).
    public static func loadPaper(_ provider: any SourceProvider) -> (Bibliography, [Diagnostic]) {
        let name = PaperLoader.manifestName
        do throws(Diagnostic) {
            guard provider.exists(name) else {
                throw .error("manifest.missing", "no \(name) in '\(DisplayPath.of(provider.directory.path))'", at: nil,
                             notes: ["name .bib or .json files, or the paper folder with --paper DIR"])
            }
            let display = provider.display(name)
            let (manifest, warnings) = try ManifestLoader.load(try provider.text(name), file: display)
            guard !manifest.bibliography.isEmpty else {
                throw .error("bib.none", "the manifest names no bibliography", at: manifest.location,
                             notes: ["add 'bibliography: [references.bib]' to \(display)"])
            }
            let (bib, found) = load(manifest.bibliography, provider: provider)
            return (bib, warnings + found)
        } catch {
            return (Bibliography(), [error])
        }
    }
}
