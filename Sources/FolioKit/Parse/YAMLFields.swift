/// Reads typed fields out of a YAML mapping, with located errors and a warning for unknown keys.
public struct YAMLFields {
    public let location: SourceLocation
    private let entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)]
    private let what: String

    /// `what` names the mapping in messages, e.g. "manifest" or "front matter".
    public init(_ value: YAMLValue, what: String) throws(Diagnostic) {
        guard case .mapping(let pairs) = value.kind else {
            throw .error("yaml.type", "\(what) must be a mapping of keys to values", at: value.location)
        }
        self.location = value.location
        self.entries = pairs
        self.what = what
    }

    public func value(_ key: String) -> YAMLValue? {
        entries.first(where: { $0.key == key }).flatMap { $0.value.isNull ? nil : $0.value }
    }

    public func string(_ key: String) throws(Diagnostic) -> String? {
        guard let v = value(key) else { return nil }
        return try Self.string(v, key: key)
    }

    public func requiredString(_ key: String) throws(Diagnostic) -> String {
        guard let s = try string(key), !s.isEmpty else {
            throw .error("\(idPrefix).missing-key", "\(what) needs '\(key)'", at: location)
        }
        return s
    }

    public func bool(_ key: String) throws(Diagnostic) -> Bool? {
        guard let v = value(key) else { return nil }
        switch try Self.string(v, key: key) {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw .error("yaml.type", "'\(key)' must be true or false", at: v.location)
        }
    }

    public func int(_ key: String, in bounds: ClosedRange<Int>) throws(Diagnostic) -> Int? {
        guard let v = value(key) else { return nil }
        guard let n = Int(try Self.string(v, key: key)), bounds.contains(n) else {
            throw .error("yaml.type", "'\(key)' must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound)",
                         at: v.location)
        }
        return n
    }

    /// A list of strings; a single string is accepted as a one-item list.
    public func strings(_ key: String) throws(Diagnostic) -> [(String, SourceLocation)] {
        guard let v = value(key) else { return [] }
        switch v.kind {
        case .scalar(let s): return [(s, v.location)]
        case .sequence(let items):
            var out: [(String, SourceLocation)] = []
            for item in items { out.append((try Self.string(item, key: key), item.location)) }
            return out
        case .mapping: throw .error("yaml.type", "'\(key)' must be a list of strings", at: v.location)
        }
    }

    public func list(_ key: String) throws(Diagnostic) -> [YAMLValue] {
        guard let v = value(key) else { return [] }
        guard case .sequence(let items) = v.kind else {
            throw .error("yaml.type", "'\(key)' must be a list", at: v.location)
        }
        return items
    }

    /// Warnings for keys not in `known`, with a suggestion when one is close.
    public func unknownKeys(known: [String]) -> [Diagnostic] {
        entries.filter { !known.contains($0.key) }.map { e in
            var message = "unknown key '\(e.key)' in \(what)"
            if let near = Spelling.nearest(to: e.key, in: known) { message += "; did you mean '\(near)'?" }
            return .warning("\(idPrefix).unknown-key", message, at: e.keyLocation)
        }
    }

    private var idPrefix: String {
        if what == "front matter" { return "front-matter" }
        return what.hasPrefix("checklist") || what == "requires" ? "checklist" : "manifest"
    }

    static func string(_ v: YAMLValue, key: String) throws(Diagnostic) -> String {
        guard case .scalar(let s) = v.kind else {
            throw .error("yaml.type", "'\(key)' must be a single value, not a list or mapping", at: v.location)
        }
        return s
    }
}
