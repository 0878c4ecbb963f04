import Foundation

/// Writes references as CSL-JSON (`folio bib export`), with sorted keys so output is stable.
public enum CSLJSONWriter {
    public static func json(_ refs: [Reference]) -> String {
        let items: [[String: Any]] = refs.map(item)
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: items, options: options) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func item(_ r: Reference) -> [String: Any] {
        var out: [String: Any] = ["id": r.id, "type": r.type]
        for (k, v) in r.fields where !v.isEmpty { out[k] = v }
        if !r.author.isEmpty { out["author"] = r.author.map(name) }
        if !r.editor.isEmpty { out["editor"] = r.editor.map(name) }
        if let d = r.issued { out["issued"] = date(d) }
        if let d = r.accessed { out["accessed"] = date(d) }
        for (field, list) in r.otherNames where !list.isEmpty { out[field] = list.map(name) }
        for (field, d) in r.otherDates { out[field] = date(d) }
        return out
    }

    static func name(_ n: Reference.Name) -> [String: Any] {
        if n.isOthers { return ["literal": "others"] }
        if n.isCorporate { return ["literal": n.literal] }
        var out: [String: Any] = ["family": n.family]
        if !n.given.isEmpty { out["given"] = n.given }
        if !n.particle.isEmpty { out["non-dropping-particle"] = n.particle }
        if !n.suffix.isEmpty { out["suffix"] = n.suffix }
        return out
    }

    /// CSL's date: `date-parts` (two for a range), `circa` for an approximate or uncertain date, and
    /// `raw` (EDTF) as well for a range with an open end.
    static func date(_ d: Reference.DateValue) -> [String: Any] {
        // CSL counts years without a year 0: EDTF's -99 (100 BCE) is CSL's -100.
        func csl(_ y: Int) -> Int { y > 0 ? y : y - 1 }
        var parts: [[Int]] = [[csl(d.year), d.month, d.day].compactMap { $0 }]
        if let e = d.end, let y = e.first { parts.append([csl(y)] + e.dropFirst()) }
        var out: [String: Any] = ["date-parts": parts]
        if d.approximate || d.uncertain { out["circa"] = true }
        // `date-parts` cannot say a range is open (`1988/..`); CSL's `raw`, in EDTF, can.
        if d.openEnd, d.end == nil { out["raw"] = BibLaTeXWriter.date(d) }
        return out
    }
}
