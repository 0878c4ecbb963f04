/// A build profile: `draft` reports warnings as warnings, `final` raises them to errors.
public enum Profile: String, Sendable, CaseIterable {
    case draft
    case final

    /// The severity a diagnostic has under this profile.
    public func effectiveSeverity(of severity: Diagnostic.Severity) -> Diagnostic.Severity {
        switch (self, severity) {
        case (.final, .warning): .error
        default: severity
        }
    }
}
