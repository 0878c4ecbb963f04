import Foundation

/// Reads `checklist.yaml` into a `Checklist`; every schema error is located at its YAML line.
public enum ChecklistLoader {
    static let knownKeys = ["title", "version", "source", "groups", "items"]
    static let itemKeys = ["id", "side", "group", "title", "description", "severity", "requires"]
    static let ruleKeys = ["min-words", "citations", "must-reference", "status", "keywords"]

    public static func load(_ text: String, file: String) throws(Diagnostic) -> (Checklist, [Diagnostic]) {
        guard let root = try YAMLValue.parse(text, file: file) else {
            throw .error("checklist.empty", "the checklist is empty; it needs a title and items",
                         at: SourceLocation(file: file, line: 1, column: 1))
        }
        let f = try YAMLFields(root, what: "checklist")
        var warnings = f.unknownKeys(known: knownKeys)
        var groups: [Checklist.Group] = []
        for g in try f.list("groups") {
            let gf = try YAMLFields(g, what: "checklist group")
            warnings += gf.unknownKeys(known: ["id", "title"])
            groups.append(.init(id: try gf.requiredString("id"), title: try gf.requiredString("title")))
        }
        var items: [Checklist.Item] = []
        var seen: [String: SourceLocation] = [:]
        for value in try f.list("items") {
            let i = try YAMLFields(value, what: "checklist item")
            warnings += i.unknownKeys(known: itemKeys)
            let id = try i.requiredString("id")
            let idLocation = i.value("id")?.location ?? i.location
            guard isItemID(id) else {
                throw .error("checklist.id", "'\(id)' is not an item id; use letters, digits and hyphens, such as DS-3",
                             at: idLocation)
            }
            if let first = seen[id] {
                throw .error("checklist.duplicate-id", "item id '\(id)' is used twice", at: idLocation,
                             notes: ["first used at \(first)"])
            }
            seen[id] = idLocation
            let sideText = try i.requiredString("side")
            guard let side = Checklist.Side(rawValue: sideText) else {
                throw .error("checklist.side", "an item's side is demand, supply or both, not '\(sideText)'",
                             at: i.value("side")?.location ?? i.location)
            }
            let group = try i.string("group")
            if let group, !groups.isEmpty, !groups.contains(where: { $0.id == group }) {
                var notes: [Diagnostic.Note] = []
                if let near = Spelling.nearest(to: group, in: groups.map(\.id)) { notes.append("did you mean '\(near)'?") }
                throw .error("checklist.group", "item '\(id)' names the unknown group '\(group)'",
                             at: i.value("group")?.location ?? i.location, notes: notes)
            }
            let severityText = try i.string("severity") ?? "error"
            guard severityText == "error" || severityText == "warning" else {
                throw .error("checklist.severity", "severity is error or warning, not '\(severityText)'",
                             at: i.value("severity")?.location ?? i.location)
            }
            var rules = Checklist.Rules()
            if let r = i.value("requires") {
                let rf = try YAMLFields(r, what: "requires")
                warnings += rf.unknownKeys(known: ruleKeys)
                rules.minWords = try rf.int("min-words", in: 0...1_000_000)
                rules.citations = try rf.int("citations", in: 0...10_000)
                rules.mustReference = try rf.strings("must-reference").map { $0.0.hasPrefix("@") ? String($0.0.dropFirst()) : $0.0 }
                rules.keywords = try rf.strings("keywords").map(\.0)
                if let s = try rf.string("status") {
                    guard let status = Chapter.Status(rawValue: s) else {
                        throw .error("checklist.status", "status is draft, review or approved, not '\(s)'",
                                     at: rf.value("status")?.location ?? rf.location)
                    }
                    rules.status = status
                }
            }
            items.append(.init(id: id, side: side, group: group, title: try i.requiredString("title"),
                               description: try i.string("description") ?? "", severity: severityText == "error" ? .error : .warning,
                               rules: rules, location: i.location))
        }
        if items.isEmpty {
            throw .error("checklist.no-items", "the checklist has no items", at: f.location)
        }
        let checklist = Checklist(title: try f.requiredString("title"), version: try f.string("version"),
                                  source: try f.string("source"), groups: groups, items: items, file: file)
        return (checklist, warnings)
    }

    /// `DS-3`, `SS-10`, `B-1`: letters, digits and hyphens, starting with a letter.
    static func isItemID(_ s: String) -> Bool {
        guard let first = s.first, first.isASCII, first.isLetter, s.count <= 64 else { return false }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }

    /// Loads the manifest's checklist file, which must stay inside the paper folder.
    static func load(_ ref: Manifest.FileRef, provider: any SourceProvider) -> (Checklist?, [Diagnostic]) {
        do throws(Diagnostic) {
            let (text, display, _) = try PaperLoader.file(ref, in: provider, missing: "checklist.missing", what: "checklist")
            let (c, warnings) = try load(text, file: display)
            return (c, warnings)
        } catch {
            return (nil, [error])
        }
    }
}
