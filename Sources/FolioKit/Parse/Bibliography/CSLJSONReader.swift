import Foundation

/// CSL-JSON bibliographies (an array of items, as Zotero and pandoc write them).
enum CSLJSONReader {
    static let nameFields = ["author", "editor"]
    static let dateFields = ["issued", "accessed"]

    static func read(_ text: String, file: String) -> ([Reference], [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "invalid JSON"
            return ([], [.error("bib.json", "not valid CSL-JSON: \(detail)", at: start)])
        }
        let items: [Any]
        if let array = json as? [Any] {
            items = array
        } else if let object = json as? [String: Any], let array = object["items"] as? [Any] {
            items = array
        } else {
            return ([], [.error("bib.json", "CSL-JSON must be an array of items", at: start)])
        }
        let locator = IDLocator(text: text, file: file)
        var refs: [Reference] = []
        var diagnostics: [Diagnostic] = []
        for (n, any) in items.enumerated() {
            guard let item = any as? [String: Any], let id = scalar(item["id"]), !id.isEmpty else {
                diagnostics.append(.error("bib.json", "item \(n + 1) has no 'id'", at: start))
                continue
            }
            var r = Reference(id: id, type: scalar(item["type"]) ?? "document", location: locator.location(of: id) ?? start)
            r.author = names(item["author"])
            r.editor = names(item["editor"])
            r.issued = date(item["issued"])
            r.accessed = date(item["accessed"])
            for (k, v) in item where !["id", "type"].contains(k) && !nameFields.contains(k) && !dateFields.contains(k) {
                if let s = scalar(v) { r.fields[k] = s }
            }
            refs.append(r)
        }
        return (refs, diagnostics)
    }

    private static func scalar(_ v: Any?) -> String? {
        switch v {
        case let s as String: s
        case let n as NSNumber: n.stringValue
        default: nil
        }
    }

    private static func names(_ v: Any?) -> [Reference.Name] {
        guard let list = v as? [[String: Any]] else { return [] }
        return list.map { n in
            if let lit = scalar(n["literal"]) { return lit == "others" ? .others : Reference.Name(literal: lit) }
            let particle = [scalar(n["dropping-particle"]), scalar(n["non-dropping-particle"])].compactMap { $0 }
            return Reference.Name(family: scalar(n["family"]) ?? "", given: scalar(n["given"]) ?? "",
                                  particle: particle.joined(separator: " "), suffix: scalar(n["suffix"]) ?? "")
        }
    }

    private static func date(_ v: Any?) -> Reference.DateValue? {
        guard let d = v as? [String: Any] else { return nil }
        if let parts = d["date-parts"] as? [[Any]], let first = parts.first {
            let ints = first.compactMap { p -> Int? in (p as? NSNumber)?.intValue ?? (p as? String).flatMap { Int($0) } }
            guard let year = ints.first else { return nil }
            return .init(year: year, month: ints.count > 1 ? ints[1] : nil, day: ints.count > 2 ? ints[2] : nil)
        }
        if let raw = scalar(d["raw"]) ?? scalar(d["literal"]) { return BibTeXConverter.dateValue(raw) }
        return nil
    }

    /// Finds where `"id": "key"` is written, so diagnostics point at the item.
    private struct IDLocator {
        let text: String
        let file: String

        func location(of id: String) -> SourceLocation? {
            let escaped = id.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            for spacing in ["\"id\": \"", "\"id\":\"", "\"id\" : \""] {
                guard let r = text.range(of: spacing + escaped + "\"") else { continue }
                let before = text[..<r.lowerBound]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
                return SourceLocation(file: file, line: line, column: before[lineStart...].utf8.count + 1)
            }
            return nil
        }
    }
}
