/// The metadata pandoc papers carry in their front matter: `title`, `subtitle`, `author`/`authors`
/// (names, or maps with `name` and `affiliation` given by index, by name or as a list), `affiliations`
/// (maps with `index` or `id` and `name`, or names), `institute`, `date`, `tags`/`keywords`,
/// `bibliography`, `abstract`, `lang`, and pandoc-crossref's `figPrefix`… `secPrefix`, `chapters` and
/// `autoEqnLabels`. `folio init --from` writes a manifest from it, and `folio render` builds a
/// single-file paper with it; in a paper with a manifest, `folio.yaml` applies.
public struct PandocMetadata: Sendable {
    public var title: String?
    public var subtitle: String?
    public var authors: [Manifest.Author] = []
    public var date: String?
    public var keywords: [String] = []
    public var bibliography: [String] = []
    public var abstract: String?
    public var lang: String?
    /// pandoc-crossref's settings: words by kind (`figPrefix`…), `chapters`, `autoEqnLabels`.
    public var crossrefWords: [(kind: String, words: [String])] = []
    public var chapters = false
    public var autoEqnLabels = false
    public var autoSectionLabels = false
    /// pandoc-crossref's custom `prefixes:`, which Folio does not read: the file is still a paper, so
    /// each such reference is a located error rather than text.
    public var customPrefixes = false

    /// The keys this reads, which a chapter's front matter may carry without a warning.
    static let keys = ["subtitle", "author", "authors", "affiliations", "institute", "date", "tags", "keywords",
                       "bibliography", "abstract", "lang",
                       "figPrefix", "tblPrefix", "eqnPrefix", "lstPrefix", "secPrefix", "chapters", "autoEqnLabels", "autoSectionLabels"]

    /// Whether a front matter says what only a paper's manifest would: authors, a bibliography or
    /// pandoc-crossref's settings (a title alone is any page's, as in Jekyll or Hugo, and stays a chapter's).
    public var describesAPaper: Bool { !authors.isEmpty || !bibliography.isEmpty || !crossrefWords.isEmpty || chapters || autoEqnLabels || autoSectionLabels || customPrefixes }

    /// Whether `text` has a label or reference in pandoc-crossref's syntax with a prefix Folio reads
    /// (`{#fig:x}`, `@tbl:y`, `[@eqn:a]`), or a bracketed citation (`[@key]`), outside code: such a
    /// file needs a paper's numbering, not GFM, where it would print as written. `@user:server` and
    /// `@update:value` in code are not.
    public static func usesCrossReferences(_ text: String) -> Bool {
        let known = Set(LabelRegistry.prefixes.keys).union(["eqn"])
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
        var fenced = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fenced.toggle()
                continue
            }
            if fenced || line.hasPrefix("    ") || line.hasPrefix("\t") { continue }
            let b = Array(line.utf8)
            var inCode = false
            for i in b.indices {
                if b[i] == UInt8(ascii: "`") { inCode.toggle() }
                guard !inCode else { continue }
                let opens = b[i] == UInt8(ascii: "@") && (i == 0 || " \t[-(".utf8.contains(b[i - 1]))
                    || (b[i] == UInt8(ascii: "#") && i > 0 && b[i - 1] == UInt8(ascii: "{"))
                guard opens else { continue }
                // `[@key` and `[-@key` are pandoc's bracketed citations, whatever the key.
                if b[i] == UInt8(ascii: "@"), i > 0, b[i - 1] == UInt8(ascii: "[") || (b[i - 1] == UInt8(ascii: "-") && i > 1 && b[i - 2] == UInt8(ascii: "[")),
                   i + 1 < b.count, isLetter(b[i + 1]) { return true }
                var j = i + 1
                while j < b.count, isLetter(b[j]) { j += 1 }
                guard j > i + 1, j + 1 < b.count, b[j] == UInt8(ascii: ":"),
                      known.contains(String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()) else { continue }
                return true
            }
        }
        return false
    }

    public init() {}

    /// Reads the metadata of a chapter's front matter; a value of the wrong shape is a located error.
    public static func read(_ text: String, path: String) throws(Diagnostic) -> PandocMetadata {
        let (_, fields, _) = try ChapterLoader.frontMatter(text, path: path)
        guard let f = fields else { return PandocMetadata() }
        var m = PandocMetadata()
        m.title = try f.string("title")
        m.subtitle = try f.string("subtitle")
        m.date = try f.string("date")
        m.lang = try f.string("lang")
        m.abstract = try f.string("abstract")
        m.keywords = try (f.strings("keywords") + f.strings("tags")).map(\.0)
        m.bibliography = try f.strings("bibliography").map(\.0)
        for (key, kind) in [("figPrefix", "figure"), ("tblPrefix", "table"), ("eqnPrefix", "equation"), ("lstPrefix", "listing"),
                            ("secPrefix", "section")] {
            let words = try f.strings(key).map(\.0)
            if !words.isEmpty { m.crossrefWords.append((kind, Array(words.prefix(2)))) }
        }
        m.chapters = try f.bool("chapters") ?? false
        m.customPrefixes = f.value("prefixes") != nil
        // `autoEqnLabels: true`, or a label template as a string.
        if let v = f.value("autoEqnLabels"), case .scalar(let s) = v.kind { m.autoEqnLabels = s != "false" }
        if let v = f.value("autoSectionLabels"), case .scalar(let s) = v.kind { m.autoSectionLabels = !["false", "False", "no"].contains(s) }
        let affiliations = try affiliationNames(f)
        for key in ["author", "authors"] {
            guard let v = f.value(key) else { continue }
            let items: [YAMLValue]
            if case .sequence(let list) = v.kind { items = list } else { items = [v] }
            for item in items { m.authors.append(try author(item, affiliations: affiliations)) }
        }
        return m
    }

    /// `affiliations:` (or `institute:`) by the index or id authors use, with their names.
    private static func affiliationNames(_ f: YAMLFields) throws(Diagnostic) -> [String: String] {
        var names: [String: String] = [:]
        for key in ["affiliations", "institute"] {
            for (n, item) in (try f.list(key)).enumerated() {
                switch item.kind {
                case .scalar(let name): names[String(n + 1)] = name
                case .mapping:
                    let a = try YAMLFields(item, what: "affiliation")
                    let name = try a.string("name"), organization = try a.string("organization")
                    let index = try a.string("index"), id = try a.string("id")
                    names[index ?? id ?? String(n + 1)] = name ?? organization ?? ""
                case .sequence:
                    throw .error("front-matter.pandoc", "an affiliation is a name or a map with 'index' and 'name'", at: item.location)
                }
            }
        }
        return names
    }

    private static func author(_ item: YAMLValue, affiliations: [String: String]) throws(Diagnostic) -> Manifest.Author {
        if case .scalar(let raw) = item.kind {
            let (name, note) = withoutNote(raw)
            return Manifest.Author(name: name, affiliations: note.map { [$0] } ?? [])
        }
        let a = try YAMLFields(item, what: "author")
        let literal = try a.string("literal")
        guard let name = try a.string("name") ?? literal else {
            throw .error("front-matter.pandoc", "an author needs a 'name'", at: item.location)
        }
        // `affiliation: 1`, `affiliation: "1, 2"`, `affiliation: [1, 2]` or names.
        var refs: [String] = []
        for key in ["affiliation", "affiliations"] {
            refs += try a.strings(key).flatMap { $0.0.split(separator: ",").map { $0.trimmingWhitespace() } }
        }
        let (plain, note) = withoutNote(name)
        return Manifest.Author(name: plain, affiliations: refs.map { affiliations[$0] ?? $0 } + (note.map { [$0] } ?? []))
    }

    /// An author's name with a pandoc note (`Jane Doe^[Corresponding author]`): the name, and the note's
    /// text, which is printed under the name with the affiliations rather than as `^[…]`.
    static func withoutNote(_ name: String) -> (String, String?) {
        guard let open = name.range(of: "^["), name.hasSuffix("]") else { return (name, nil) }
        let note = name[open.upperBound..<name.index(before: name.endIndex)].trimmingWhitespace()
        return (name[..<open.lowerBound].trimmingWhitespace(), note.isEmpty ? nil : note)
    }

    /// A manifest for a paper of this one chapter file, as `folio init --from` writes it.
    public func manifest(chapter: String) -> String {
        // A JSON string is a YAML double-quoted scalar: every character escaped as both read it.
        func q(_ s: String) -> String {
            (try? JSONSerialization.data(withJSONObject: s, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
                .map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
        var y = "# Written by 'folio init --from \(chapter)'; see the README for every setting.\n"
        y += "title: \(q(title ?? "Untitled"))\n"
        if let subtitle { y += "subtitle: \(q(subtitle))\n" }
        if let date { y += "date: \(q(date))\n" }
        if let lang { y += "lang: \(q(lang))\n" }
        if !authors.isEmpty {
            y += "authors:\n"
            for a in authors {
                y += "  - name: \(q(a.name))\n"
                if !a.affiliations.isEmpty { y += "    affiliations: [\(a.affiliations.map(q).joined(separator: ", "))]\n" }
            }
        }
        if !keywords.isEmpty { y += "keywords: [\(keywords.map(q).joined(separator: ", "))]\n" }
        if let abstract { y += "abstract: \(q(abstract))\n" }
        if !bibliography.isEmpty { y += "bibliography: [\(bibliography.map(q).joined(separator: ", "))]\n" }
        // pandoc's numbers: through the paper (per chapter with `chapters: true`), as pandoc-crossref counts.
        y += "numbering:\n  floats: \(chapters ? "chapter" : "paper")\n"
        y += "crossref:\n  compat: pandoc-crossref\n"
        if autoEqnLabels { y += "  number-all-equations: true\n" }
        if autoSectionLabels { y += "  auto-section-labels: true\n" }
        if !crossrefWords.isEmpty {
            y += "  words:\n"
            for (kind, words) in crossrefWords { y += "    \(kind): [\(words.map(q).joined(separator: ", "))]\n" }
        }
        y += "back-matter: [\(q(chapter))]\n"
        return y
    }
}

import Foundation
