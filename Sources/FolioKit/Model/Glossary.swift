/// The paper's glossary (`glossary: glossary.yaml`): terms, acronyms, definitions, preferred forms.
public struct Glossary: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var term: String
        public var acronym: String?
        public var definition: String
        /// The form the paper should use (defaults to `term`).
        public var preferred: String?
        /// Variants to replace with `preferred`.
        public var discouraged: [String]
        public var location: SourceLocation
    }

    public var entries: [Entry]
    public var file: String

    public var acronyms: [Entry] { entries.filter { $0.acronym != nil } }
}
