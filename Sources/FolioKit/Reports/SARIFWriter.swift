/// SARIF 2.1.0 for code-scanning tools: one result per finding, located in the repository, with
/// rule metadata (description and help) for every rule that produced one.
public enum SARIFWriter {
    /// What a rule checks and how to fix it, shown by code-scanning tools next to each result.
    public struct Rule: Sendable {
        public var id: String
        public var description: String
        public var help: String

        public init(id: String, description: String, help: String) {
            self.id = id
            self.description = description
            self.help = help
        }
    }

    public static func log(_ diagnostics: [Diagnostic], rules: [Rule]) -> String {
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let usedIDs = Array(Set(diagnostics.map(\.id))).sorted()
        let ruleObjects: [[String: Any]] = usedIDs.map { id in
            let r = byID[id] ?? Rule(id: id, description: id, help: "See Folio's documentation for '\(id)'.")
            return ["id": r.id, "name": r.id, "shortDescription": ["text": r.description],
                    "fullDescription": ["text": r.description], "help": ["text": r.help]]
        }
        let index = Dictionary(usedIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let results: [[String: Any]] = diagnostics.map { d in
            var text = d.message
            if !d.notes.isEmpty { text += "\n" + d.notes.map(\.description).joined(separator: "\n") }
            var result: [String: Any] = ["ruleId": d.id, "ruleIndex": index[d.id] ?? 0, "level": level(d.severity),
                                         "message": ["text": text]]
            if let r = d.range {
                let l = r.start
                // SARIF's endColumn is exclusive; Folio's ranges are inclusive.
                let region: [String: Any] = ["startLine": max(l.line, 1), "startColumn": max(l.column, 1),
                                             "endLine": max(r.endLine, l.line, 1), "endColumn": max(r.endColumn + 1, 1)]
                result["locations"] = [["physicalLocation": [
                    "artifactLocation": ["uri": uri(l.file)],
                    "region": region,
                ]]]
            }
            return result
        }
        let run: [String: Any] = [
            "tool": ["driver": ["name": "folio", "version": FolioVersion.string, "semanticVersion": FolioVersion.string,
                                "informationUri": "https://github.com/folio-papers/folio", "rules": ruleObjects]],
            "results": results,
        ]
        return JSONText.string(["$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]])
    }

    static func level(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative path as a URI reference: forward slashes, spaces and other specials percent-encoded.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(UnicodeScalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
