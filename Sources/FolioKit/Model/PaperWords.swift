/// Every word Folio writes into a paper, by the paper's language: the names of floats and callouts
/// that cross-references and captions use ("Figure", "Tables"...), and the fixed phrases of headings,
/// labels, lists, back-links and the generated appendices ("Contents", "Chapter {}", "Cited in"...).
/// Built in for English, Malay and Chinese; another language falls back to English with one warning
/// (`manifest.lang-words`). The manifest overrides any of them: `crossref: words:` for the names,
/// `words:` for the phrases.
public struct PaperWords: Sendable, Hashable {
    /// A fixed phrase; `{}` in it stands for a number, a name or a title.
    public enum Phrase: String, Sendable, Hashable, CaseIterable {
        case contents, abstract, version
        case listOf = "list-of", partLabel = "part-label", chapterLabel = "chapter-label", appendixLabel = "appendix-label"
        case citedIn = "cited-in", references, glossary
        case coverage, coverageIntro = "coverage-intro", coverageVersion = "coverage-version", coverageSource = "coverage-source"
        case coverageExplain = "coverage-explain", coverageItem = "coverage-item", coverageSide = "coverage-side"
        case coverageStatus = "coverage-status", coverageWhere = "coverage-where", coverageEvidence = "coverage-evidence"
        case coverageWords = "coverage-words", coverageSource1 = "coverage-source-1", coverageSources = "coverage-sources"
        case coverageSummary = "coverage-summary"
        case draft, preview = "pull-request-preview", commit, allVersions = "all-versions", pdf, builtOn = "built-on", latest, status = "chapter-status", changes = "changes-since"
        case demand, supply, both, covered, partial, notCovered = "not-covered"
    }

    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case part, chapter, appendix, section, figure, table, equation, listing
        case note, tip, important, warning, caution
    }

    /// Singular and plural for each kind.
    public var words: [Kind: (String, String)]
    /// The word joining the last two items of a list ("Figures 1 and 2").
    public var and: String = "and"
    /// The fixed phrases.
    public var phrases: [Phrase: String] = [:]

    public static func == (a: PaperWords, b: PaperWords) -> Bool {
        a.and == b.and && a.phrases == b.phrases
            && Kind.allCases.allSatisfy { a.words[$0]?.0 == b.words[$0]?.0 && a.words[$0]?.1 == b.words[$0]?.1 }
    }

    public func hash(into hasher: inout Hasher) {
        for k in Kind.allCases { hasher.combine(words[k]?.0); hasher.combine(words[k]?.1) }
        hasher.combine(phrases)
    }

    /// A phrase, each `{}` in it replaced by the next of `values`.
    public func phrase(_ p: Phrase, _ values: String...) -> String {
        var rest = Substring(phrases[p] ?? Self.englishPhrases[p] ?? p.rawValue)
        var out = ""
        for value in values {
            guard let slot = Self.slot(in: rest) else { break }
            out += rest[..<slot.lowerBound] + value
            rest = rest[slot.upperBound...]
        }
        return out + rest
    }

    /// Where the first `{}` is.
    private static func slot(in text: Substring) -> Range<String.Index>? {
        var from = text.startIndex
        while let open = text[from...].firstIndex(of: "{") {
            let next = text.index(after: open)
            if next < text.endIndex, text[next] == "}" { return open..<text.index(after: next) }
            from = next
        }
        return nil
    }

    public func singular(_ kind: Kind) -> String { words[kind]?.0 ?? kind.rawValue.initialCapital }
    public func plural(_ kind: Kind) -> String { words[kind]?.1 ?? kind.rawValue.initialCapital + "s" }

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

    static let englishPhrases: [Phrase: String] = [
        .contents: "Contents", .abstract: "Abstract", .version: "Version {}", .listOf: "List of {}",
        .partLabel: "Part {}", .chapterLabel: "Chapter {}", .appendixLabel: "Appendix {}", .citedIn: "Cited in",
        .references: "References", .glossary: "Glossary and abbreviations", .coverage: "Governance checklist coverage",
        .coverageIntro: "This appendix is generated from the paper's governance checklist, {}.",
        .coverageVersion: "version {}", .coverageSource: "It follows {}.",
        .coverageExplain: "Each item lists the sections that claim it and the evidence found there: words, distinct sources cited, and any rule not yet met.",
        .coverageItem: "Item", .coverageSide: "Side", .coverageStatus: "Status", .coverageWhere: "Covered in",
        .coverageEvidence: "Evidence", .coverageWords: "{} words", .coverageSource1: "{} source", .coverageSources: "{} sources",
        .coverageSummary: "{} side: {} covered.", .demand: "Demand", .supply: "Supply", .both: "Both", .covered: "Covered", .partial: "Partially covered",
        .notCovered: "Not covered",
        .draft: "Draft", .preview: "Preview of pull request #{}", .commit: "commit {}", .allVersions: "All versions",
        .pdf: "PDF", .builtOn: "built {}", .latest: "latest", .status: "chapter status", .changes: "changes since the previous version",
    ]

    static let malayPhrases: [Phrase: String] = [
        .contents: "Kandungan", .abstract: "Abstrak", .version: "Versi {}", .listOf: "Senarai {}",
        .partLabel: "Bahagian {}", .chapterLabel: "Bab {}", .appendixLabel: "Lampiran {}", .citedIn: "Dipetik dalam",
        .references: "Rujukan", .glossary: "Glosari dan singkatan", .coverage: "Liputan senarai semak tadbir urus",
        .coverageIntro: "Lampiran ini dijana daripada senarai semak tadbir urus kertas ini, {}.",
        .coverageVersion: "versi {}", .coverageSource: "Ia berdasarkan {}.",
        .coverageExplain: "Setiap perkara menyenaraikan seksyen yang menuntutnya dan bukti yang ditemui di sana: bilangan perkataan, sumber berbeza yang dipetik, dan sebarang peraturan yang belum dipenuhi.",
        .coverageItem: "Perkara", .coverageSide: "Pihak", .coverageStatus: "Status", .coverageWhere: "Diliputi dalam",
        .coverageEvidence: "Bukti", .coverageWords: "{} perkataan", .coverageSource1: "{} sumber", .coverageSources: "{} sumber",
        .coverageSummary: "Pihak {}: {} diliputi.", .demand: "Permintaan", .supply: "Penawaran", .both: "Kedua-dua", .covered: "Diliputi",
        .partial: "Diliputi sebahagian", .notCovered: "Tidak diliputi",
        .draft: "Draf", .preview: "Pratonton permintaan tarik #{}", .commit: "komit {}", .allVersions: "Semua versi",
        .pdf: "PDF", .builtOn: "dibina {}", .latest: "terkini", .status: "status bab", .changes: "perubahan sejak versi sebelumnya",
    ]

    static let chinesePhrases: [Phrase: String] = [
        .contents: "目录", .abstract: "摘要", .version: "版本 {}", .listOf: "{}目录",
        .partLabel: "第{}部分", .chapterLabel: "第{}章", .appendixLabel: "附录{}", .citedIn: "引用于",
        .references: "参考文献", .glossary: "术语和缩略语", .coverage: "治理清单覆盖情况",
        .coverageIntro: "本附录根据本文的治理清单{}生成。",
        .coverageVersion: "版本 {}", .coverageSource: "该清单依据{}。",
        .coverageExplain: "每个条目列出声明覆盖它的章节及其中找到的证据：字数、引用的不同来源，以及尚未满足的规则。",
        .coverageItem: "条目", .coverageSide: "方面", .coverageStatus: "状态", .coverageWhere: "覆盖章节",
        .coverageEvidence: "证据", .coverageWords: "{} 词", .coverageSource1: "{} 个来源", .coverageSources: "{} 个来源",
        .coverageSummary: "{}方：已覆盖 {}。", .demand: "需求", .supply: "供给", .both: "双方", .covered: "已覆盖", .partial: "部分覆盖",
        .notCovered: "未覆盖",
        .draft: "草稿", .preview: "拉取请求 #{} 预览", .commit: "提交 {}", .allVersions: "所有版本",
        .pdf: "PDF", .builtOn: "构建于 {}", .latest: "最新", .status: "章节状态", .changes: "自上一版本以来的更改",
    ]

    /// The languages with built-in words, by primary subtag.
    public static let languages = ["en", "ms", "zh"]

    /// Built-in words for a BCP 47 tag (English, Malay and Chinese), English otherwise.
    public static func builtIn(for lang: String) -> PaperWords {
        let primary = lang.split(separator: "-").first.map { $0.lowercased() } ?? "en"
        switch primary {
        case "ms": return PaperWords(words: malay, and: "dan", phrases: malayPhrases)
        case "zh": return PaperWords(words: chinese, and: "和", phrases: chinesePhrases)
        default: return PaperWords(words: english, and: "and", phrases: englishPhrases)
        }
    }

    /// Whether `lang` has built-in words.
    public static func isBuiltIn(_ lang: String) -> Bool {
        languages.contains(lang.split(separator: "-").first.map { $0.lowercased() } ?? "")
    }
}
