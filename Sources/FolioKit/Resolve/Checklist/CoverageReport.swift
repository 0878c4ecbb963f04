/// What the checklist pass found: for every item, where it is claimed, the evidence there and
/// which rules fail. `folio check`, the Validate stage and the coverage appendix all read this.
public struct CoverageReport: Sendable {
    public enum Status: String, Sendable, Hashable {
        case covered
        case partial = "partially covered"
        case missing = "not covered"
    }

    /// One claim with the evidence of the text it claims.
    public struct Claim: Sendable, Hashable {
        public var claim: CoverageClaim
        /// The anchor of the claimed section (or of the section around a claimed paragraph, or the chapter).
        public var anchor: String
        /// "§2.3", "Chapter 3" or an unnumbered chapter's title.
        public var label: String
        /// The side of the part the claim is in; nil in front matter, back matter and appendices.
        public var side: Manifest.Side?
        public var chapterStatus: Chapter.Status?
        public var words: Int
        public var citations: Set<String>
        public var references: Set<String>
        /// The claimed text, lower-cased, for keyword rules.
        var text: String
    }

    /// A rule an item does not meet, with the numbers.
    public struct Failure: Sendable, Hashable {
        /// `min-words`, `citations`, `must-reference`, `status` or `keywords`.
        public var rule: String
        public var message: String
    }

    public struct Result: Sendable {
        public var item: Checklist.Item
        public var status: Status
        public var claims: [Claim]
        public var words: Int
        public var citations: Int
        public var failures: [Failure]
    }

    public var checklist: Checklist
    public var results: [Result]

    /// Items covered out of items on a side (`both` items count on each side).
    public func summary(_ side: Manifest.Side) -> (covered: Int, total: Int) {
        let relevant = results.filter { $0.item.side == .both || $0.item.side.rawValue == side.rawValue }
        return (relevant.filter { $0.status == .covered }.count, relevant.count)
    }

    /// "Demand side: 9/10 covered. Supply side: 10/10 covered." (in English for reports).
    public var summaryLine: String { summaryLine(PaperWords.builtIn(for: "en")) }

    /// The summary in the paper's words, for the coverage appendix.
    public func summaryLine(_ words: PaperWords) -> String {
        Manifest.Side.allCases.map { side in
            let (c, t) = summary(side)
            return words.phrase(.coverageSummary, words.phrase(side == .demand ? .demand : .supply), "\(c)/\(t)")
        }.joined(separator: " ")
    }

    /// Evaluates an item's rules against the union of its claims' evidence.
    static func evaluate(_ item: Checklist.Item, claims: [Claim], enforceStatus: Bool) -> Result {
        guard !claims.isEmpty else {
            return Result(item: item, status: .missing, claims: [], words: 0, citations: 0, failures: [])
        }
        let words = claims.reduce(0) { $0 + $1.words }
        let cited = claims.reduce(into: Set<String>()) { $0.formUnion($1.citations) }
        let referenced = claims.reduce(into: Set<String>()) { $0.formUnion($1.references) }
        var failures: [Failure] = []
        let rules = item.rules
        let places = claims.map(\.label).joined(separator: ", ")
        if let min = rules.minWords, words < min {
            failures.append(.init(rule: "min-words", message: "\(words) words in \(places) (needs \(min))"))
        }
        if let min = rules.citations, cited.count < min {
            failures.append(.init(rule: "citations", message: "\(cited.count) distinct source\(cited.count == 1 ? "" : "s") cited (needs \(min))"))
        }
        let missingRefs = rules.mustReference.filter { !referenced.contains(LabelRegistry.canonical($0)) }
        if !missingRefs.isEmpty {
            failures.append(.init(rule: "must-reference", message: "no reference to " + missingRefs.map { "@" + $0 }.joined(separator: ", ")))
        }
        let missingWords = rules.keywords.filter { k in !claims.contains { $0.text.contains(k.lowercased()) } }
        if !missingWords.isEmpty {
            failures.append(.init(rule: "keywords", message: "missing keyword\(missingWords.count == 1 ? "" : "s") " + missingWords.map { "'\($0)'" }.joined(separator: ", ")))
        }
        if enforceStatus, let needed = rules.status {
            let low = claims.filter { ($0.chapterStatus ?? .draft) < needed }
            if !low.isEmpty {
                let found = low.map { "\($0.label) is \(($0.chapterStatus ?? .draft).rawValue)" }.joined(separator: ", ")
                failures.append(.init(rule: "status", message: "\(found) (needs \(needed.rawValue))"))
            }
        }
        return Result(item: item, status: failures.isEmpty ? .covered : .partial, claims: claims, words: words,
                      citations: cited.count, failures: failures)
    }
}
