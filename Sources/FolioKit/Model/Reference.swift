/// One bibliography entry, in CSL-JSON's vocabulary whatever file it came from.
public struct Reference: Hashable, Sendable {
    /// A person or a corporate body. `literal` is a name kept whole (`{Infocomm Media Development Authority}`).
    public struct Name: Hashable, Sendable {
        public var family = ""
        public var given = ""
        /// The "von" part: "van der" in "Jan van der Berg".
        public var particle = ""
        public var suffix = ""
        public var literal = ""
        /// `and others` in BibTeX: the list goes on ("et al.").
        public var isOthers = false

        public init(family: String = "", given: String = "", particle: String = "", suffix: String = "",
                    literal: String = "", isOthers: Bool = false) {
            self.family = family
            self.given = given
            self.particle = particle
            self.suffix = suffix
            self.literal = literal
            self.isOthers = isOthers
        }

        public static let others = Name(isOthers: true)

        public var isCorporate: Bool { !literal.isEmpty }
    }

    /// A date, as precise as the source gives it.
    public struct DateValue: Hashable, Sendable {
        public var year: Int
        public var month: Int?
        public var day: Int?

        public init(year: Int, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }
    }

    public var id: String
    /// The CSL type: `article-journal`, `book`, `chapter`, `report`, `webpage`...
    public var type: String
    public var author: [Name] = []
    public var editor: [Name] = []
    public var issued: DateValue?
    public var accessed: DateValue?
    /// Every other CSL variable, already plain Unicode: `title`, `container-title`, `publisher`, `page`, `DOI`, `URL`...
    public var fields: [String: String] = [:]
    /// Where the entry starts in its file.
    public var location: SourceLocation

    public init(id: String, type: String, location: SourceLocation) {
        self.id = id
        self.type = type
        self.location = location
    }

    public subscript(_ field: String) -> String? {
        get { fields[field].flatMap { $0.isEmpty ? nil : $0 } }
        set { fields[field] = newValue }
    }
}
