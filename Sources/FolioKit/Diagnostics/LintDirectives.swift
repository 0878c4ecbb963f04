import Foundation

/// Inline switches in a chapter, each an HTML comment on its own line:
/// `<!-- folio-lint disable prose.repeated-word -->` … `<!-- folio-lint enable prose.repeated-word -->`,
/// `<!-- folio-lint disable-next-line prose.todo -->` and `<!-- folio-lint disable-file prose.sentence-length -->`.
/// With no rule ids they apply to every rule. A directive that suppresses nothing is reported.
/// `DiagnosticEngine` applies them to every configurable diagnostic, whichever stage made it.
struct LintDirectives: Sendable, Equatable {
    enum Kind: String {
        case disable, enable, disableNextLine = "disable-next-line", disableFile = "disable-file"
    }

    struct Directive: Sendable, Equatable {
        var kind: Kind
        /// nil: every rule.
        var rules: Set<String>?
        var location: SourceLocation
        var used = false
    }

    static let keyword = Array("folio-lint".utf8)

    private(set) var directives: [Directive] = []
    private(set) var problems: [Diagnostic] = []

    var isEmpty: Bool { directives.isEmpty && problems.isEmpty }

    /// Whether `text` holds "folio-lint" at all, without copying it (most chapters do not).
    static func mentionsKeyword(_ text: String) -> Bool { text.containsBytes(keyword) }

    init() {}

    init(path: String, text: String) {
        guard Self.mentionsKeyword(text) else { return }
        let bytes = Array(text.utf8)
        // Lines by bytes: "\r\n" is one Character, so a split on Characters would miss it.
        for (n, raw) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where ProseMask.contains(Array(raw), Self.keyword) {
            let line = String(decoding: raw, as: UTF8.self)
            guard let open = line.range(of: "<!--"), let close = line.range(of: "-->", range: open.upperBound..<line.endIndex)
            else { continue }
            let words = line[open.upperBound..<close.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                .map(String.init)
            guard words.first == "folio-lint" else { continue }
            let column = line.utf8.distance(from: line.startIndex, to: open.lowerBound) + 1
            let location = SourceLocation(file: path, line: n + 1, column: column)
            guard words.count >= 2, let kind = Kind(rawValue: words[1]) else {
                problems.append(.warning("lint.bad-directive", "a folio-lint comment needs disable, enable, disable-next-line or disable-file",
                                         at: location))
                continue
            }
            let ids = Array(words.dropFirst(2))
            for id in ids where !DiagnosticCatalog.isKnown(id) {
                var notes: [Diagnostic.Note] = []
                if let near = Spelling.nearest(to: id, in: DiagnosticCatalog.ids) { notes.append("did you mean '\(near)'?") }
                problems.append(.warning("lint.bad-directive", "unknown lint rule '\(id)' in a folio-lint comment", at: location, notes: notes))
            }
            directives.append(Directive(kind: kind, rules: ids.isEmpty ? nil : Set(ids.flatMap(DiagnosticCatalog.expand)), location: location))
        }
    }

    /// Whether a finding of `rule` at `line` is switched off; marks the directive that did it as used.
    mutating func suppresses(_ rule: String, line: Int) -> Bool {
        func covers(_ d: Directive) -> Bool { d.rules?.contains(rule) ?? true }
        if let i = directives.firstIndex(where: { $0.kind == .disableFile && covers($0) }) {
            directives[i].used = true
            return true
        }
        if let i = directives.firstIndex(where: { $0.kind == .disableNextLine && $0.location.line == line - 1 && covers($0) }) {
            directives[i].used = true
            return true
        }
        // The latest disable or enable before the line decides.
        var active: Int?
        for (i, d) in directives.enumerated() where d.location.line < line && covers(d) {
            if d.kind == .disable { active = i }
            if d.kind == .enable { active = nil }
        }
        if let i = active {
            directives[i].used = true
            return true
        }
        return false
    }

    /// Disables that suppressed nothing.
    var unused: [Diagnostic] {
        directives.filter { !$0.used && $0.kind != .enable }.map { d in
            let what = d.rules.map { $0.sorted().joined(separator: ", ") } ?? "every rule"
            return .warning("lint.unused-disable", "this folio-lint \(d.kind.rawValue) (\(what)) suppresses nothing", at: d.location,
                            notes: ["remove it, or move it next to the finding it is meant for"])
        }
    }
}
