import Foundation

/// A citation's suffix split into a locator ("pp. 33–35", "chap. 2") and the rest, by pandoc's terms.
/// Each citation item parses its suffix once, when it is made (`CitationGroup.Item.locator`); the citation
/// pass and the writers read the result.
public struct Locator: Hashable, Sendable {
    public enum Label: String, CaseIterable, Sendable {
        case page, chapter, section, paragraph, figure, table, note, line, volume, book, part, article, number,
             column, verse, appendix, clause, annex
    }

    public var label: Label
    public var value: String
    /// Text after the locator, e.g. ", emphasis added".
    public var rest: String

    /// Recognised terms, singular and plural forms, with the canonical label.
    static let terms: [(String, Label)] = [
        ("pp.", .page), ("p.", .page), ("pages", .page), ("page", .page),
        ("chaps.", .chapter), ("chap.", .chapter), ("chapters", .chapter), ("chapter", .chapter), ("ch.", .chapter),
        ("secs.", .section), ("sec.", .section), ("sections", .section), ("section", .section), ("§§", .section), ("§", .section),
        ("paras.", .paragraph), ("para.", .paragraph), ("paragraphs", .paragraph), ("paragraph", .paragraph), ("¶", .paragraph),
        ("figs.", .figure), ("fig.", .figure), ("figures", .figure), ("figure", .figure),
        ("tbls.", .table), ("tbl.", .table), ("tables", .table), ("table", .table),
        ("nn.", .note), ("n.", .note), ("notes", .note), ("note", .note),
        ("ll.", .line), ("l.", .line), ("lines", .line), ("line", .line),
        ("vols.", .volume), ("vol.", .volume), ("volumes", .volume), ("volume", .volume),
        ("bk.", .book), ("book", .book), ("pts.", .part), ("pt.", .part), ("parts", .part), ("part", .part),
        ("arts.", .article), ("art.", .article), ("articles", .article), ("article", .article),
        ("nos.", .number), ("no.", .number), ("numbers", .number), ("number", .number),
        ("cols.", .column), ("col.", .column), ("columns", .column), ("column", .column),
        ("vv.", .verse), ("v.", .verse), ("verses", .verse), ("verse", .verse),
        ("apps.", .appendix), ("app.", .appendix), ("appendices", .appendix), ("appendix", .appendix),
        ("clauses", .clause), ("clause", .clause), ("cl.", .clause), ("annexes", .annex), ("annex", .annex),
    ]

    /// Chicago's abbreviations (singular, plural); pages show no term in Chicago.
    static let abbreviations: [Label: (String, String)] = [
        .page: ("p.", "pp."), .chapter: ("chap.", "chaps."), .section: ("sec.", "secs."), .paragraph: ("para.", "paras."),
        .figure: ("fig.", "figs."), .table: ("table", "tables"), .note: ("n.", "nn."), .line: ("line", "lines"),
        .volume: ("vol.", "vols."), .book: ("bk.", "bks."), .part: ("pt.", "pts."), .article: ("art.", "arts."),
        .number: ("no.", "nos."), .column: ("col.", "cols."), .verse: ("v.", "vv."), .appendix: ("app.", "apps."),
        .clause: ("cl.", "cls."), .annex: ("annex", "annexes"),
    ]

    /// Parses a suffix such as ", pp. 33–35", "chap. 2" or ", 12"; nil when it has no locator.
    static func parse(_ suffix: String) -> Locator? {
        // Most citations have no suffix: no Foundation trimming for them.
        guard !suffix.isEmpty else { return nil }
        var s = trimmed(suffix[...], " \t\u{A0}")
        if s.hasPrefix(",") { s = s.dropFirst().drop(while: { $0 == " " }) }
        guard let first = s.first else { return nil }
        var label = Label.page
        var matched = false
        if !first.isNumber, let (length, l) = term(at: s) {
            label = l
            s = s.dropFirst(length).drop(while: { $0 == " " || $0 == "\u{A0}" })
            matched = true
        }
        // The value: digits, roman numerals and range/list punctuation, up to a comma followed by a non-digit.
        var value = ""
        var rest = s[...]
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if Self.inValue(c) || (c == " " && value.last.map { ",&–-".contains($0) } == true) {
                if c == ",", let n = s.index(i, offsetBy: 1, limitedBy: s.endIndex), n < s.endIndex {
                    let after = s[n...].drop(while: { $0 == " " })
                    if !(after.first?.isNumber ?? false) { break }
                }
                value.append(c)
                i = s.index(after: i)
            } else if c.isLetter, matched, value.isEmpty || value.last?.isNumber == true {
                // "sec. 2a", "annex III"
                value.append(c)
                i = s.index(after: i)
            } else {
                break
            }
        }
        value = String(trimmed(value[...], " ,."))
        guard !value.isEmpty, matched || value.first?.isNumber == true else { return nil }
        rest = s[i...]
        if value.containsBytes(UInt8(ascii: "-"), UInt8(ascii: "-")) { value = value.replacingOccurrences(of: "--", with: "–") }
        return Locator(label: label, value: value, rest: String(trimmed(rest, " \t\u{A0}")))
    }

    /// A character a locator's value holds: digits, roman numerals and range or list punctuation.
    private static func inValue(_ c: Character) -> Bool {
        if let a = c.asciiValue { return valueBytes.contains(a) }
        return c == "–" || c == "—" || c.isNumber
    }

    private static let valueBytes = ByteSet("0123456789ivxlcdmIVXLCDM-,&.:")

    /// Each term once, by its lower-case spelling.
    private static let termIndex: [String: Label] = Dictionary(terms, uniquingKeysWith: { a, _ in a })

    /// The term `s` starts with, and its length in characters: its leading letters, with the period
    /// after them when the term has one ("pp.", "page"), or "§§", "§", "¶". A term never runs on into
    /// a letter ("pagers" has none).
    private static func term(at s: Substring) -> (Int, Label)? {
        guard let first = s.first else { return nil }
        if first == "§" || first == "¶" {
            if first == "§", s.dropFirst().first == "§" {
                return s.dropFirst(2).first?.isLetter == true ? nil : (2, .section)
            }
            return s.dropFirst().first?.isLetter == true ? nil : (1, first == "§" ? .section : .paragraph)
        }
        let letters = s.prefix(while: \.isLetter)
        guard !letters.isEmpty, letters.count <= 12 else { return nil }
        let word = letters.lowercased()
        // "p.33" and "p. 33" are pages; "p.c." is no term, as a term never runs on into a letter.
        if s.dropFirst(letters.count).first == ".", s.dropFirst(letters.count + 1).first?.isLetter != true,
           let l = termIndex[word + "."] { return (letters.count + 1, l) }
        return termIndex[word].map { (letters.count, $0) }
    }

    /// `s` without the characters of `set` at either end.
    private static func trimmed(_ s: Substring, _ set: String) -> Substring {
        var t = s
        while let c = t.first, set.contains(c) { t = t.dropFirst() }
        while let c = t.last, set.contains(c) { t = t.dropLast() }
        return t
    }

    var isPlural: Bool { value.contains(where: { "–-,&".contains($0) }) }

    /// "33", "chap. 2" (Chicago: pages have no term).
    var chicago: String {
        if label == .page { return Self.enDashes(value) }
        let (one, many) = Self.abbreviations[label] ?? (label.rawValue, label.rawValue)
        return "\(isPlural ? many : one) \(value)"
    }

    /// "p. 33", "pp. 33–35", "ch. 2" (IEEE).
    var ieee: String {
        if label == .chapter { return "ch. \(value)" }
        let (one, many) = Self.abbreviations[label] ?? (label.rawValue, label.rawValue)
        return "\(isPlural ? many : one) \(Self.enDashes(value))"
    }

    /// Hyphens in a range as en dashes ("33-35" → "33–35").
    static func enDashes(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "-")) else { return s }
        // ASCII by its bytes (Foundation's replacement cost 18,000 instructions a locator); anything
        // else through Foundation, which leaves a hyphen that carries a combining mark alone.
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return s.replacingOccurrences(of: "-", with: "–") }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for piece in s.split(separator: "-", omittingEmptySubsequences: false) {
            if !out.isEmpty || piece.startIndex != s.startIndex { out += "–" }
            out += piece
        }
        return out
    }
}
