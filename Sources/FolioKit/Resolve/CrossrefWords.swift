/// The words cross-references and captions use ("Figure", "Tables"...), by the paper's language,
/// with the manifest's `crossref: words:` overriding them.
public struct CrossrefWords: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case part, chapter, appendix, section, figure, table, equation, listing
        case note, tip, important, warning, caution
    }

    /// Singular and plural for each kind.
    public var words: [Kind: (String, String)]
    /// The word joining the last two items of a list ("Figures 1 and 2").
    public var and: String = "and"

    public static func == (a: CrossrefWords, b: CrossrefWords) -> Bool {
        a.and == b.and && Kind.allCases.allSatisfy { a.words[$0]?.0 == b.words[$0]?.0 && a.words[$0]?.1 == b.words[$0]?.1 }
    }

    public func hash(into hasher: inout Hasher) {
        for k in Kind.allCases { hasher.combine(words[k]?.0); hasher.combine(words[k]?.1) }
    }

    public func singular(_ kind: Kind) -> String { words[kind]?.0 ?? kind.rawValue.capitalized }
    public func plural(_ kind: Kind) -> String { words[kind]?.1 ?? kind.rawValue.capitalized + "s" }

    static let english: [Kind: (String, String)] = [
        .part: ("Part", "Parts"), .chapter: ("Chapter", "Chapters"), .appendix: ("Appendix", "Appendices"),
        .section: ("Section", "Sections"), .figure: ("Figure", "Figures"), .table: ("Table", "Tables"),
        .equation: ("Equation", "Equations"), .listing: ("Listing", "Listings"), .note: ("Note", "Notes"),
        .tip: ("Tip", "Tips"), .important: ("Important", "Important"), .warning: ("Warning", "Warnings"),
        .caution: ("Caution", "Cautions"),
    ]

    static let malay: [Kind: (String, String)] = [
        .part: ("Bahagian", "Bahagian"), .chapter: ("Bab", "Bab"), .appendix: ("Lampiran", "Lampiran"),
        .section: ("Seksyen", "Seksyen"), .figure: ("Rajah", "Rajah"), .table: ("Jadual", "Jadual"),
        .equation: ("Persamaan", "Persamaan"), .listing: ("Senarai", "Senarai"), .note: ("Nota", "Nota"),
        .tip: ("Petua", "Petua"), .important: ("Penting", "Penting"), .warning: ("Amaran", "Amaran"),
        .caution: ("Awas", "Awas"),
    ]

    static let chinese: [Kind: (String, String)] = [
        .part: ("部分", "部分"), .chapter: ("章", "章"), .appendix: ("附录", "附录"), .section: ("节", "节"),
        .figure: ("图", "图"), .table: ("表", "表"), .equation: ("公式", "公式"), .listing: ("代码", "代码"),
        .note: ("注", "注"), .tip: ("提示", "提示"), .important: ("重要", "重要"), .warning: ("警告", "警告"),
        .caution: ("注意", "注意"),
    ]

    /// Built-in words for a BCP 47 tag (English, Malay and Chinese), English otherwise.
    public static func builtIn(for lang: String) -> CrossrefWords {
        let primary = lang.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        switch primary {
        case "ms": return CrossrefWords(words: malay, and: "dan")
        case "zh": return CrossrefWords(words: chinese, and: "和")
        default: return CrossrefWords(words: english, and: "and")
        }
    }
}
