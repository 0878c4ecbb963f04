import Yams

/// A YAML value with the source location of every node, for located manifest and front-matter errors.
public struct YAMLValue: Sendable, Equatable {
    public indirect enum Kind: Sendable, Equatable {
        case scalar(String)
        case sequence([YAMLValue])
        case mapping([(key: String, keyLocation: SourceLocation, value: YAMLValue)])

        public static func == (a: Kind, b: Kind) -> Bool {
            switch (a, b) {
            case let (.scalar(x), .scalar(y)): x == y
            case let (.sequence(x), .sequence(y)): x == y
            case let (.mapping(x), .mapping(y)):
                x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.keyLocation == $1.keyLocation && $0.value == $1.value }
            default: false
            }
        }
    }

    public var kind: Kind
    public var location: SourceLocation
    /// True for a plain scalar such as `null`, `~` or an empty value.
    public var isNull: Bool

    /// Largest manifest accepted, in bytes (front matter passes a smaller cap).
    public static let maxBytes = 1 << 20
    /// Largest front matter accepted, in bytes.
    public static let maxFrontMatterBytes = 64 << 10
    /// Most aliases (`*name`) a document may use.
    public static let maxAliases = 1_000
    /// Most bytes of scalar text a document may expand to.
    public static let maxExpandedBytes = 8 << 20
    /// Most nodes a document may expand to (guards against alias bombs).
    public static let maxNodes = 100_000
    /// Yams builds its constructor's tables on every call; they are read-only, so one is shared.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Deepest nesting accepted; the YAML composer recurses once per level.
    public static let maxDepth = 100

    /// Parses `text` (the YAML of `file`, starting at line `lineOffset + 1`). Errors carry the YAML location.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0, maxBytes: Int = maxBytes)
        throws(Diagnostic) -> YAMLValue? {
        guard text.utf8.count <= maxBytes else {
            throw .error("yaml.too-large", "YAML is \(text.utf8.count) bytes; the limit is \(maxBytes)",
                         at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
        if let (line, count) = YAMLDepth.aliasCount(exceeding: maxAliases, in: text) {
            throw .error("yaml.too-many-aliases", "YAML uses more than \(maxAliases) aliases (\(count) by this line)",
                         at: SourceLocation(file: file, line: line + lineOffset, column: 1))
        }
        if let (line, depth) = YAMLDepth.exceeding(maxDepth, in: text) {
            throw .error("yaml.too-deep", "YAML is nested more than \(maxDepth) levels deep (about \(depth) here)",
                         at: SourceLocation(file: file, line: line + lineOffset, column: 1))
        }
        let node: Node?
        do {
            // UTF-8 named here: Yams's default reads the whole environment on every call. The basic
            // resolver: Folio reads every scalar as text itself (`isNull`, the schema's types), so
            // YAML's implicit tags are not needed, and the default's regular expressions would page
            // ICU's regex engine into every build (about 1 MB of memory).
            node = try Yams.compose(yaml: text, .basic, Self.constructor, .utf8)
        } catch let error as YamlError {
            throw located(error, file: file, lineOffset: lineOffset)
        } catch {
            throw .error("yaml.syntax", "\(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
        guard let node else { return nil }
        var budget = Budget()
        return try convert(node, file: file, lineOffset: lineOffset, budget: &budget)
    }

    private static func location(_ mark: Mark?, file: String, lineOffset: Int) -> SourceLocation {
        SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    /// What a document has expanded to so far; aliases count every time they are used.
    private struct Budget {
        var nodes = 0
        var bytes = 0
    }

    private static func convert(_ node: Node, file: String, lineOffset: Int, budget: inout Budget) throws(Diagnostic) -> YAMLValue {
        let loc = location(node.mark, file: file, lineOffset: lineOffset)
        budget.nodes += 1
        guard budget.nodes <= maxNodes else {
            throw .error("yaml.too-many-nodes",
                         "YAML expands to more than \(maxNodes) nodes (are aliases repeating a large value?)", at: loc)
        }
        switch node {
        case .scalar(let s):
            budget.bytes += s.string.utf8.count
            guard budget.bytes <= maxExpandedBytes else {
                throw .error("yaml.too-large", "YAML expands to more than \(maxExpandedBytes) bytes of text", at: loc)
            }
            let isNull = s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
            return YAMLValue(kind: .scalar(s.string), location: loc, isNull: isNull)
        case .sequence(let seq):
            var items: [YAMLValue] = []
            for child in seq { items.append(try convert(child, file: file, lineOffset: lineOffset, budget: &budget)) }
            return YAMLValue(kind: .sequence(items), location: loc, isNull: false)
        case .mapping(let map):
            var pairs: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
            var seen: [String: SourceLocation] = [:]
            for (k, v) in map {
                let keyLoc = location(k.mark, file: file, lineOffset: lineOffset)
                guard let key = k.scalar?.string else {
                    throw .error("yaml.key", "mapping keys must be plain strings", at: keyLoc)
                }
                if let first = seen[key] {
                    throw .error("yaml.duplicate-key", "key '\(key)' appears twice", at: keyLoc,
                                 notes: ["first given at \(first)"])
                }
                seen[key] = keyLoc
                pairs.append((key, keyLoc, try convert(v, file: file, lineOffset: lineOffset, budget: &budget)))
            }
            return YAMLValue(kind: .mapping(pairs), location: loc, isNull: false)
        case .alias:
            throw .error("yaml.alias", "unresolved YAML alias", at: loc)
        }
    }

    private static func located(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, let yaml),
             .parser(let context, let problem, let mark, let yaml),
             .composer(let context, let problem, let mark, let yaml):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(max(mark.line - 1, 0)).first
            var notes: [Diagnostic.Note] = line?.contains("\t") == true ? ["YAML does not allow tabs for indentation; use spaces"] : []
            // "while scanning a quoted scalar": the problem is found where the file ends, but it began
            // where the value opened (a quote never closed, as in `title: 'A title``).
            if let context, context.mark.line != mark.line {
                notes.append(.init("it began here, \(context.text.replacingOccurrences(of: "while ", with: "")): look for a quote or bracket that is never closed",
                                   at: location(context.mark, file: file, lineOffset: lineOffset)))
            }
            return .error("yaml.syntax", "invalid YAML: \(text)", at: location(mark, file: file, lineOffset: lineOffset),
                          notes: notes)
        case .reader(let problem, _, _, _):
            return .error("yaml.syntax", "invalid YAML: \(problem)", at: location(nil, file: file, lineOffset: lineOffset))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("yaml.duplicate-key", "duplicate keys: \(duplicates.joined(separator: ", "))",
                          at: location(context.mark, file: file, lineOffset: lineOffset))
        default:
            return .error("yaml.syntax", "invalid YAML: \(error)", at: location(nil, file: file, lineOffset: lineOffset))
        }
    }
}
