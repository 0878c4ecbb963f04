import Foundation

/// CSL-JSON bibliographies (an array of items, as Zotero and pandoc write them).
enum CSLJSONReader {
    static let nameFields = ["author", "editor"] + Reference.otherNameFields.map(\.csl)
    static let dateFields = ["issued", "accessed"] + Reference.otherDateFields.map(\.csl)

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
            for (field, _) in Reference.otherNameFields where item[field] != nil { r.otherNames[field] = names(item[field]) }
            for (field, _) in Reference.otherDateFields { r.otherDates[field] = date(item[field]) }
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

    /// A CSL date: the start and end of `date-parts`, `circa`, and an open end from `raw` (EDTF), as
    /// `CSLJSONWriter` writes them. CSL counts years without a year 0 (-100 is 100 BCE); the model
    /// counts as EDTF does (-99).
    static func date(_ v: Any?) -> Reference.DateValue? {
        guard let d = v as? [String: Any] else { return nil }
        let raw = (scalar(d["raw"]) ?? scalar(d["literal"])).flatMap { BibTeXConverter.dateValue($0) }
        guard let parts = d["date-parts"] as? [[Any]], let first = parts.first else { return raw }
        func ints(_ part: [Any]) -> [Int] { part.compactMap { p -> Int? in (p as? NSNumber)?.intValue ?? (p as? String).flatMap { Int($0) } } }
        func astronomical(_ y: Int) -> Int { y < 0 ? y + 1 : y }
        let start = ints(first)
        guard let year = start.first else { return raw }
        var value = Reference.DateValue(year: astronomical(year), month: start.count > 1 ? start[1] : nil,
                                        day: start.count > 2 ? start[2] : nil)
        if parts.count > 1, case let end = ints(parts[1]), let y = end.first {
            value.end = [astronomical(y)] + end.dropFirst()
        } else if let raw, raw.openEnd, raw.year == value.year {
            value.openEnd = true
        }
        let circa = d["circa"]
        if (circa as? Bool) == true || (circa as? NSNumber).map({ $0.intValue != 0 }) == true || scalar(circa) == "true" {
            value.approximate = true
        }
        return value
    }

    /// Finds where each `"id": "key"` is written, in one pass, so diagnostics point at the item.
    private struct IDLocator {
        private var offsets: [String: SourceLocation] = [:]

        init(text: String, file: String) {
            let b = Array(text.utf8)
            var line = 1, lineStart = 0
            var i = 0
            let key = Array("\"id\"".utf8)
            while i < b.count {
                if b[i] == 0x0A { line += 1; lineStart = i + 1; i += 1; continue }
                guard b[i] == UInt8(ascii: "\""), i + key.count <= b.count, b[i..<(i + key.count)].elementsEqual(key) else { i += 1; continue }
                let at = SourceLocation(file: file, line: line, column: i - lineStart + 1)
                var j = i + key.count
                while j < b.count, b[j] == 0x20 || b[j] == UInt8(ascii: ":") { j += 1 }
                guard j < b.count, b[j] == UInt8(ascii: "\"") else { i = j; continue }
                var k = j + 1
                while k < b.count, b[k] != UInt8(ascii: "\""), b[k] != 0x0A { k += b[k] == UInt8(ascii: "\\") ? 2 : 1 }
                let id = String(decoding: b[(j + 1)..<min(k, b.count)], as: UTF8.self)
                if offsets[id] == nil { offsets[id] = at }
                i = k + 1
            }
        }

        func location(of id: String) -> SourceLocation? { offsets[id] }
    }
}
