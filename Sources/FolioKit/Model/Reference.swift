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
        /// The astronomical year: 0 is 1 BCE, -99 is 100 BCE (as EDTF and biblatex count).
        public var year: Int
        public var month: Int?
        public var day: Int?
        /// The end of a range (`2003/2004`): year, month, day.
        public var end: [Int]?
        /// A range with an open end (`1988/..`).
        public var openEnd = false
        /// `1990~` (about 1990) and `1990?` (uncertain).
        public var approximate = false
        public var uncertain = false

        public init(year: Int, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// The year as a reader sees it: "2024", "100 BCE", "c. 1990", "1990?", "2003–2004", "1988–".
        public var yearText: String {
            var s = Self.era(year)
            if let e = end?.first, e != year { s += "–" + Self.era(e) } else if openEnd { s += "–" }
            if uncertain { s += "?" }
            return approximate ? "c. " + s : s
        }

        /// A year with its era: years before 1 CE as "100 BCE".
        public static func era(_ year: Int) -> String { year > 0 ? String(year) : "\(1 - year) BCE" }
    }

    public var id: String
    /// Other keys that cite this entry (biblatex's `ids = {old, other}`).
    public var aliases: [String] = []
    /// The CSL type: `article-journal`, `book`, `chapter`, `report`, `webpage`...
    public var type: String
    public var author: [Name] = []
    public var editor: [Name] = []
    public var issued: DateValue?
    public var accessed: DateValue?
    /// Other CSL name variables, by CSL's name: `translator`, `container-author`.
    public var otherNames: [String: [Name]] = [:]
    /// Other CSL date variables, by CSL's name: `original-date`, `event-date`.
    public var otherDates: [String: DateValue] = [:]

    /// The CSL name and date variables beyond author, editor, issued and accessed that Folio reads and
    /// writes, with biblatex's field for each.
    public static let otherNameFields: [(csl: String, biblatex: String)] = [("translator", "translator"), ("container-author", "bookauthor")]
    public static let otherDateFields: [(csl: String, biblatex: String)] = [("original-date", "origdate"), ("event-date", "eventdate")]
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
