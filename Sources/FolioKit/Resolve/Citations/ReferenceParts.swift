import Foundation

/// The facts of a reference that every style needs, read once.
struct ReferenceParts: Equatable {
    let r: Reference
    /// "a", "b"... when two entries share authors and year (author-date).
    var yearSuffix = ""
    /// Creators (or title), then year: computed once, since sorting compares it many times.
    private let sortPrefix: String
    private let sortTitle: String
    /// The creators as citations name them ("Tan, Smith, and Kumar"); empty when there are none.
    let shortNames: String

    init(r: Reference) {
        self.r = r
        let creators = r.author.isEmpty ? r.editor : r.author
        shortNames = NameFormat.short(creators)
        let names = NameFormat.sortKey(creators)
        let t = Self.sortableTitle(r["title"] ?? r.id)
        sortPrefix = (names.isEmpty ? t : names) + "\u{1}" + (r.issued.map { $0.year.zeroPadded(4) } ?? "9999")
        sortTitle = t
    }

    static let quotedTypes: Set<String> = ["article-journal", "article", "article-magazine", "article-newspaper", "chapter",
                                           "paper-conference", "webpage", "post-weblog", "post", "thesis", "manuscript",
                                           "entry-encyclopedia", "entry-dictionary", "entry", "speech", "interview"]
    static let articleTypes: Set<String> = ["article-journal", "article", "article-magazine", "article-newspaper"]
    static let partTypes: Set<String> = ["chapter", "paper-conference", "entry-encyclopedia", "entry-dictionary"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]
    static let shortMonths = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]

    var title: String? { r["title"] }
    var isQuoted: Bool { Self.quotedTypes.contains(r.type) }
    var isArticle: Bool { Self.articleTypes.contains(r.type) }
    var isPart: Bool { Self.partTypes.contains(r.type) }

    /// Authors, or editors standing in for them (with `byEditors` set).
    var creators: (names: [Reference.Name], byEditors: Bool) {
        r.author.isEmpty ? (r.editor, !r.editor.isEmpty) : (r.author, false)
    }

    /// The series and the number in it ("Bollingen Series 75"), with `separator` before the number.
    func series(numberedAfter separator: String) -> String? {
        r["collection-title"].map { $0 + (r["collection-number"].map { separator + $0 } ?? "") }
    }

    var year: String { (r.issued.map(\.yearText) ?? "n.d.") + yearSuffix }

    /// "March 5, 2024", "March 2024" or "2024"; a range, an approximate or uncertain date by its years.
    static func longDate(_ d: Reference.DateValue) -> String { date(d, months: months) }

    /// "Mar. 5, 2024", "Mar. 2024" or "2024" (IEEE).
    static func shortDate(_ d: Reference.DateValue) -> String { date(d, months: shortMonths) }

    private static func date(_ d: Reference.DateValue, months: [String]) -> String {
        guard let m = d.month, (1...12).contains(m), d.end == nil, !d.openEnd, !d.approximate, !d.uncertain, d.year > 0 else {
            return d.yearText
        }
        if let day = d.day { return "\(months[m - 1]) \(day), \(d.year)" }
        return "\(months[m - 1]) \(d.year)"
    }

    /// The short title for later notes and title-first citations: `title-short`, the part before a colon,
    /// or the first four words.
    var shortTitle: String {
        if let s = r["title-short"] { return s }
        guard let t = title else { return r.id }
        // "Regulation (EU) 2024/1689 … (Artificial Intelligence Act)" is known by its parenthesis.
        if t.hasSuffix(")"), let open = t.lastIndex(of: "("), t.distance(from: open, to: t.endIndex) > 4 {
            let inner = t[t.index(after: open)..<t.index(before: t.endIndex)]
            if inner.first?.isUppercase == true, inner.contains(" ") { return String(inner) }
        }
        let main = t.split(separator: ":", maxSplits: 1).first.map(String.init) ?? t
        let words = main.split(separator: " ")
        guard words.count > 5 else { return main }
        // The first four words, not stopping inside a parenthesis.
        var cut = Array(words.prefix(4))
        while let last = cut.last, last.contains("("), !last.contains(")") { cut.removeLast() }
        return cut.isEmpty ? main : cut.joined(separator: " ")
    }

    var pages: String? { r["page"]?.replacingEvery("-", with: "–") }

    /// The link for the DOI (preferred) or URL, with the text to show.
    func link(doiLabel: (String) -> String) -> (url: String, label: String)? {
        if let doi = r["DOI"] {
            let url = "https://doi.org/" + doi
            return (url, doiLabel(doi))
        }
        if let url = r["URL"] { return (url, url) }
        return nil
    }

    /// Writes the title: in quotation marks for parts of something larger, in italics otherwise.
    func title(into t: inout RichText, closing: String) {
        guard let title else { return }
        if isQuoted {
            t.quoted(title, closing: closing)
        } else {
            t.italic(title)
            t.text(closing)
        }
    }

    /// "Place: Publisher" (Chicago); either alone when the other is missing.
    var placePublisher: String? {
        var publisher = r["publisher"]
        // A corporate author that publishes its own report is not named twice.
        if let p = publisher, r["publisher-place"] == nil, r.author.count == 1, r.author.first?.literal == p { publisher = nil }
        switch (r["publisher-place"], publisher) {
        case let (place?, pub?): return "\(place): \(pub)"
        case let (nil, pub?): return pub
        case let (place?, nil): return place
        default: return nil
        }
    }

    /// Sort key for author-date and notes bibliographies: creators (or title), year, title.
    var sortKey: String { sortPrefix + yearSuffix + "\u{1}" + sortTitle }

    static func sortableTitle(_ t: String) -> String {
        // Most titles are ASCII: lower-cased and filtered byte by byte, as the general path would.
        if t.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = t.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
            for article in ["the ", "a ", "an "] where bytes.starts(with: article.utf8) { bytes.removeFirst(article.utf8.count) }
            bytes.removeAll { !(($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == 0x20) }
            return String(decoding: bytes, as: UTF8.self)
        }
        var s = t.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for article in ["the ", "a ", "an "] where s.hasPrefix(article) { s = String(s.dropFirst(article.count)) }
        return s.filter { $0.isLetter || $0.isNumber || $0 == " " }
    }
}
