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

    static func date(_ d: Reference.DateValue) -> [String: Any] {
        ["date-parts": [[d.year, d.month, d.day].compactMap { $0 }]]
    }
}
