import Foundation

/// The one place diagnostics are admitted, for every command: it applies the per-rule configuration
/// (`lint: rules:`, ignored paths), the inline `folio-lint` switches, `--since` and the profile (`final`
/// raises warnings to errors), and sorts by location.
public struct DiagnosticEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public let profile: Profile
    private var levels: [String: LintConfig.Level] = [:]
    private var directives: [String: LintDirectives] = [:]
    private var ignoredFiles: Set<String> = []
    /// `--since`: changed lines by absolute path; nil reports every line.
    private var changed: [String: Set<Int>]?
    /// With `--untrusted`, the paper's own settings and switches may not lower or silence an error.
    var trustsSettings = true

    public init(profile: Profile = .draft) {
        self.profile = profile
    }

    /// Takes the configuration, the chapters' inline switches and the `--since` lines. Returns the
    /// problems with the switches themselves (malformed, unknown ids).
    mutating func configure(_ config: LintConfig, chapters: [Chapter], changed: [String: Set<Int>]?) -> [Diagnostic] {
        for (name, level) in config.levels {
            for id in DiagnosticCatalog.expand(name) { levels[id] = level }
        }
        self.changed = changed
        var problems: [Diagnostic] = []
        for ch in chapters {
            if config.isIgnored(ch.manifestPath) { ignoredFiles.insert(ch.path) }
            if !ch.switches.isEmpty { directives[ch.path] = ch.switches }
            problems += ch.switches.problems
        }
        return problems
    }

    public mutating func emit(_ diagnostic: Diagnostic) {
        emit(diagnostic, whateverChanged: false)
    }

    /// `whateverChanged` reports the diagnostic even outside the `--since` lines (broken settings).
    mutating func emit(_ diagnostic: Diagnostic, whateverChanged: Bool) {
        var d = diagnostic
        if DiagnosticCatalog.isConfigurable(d.id), trustsSettings || d.severity != .error {
            switch levels[d.id] {
            case .off?: return
            case .severity(let s)?: d.severity = s
            case nil: break
            }
            if let loc = d.location {
                if ignoredFiles.contains(loc.file) { return }
                if directives[loc.file]?.suppresses(d.id, line: loc.line) == true { return }
            }
        }
        d.severity = profile.effectiveSeverity(of: d.severity)
        if let changed, !whateverChanged {
            if let loc = d.location {
                let absolute = URL(fileURLWithPath: loc.file).standardizedFileURL.path
                guard GitChanges.contains(changed, file: absolute, line: loc.line) else { return }
            } else if d.severity != .error {
                return
            }
        }
        diagnostics.append(d)
    }

    public mutating func emit<S: Sequence>(contentsOf list: S) where S.Element == Diagnostic {
        for d in list { emit(d) }
    }

    /// After the lint rules ran: every `disable` that suppressed nothing (`lint.unused-disable`).
    mutating func reportUnusedSwitches() {
        let unused = directives.keys.sorted().flatMap { directives[$0]?.unused ?? [] }
        emit(contentsOf: unused)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }

    /// Diagnostics in file, line and column order (then id); unlocated ones first, in emission order.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x == y ? (a.element.id, a.offset) < (b.element.id, b.offset) : x < y
            }
        }.map(\.element)
    }
}
