import Foundation

/// Serialises report objects (dictionaries, arrays, strings, numbers) as stable, pretty JSON.
enum JSONText {
    static func string(_ object: Any) -> String {
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard JSONSerialization.isValidJSONObject(object),
              let data = try? JSONSerialization.data(withJSONObject: object, options: options) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func diagnostic(_ d: Diagnostic) -> [String: Any] {
        var out: [String: Any] = ["id": d.id, "severity": d.severity.description, "message": d.message,
                                  "notes": d.notes.map(\.description)]
        if let r = d.range {
            out["file"] = r.start.file
            out["line"] = r.start.line
            out["column"] = r.start.column
            out["endLine"] = r.endLine
            out["endColumn"] = r.endColumn
        }
        return out
    }
}
