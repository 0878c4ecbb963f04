/// Collects diagnostics from every stage and applies the profile's severity policy.
public struct DiagnosticEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    public let profile: Profile

    public init(profile: Profile = .draft) {
        self.profile = profile
    }

    public mutating func emit(_ diagnostic: Diagnostic) {
        var d = diagnostic
        d.severity = profile.effectiveSeverity(of: d.severity)
        diagnostics.append(d)
    }

    public mutating func emit<S: Sequence>(contentsOf list: S) where S.Element == Diagnostic {
        for d in list { emit(d) }
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        diagnostics.lazy.filter { $0.severity == severity }.count
    }

    /// Diagnostics in file, line and column order; unlocated ones first, in emission order.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (nil, nil): return a.offset < b.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            }
        }.map(\.element)
    }
}
