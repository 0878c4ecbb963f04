import Foundation

/// Lint settings from the manifest's `lint:` section or `.folio-lint.yaml` (the manifest wins):
///
///     lint:
///       rules: {prose.sentence-length: error, prose.todo: off}
///       options: {prose.sentence-length: {max-words: 45}}
///       ignore: [chapters/legacy-*.md]
public struct LintConfig: Sendable {
    public enum Level: Sendable, Hashable {
        case off
        case severity(Diagnostic.Severity)
    }

    public var levels: [String: Level] = [:]
    public var options: [String: [String: String]] = [:]
    /// Glob patterns (`*` and `?`) of chapter paths, relative to the paper folder, that are not linted.
    public var ignore: [String] = []

    public init() {}

    static let fileName = ".folio-lint.yaml"

    /// Reads a `lint:` mapping; unknown rule ids are errors with a suggestion.
    static func load(_ value: YAMLValue) throws(Diagnostic) -> (LintConfig, [Diagnostic]) {
        let f = try YAMLFields(value, what: "lint")
        var warnings = f.unknownKeys(known: ["rules", "options", "ignore"])
        var c = LintConfig()
        func checkRule(_ id: String, _ location: SourceLocation) throws(Diagnostic) {
            guard DiagnosticCatalog.isKnown(id) else {
                var notes: [Diagnostic.Note] = ["'folio lint --list-rules' lists them"]
                if let near = Spelling.nearest(to: id, in: DiagnosticCatalog.ids) { notes.insert("did you mean '\(near)'?", at: 0) }
                throw .error("lint.unknown-rule", "unknown lint rule '\(id)'", at: location, notes: notes)
            }
        }
        if let rules = f.value("rules") {
            guard case .mapping(let pairs) = rules.kind else {
                throw .error("yaml.type", "'rules' maps rule ids to off, note, warning or error", at: rules.location)
            }
            for (key, keyLocation, v) in pairs {
                try checkRule(key, keyLocation)
                if !DiagnosticCatalog.expand(key).contains(where: DiagnosticCatalog.isConfigurable) {
                    warnings.append(.warning("lint.fixed-rule", "'\(key)' has a fixed severity; this setting changes nothing", at: keyLocation,
                                             notes: ["it guards safety or a correct output, so no setting can lower it (--list-rules marks these)"]))
                }
                guard case .scalar(let s) = v.kind else {
                    throw .error("yaml.type", "'\(key)' takes off, note, warning or error", at: v.location)
                }
                switch s {
                case "off": c.levels[key] = .off
                case "note": c.levels[key] = .severity(.note)
                case "warning": c.levels[key] = .severity(.warning)
                case "error": c.levels[key] = .severity(.error)
                default: throw .error("lint.level", "'\(key)' takes off, note, warning or error, not '\(s)'", at: v.location)
                }
            }
        }
        if let options = f.value("options") {
            guard case .mapping(let pairs) = options.kind else {
                throw .error("yaml.type", "'options' maps rule ids to their settings", at: options.location)
            }
            for (key, keyLocation, v) in pairs {
                try checkRule(key, keyLocation)
                guard case .mapping(let settings) = v.kind else {
                    throw .error("yaml.type", "options of '\(key)' must be a mapping, such as {max-words: 40}", at: v.location)
                }
                var values: [String: String] = [:]
                for (name, _, sv) in settings {
                    guard case .scalar(let s) = sv.kind else { throw .error("yaml.type", "'\(name)' must be a single value", at: sv.location) }
                    values[name] = s
                }
                c.options[key] = values
            }
        }
        c.ignore = try f.strings("ignore").map(\.0)
        return (c, warnings)
    }

    /// The manifest's `lint:` section, else `.folio-lint.yaml` in the paper folder or its parent.
    static func find(manifest: Manifest, provider: any SourceProvider) -> (LintConfig, [Diagnostic]) {
        do throws(Diagnostic) {
            if let settings = manifest.lint { return try load(settings) }
            for path in [fileName, "../" + fileName] where provider.exists(path) {
                let display = provider.display(path)
                // The file must stay in its own folder once links are followed.
                let real = provider.resolvedPath(path)
                guard let real, SourcePath.climbs(path) || !SourcePath.climbs(real) else {
                    throw Diagnostic.error("lint.config-outside", "\(display) is a symbolic link to a file outside its folder",
                                           at: SourceLocation(file: display, line: 1, column: 1),
                                           notes: ["lint settings must be a file in the paper folder or its parent; replace the link with the file itself"])
                }
                guard let root = try YAMLValue.parse(try provider.text(path), file: display) else {
                    return (LintConfig(), [])
                }
                // The file may hold the settings directly or under a `lint:` key.
                if case .mapping(let pairs) = root.kind, let inner = pairs.first(where: { $0.key == "lint" })?.value {
                    return try load(inner)
                }
                return try load(root)
            }
            return (LintConfig(), [])
        } catch {
            return (LintConfig(), [error])
        }
    }

    func isIgnored(_ manifestPath: String) -> Bool {
        ignore.contains { Self.glob($0, matches: manifestPath) }
    }

    /// `*` matches any run of characters except `/`, `**` any run at all, `?` one character
    /// (dynamic programming, so hostile patterns stay quadratic).
    static func glob(_ pattern: String, matches path: String) -> Bool {
        let p = Array(pattern), s = Array(path)
        guard p.count <= 500, s.count <= 4096 else { return false }
        // reach[j]: the pattern so far matches s[0..<j].
        var reach = [Bool](repeating: false, count: s.count + 1)
        reach[0] = true
        var i = 0
        while i < p.count {
            var next = [Bool](repeating: false, count: s.count + 1)
            if p[i] == "*" {
                let deep = i + 1 < p.count && p[i + 1] == "*"
                for j in 0...s.count where reach[j] {
                    next[j] = true
                    var k = j
                    while k < s.count, deep || s[k] != "/" {
                        k += 1
                        if next[k] { break }
                        next[k] = true
                    }
                }
                i += deep ? 2 : 1
            } else {
                for j in 0..<s.count where reach[j] && (p[i] == "?" || p[i] == s[j]) { next[j + 1] = true }
                i += 1
            }
            reach = next
        }
        return reach[s.count]
    }
}
