import HashTreeCollections

/// The glossary pass of the Resolve stage: every glossary acronym in the authors' text becomes an
/// abbreviation span (HTML `<abbr title>`), and its first use in reading order is expanded as
/// "Infocomm Media Development Authority (IMDA)" unless the author already wrote it that way.
/// Headings, code, citations and generated chapters are left alone.
struct Abbreviations: Equatable {
    let glossary: Glossary
    /// Acronyms by their first word, longest first, so "NIST AI RMF" wins over "NIST".
    private let byFirstWord: [String: [Glossary.Entry]]
    /// Acronyms already expanded: the state handed from chapter to chapter.
    var expanded: TreeSet<String> = []

    /// Whether the glossary has acronyms to mark.
    var isActive: Bool { !byFirstWord.isEmpty }

    init(glossary: Glossary) {
        self.glossary = glossary
        var map: [String: [Glossary.Entry]] = [:]
        for e in glossary.acronyms {
            guard let a = e.acronym, let first = a.split(separator: " ").first else { continue }
            map[String(first), default: []].append(e)
        }
        byFirstWord = map.mapValues { $0.sorted { ($0.acronym?.count ?? 0) > ($1.acronym?.count ?? 0) } }
    }

    /// Marks one chapter's acronyms; generated chapters are left alone.
    mutating func rewrite(_ chapter: ResolvedChapter) -> ResolvedChapter {
        guard !chapter.isGenerated else { return chapter }
        var ch = chapter
        ch.blocks = ch.blocks.map { rewrite($0) }
        ch.footnotes = ch.footnotes.map { note in
            var n = note
            n.content = n.content.map { rewrite($0) }
            return n
        }
        return ch
    }

    private mutating func rewrite(_ block: Block) -> Block {
        if case .heading = block.kind { return block }
        return block.mapInlines { list in rewrite(list) }
    }

    private mutating func rewrite(_ list: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for node in list {
            guard case .text(let s) = node.kind else {
                out.append(node)
                continue
            }
            out += split(s, previous: out, range: node.range)
        }
        return out
    }

    /// Splits a text node around acronyms.
    private mutating func split(_ s: String, previous: [Inline], range: SourceRange) -> [Inline] {
        let chars = Array(s)
        var out: [Inline] = []
        var pending = ""
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while i < chars.count {
            let atWordStart = i == 0 || !isWordChar(chars[i - 1])
            guard atWordStart, chars[i].isUppercase else {
                pending.append(chars[i])
                i += 1
                continue
            }
            var j = i
            while j < chars.count, isWordChar(chars[j]) || chars[j] == "/" { j += 1 }
            let word = String(chars[i..<j])
            var matched: (Glossary.Entry, Int)?
            for e in byFirstWord[word] ?? [] {
                guard let a = e.acronym else { continue }
                let ac = Array(a)
                if i + ac.count <= chars.count, Array(chars[i..<(i + ac.count)]) == ac,
                   i + ac.count == chars.count || !isWordChar(chars[i + ac.count]) {
                    matched = (e, ac.count)
                    break
                }
            }
            guard let (entry, length) = matched, let acronym = entry.acronym else {
                pending += word
                i = j
                continue
            }
            // Only a window around the acronym matters: "…Term (ACR)" or "ACR (Term…".
            let window = entry.term.count + 8
            let earlier = pending.count >= window ? pending : (Array(previous.suffix(3)).plainText + Array(out.suffix(3)).plainText + pending)
            let before = String(earlier.suffix(window))
            let after = String(chars[(i + length)..<min(chars.count, i + length + window)])
            // "Term (ACR)" or "ACR (Term…)": the author defines it here.
            // The text has smart punctuation and the glossary as written: both are compared plainly.
            let term = SmartPunctuation.typed(entry.term).lowercased()
            let definedHere = (before.hasSuffix("(") && SmartPunctuation.typed(Self.squeeze(String(before.dropLast()))).lowercased().hasSuffix(term))
                || SmartPunctuation.typed(Self.squeeze(after)).lowercased().hasPrefix("(" + term)
            if !expanded.contains(acronym) && !definedHere {
                pending += SmartPunctuation.convert(entry.term, after: " ") + " ("
                out.append(Inline(.text(pending), range: range))
                pending = ""
                out.append(abbr(entry, range))
                pending = ")"
            } else {
                if !pending.isEmpty { out.append(Inline(.text(pending), range: range)) }
                pending = ""
                out.append(abbr(entry, range))
            }
            expanded.insert(acronym)
            i += length
        }
        if !pending.isEmpty { out.append(Inline(.text(pending), range: range)) }
        return out
    }

    private func abbr(_ e: Glossary.Entry, _ range: SourceRange) -> Inline {
        let attrs = Attributes(classes: ["abbr"], pairs: [(key: "title", value: e.term)])
        return Inline(.span(attrs, [Inline(.text(e.acronym ?? e.term), range: range)]), range: range)
    }

    static func squeeze(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\n" }).joined(separator: " ")
    }

    // MARK: Appendix

    static let id = "sec:glossary"

    /// One paragraph per entry, alphabetical: **Term** (ACR): definition.
    static func appendixBlocks(_ glossary: Glossary, range: SourceRange) -> [Block] {
        let sorted = glossary.entries.sorted { $0.term.lowercased() < $1.term.lowercased() }
        return sorted.map { e in
            var content: [Inline] = [Inline(.strong([Inline(.text(e.term), range: range)]), range: range)]
            if let a = e.acronym { content.append(Inline(.text(" (\(a))"), range: range)) }
            content.append(Inline(.text(": " + e.definition), range: range))
            return Block(.paragraph(content), range: range)
        }
    }
}
