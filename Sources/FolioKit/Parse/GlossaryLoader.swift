import Foundation

/// Reads `glossary.yaml`; every schema error is located.
public enum GlossaryLoader {
    public static func load(_ text: String, file: String) throws(Diagnostic) -> (Glossary, [Diagnostic]) {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw .error("glossary.empty", "the glossary is empty; it needs 'entries'", at: SourceLocation(file: file, line: 1, column: 1))
        }
        let f = try YAMLFields(root, what: "glossary")
        var warnings = f.unknownKeys(known: ["entries"])
        var entries: [Glossary.Entry] = []
        var acronyms: [String: SourceLocation] = [:]
        for value in try f.list("entries") {
            let e = try YAMLFields(value, what: "glossary entry")
            warnings += e.unknownKeys(known: ["term", "acronym", "definition", "preferred", "discouraged"])
            let acronym = try e.string("acronym")
            if let a = acronym {
                let location = e.value("acronym")?.location ?? e.location
                guard a.count >= 2, a.count <= 20, a.allSatisfy({ $0.isLetter || $0.isNumber || "&/- ".contains($0) }), !a.hasPrefix(" "), !a.hasSuffix(" "),
                      a.contains(where: \.isUppercase) else {
                    throw .error("glossary.acronym", "'\(a)' is not an acronym (2 to 20 letters and digits, with capitals)", at: location)
                }
                if let first = acronyms[a] {
                    throw .error("glossary.duplicate", "acronym '\(a)' is in the glossary twice", at: location, notes: ["first at \(first)"])
                }
                acronyms[a] = location
            }
            entries.append(.init(term: try e.requiredString("term"), acronym: acronym, definition: try e.requiredString("definition"),
                                 preferred: try e.string("preferred"), discouraged: try e.strings("discouraged").map(\.0),
                                 location: e.location))
        }
        return (Glossary(entries: entries, file: file), warnings)
    }

    static func load(_ ref: Manifest.FileRef, provider: any SourceProvider) -> (Glossary?, [Diagnostic]) {
        do throws(Diagnostic) {
            let (text, display, _) = try PaperLoader.file(ref, in: provider, missing: "glossary.missing", what: "glossary")
            return try load(text, file: display)
        } catch {
            return (nil, [error])
        }
    }
}
