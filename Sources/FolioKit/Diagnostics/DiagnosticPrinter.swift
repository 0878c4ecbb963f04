/// Prints diagnostics gcc-style: `file:line:column: severity: message [id]`.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool

    public init(useColor: Bool) {
        self.useColor = useColor
    }

    public func format(_ d: Diagnostic) -> String {
        var line = ""
        if let loc = d.location { line += bold("\(loc): ") }
        line += color(for: d.severity, "\(d.severity):") + " " + d.message + " [\(d.id)]"
        for note in d.notes {
            line += "\n    " + (note.location.map { bold("\($0): ") } ?? "") + color(for: .note, "note:") + " " + note.message
        }
        return line
    }

    /// The closing one-line summary, e.g. `2 errors, 1 warning`.
    public func summary(errors: Int, warnings: Int, notes: Int = 0) -> String {
        if errors == 0 && warnings == 0 && notes == 0 { return "no problems found" }
        var parts = [plural(errors, "error"), plural(warnings, "warning")]
        if notes > 0 { parts.append(plural(notes, "note")) }
        return parts.joined(separator: ", ")
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    private func bold(_ s: String) -> String { useColor ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    private func color(for severity: Diagnostic.Severity, _ s: String) -> String {
        guard useColor else { return s }
        let code = switch severity {
        case .error: "31"
        case .warning: "35"
        case .note: "36"
        }
        return "\u{1B}[1;\(code)m\(s)\u{1B}[0m"
    }
}
