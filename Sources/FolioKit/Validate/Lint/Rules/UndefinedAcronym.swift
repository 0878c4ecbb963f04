/// `terms.undefined-acronym`: an acronym ("the XQZW") that the glossary does not list and the text
/// never expands, so a reader from another organisation cannot tell what it stands for.
///
/// An expansion is "Term (ACR)" or "ACR (Term)" anywhere in the paper. Words in code, links' targets,
/// math and citation keys are never read (the prose mask); the paper's own names (title, authors,
/// affiliations, parts, keywords, checklist ids), Roman numerals, RFC 2119 keywords and TODO markers (`prose.todo`) are known;
/// the rule's `allow` option adds more ("AI, UK, OECD").
struct UndefinedAcronym: LintRule {
    let info = DiagnosticInfo(id: "terms.undefined-acronym", severity: .warning, category: .terminology,
                            summary: "An acronym is neither in the glossary nor expanded anywhere in the text.",
                            help: "Expand it at its first use, as \"Full Name (ACR)\", or add it to glossary.yaml; "
                                + "list acronyms every reader knows under the rule's 'allow' option.")

    static let keywords: Set<String> = ["MUST", "SHALL", "SHOULD", "MAY", "NOT", "REQUIRED", "RECOMMENDED", "OPTIONAL"]

    func check(_ context: LintContext) -> [Diagnostic] {
        var known = Self.keywords.union(TodoMarker.markers).union(names(context))
        for part in (context.config.options[info.id]?["allow"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }) {
            known.insert(String(part))
        }
        // Glossary acronyms may be several words ("NIST AI RMF", "ISO/IEC"): each word is defined.
        for e in context.glossary?.entries ?? [] {
            for w in ((e.acronym ?? "") + " " + e.term).split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                known.insert(String(w))
            }
        }
        // Every candidate in reading order, then the ones the text expands.
        var uses: [(acronym: String, source: LintSource, line: Int, start: Int)] = []
        var counts: [String: Int] = [:]
        var defined: Set<String> = []
        for src in context.sources {
            for (n, line) in src.prose.enumerated() {
                for w in src.words[n] {
                    // A GitHub alert's marker ("> [!TIP]") is syntax, not prose.
                    if w.start >= 2, line[w.start - 1] == UInt8(ascii: "!"), line[w.start - 2] == UInt8(ascii: "[") { continue }
                    for (acronym, start, end) in Self.candidates(line, w) where !known.contains(acronym) {
                        if Self.isExpansion(line, start, end) { defined.insert(acronym) }
                        counts[acronym, default: 0] += 1
                        if counts[acronym] == 1 { uses.append((acronym, src, n + 1, start)) }
                    }
                }
            }
        }
        return uses.filter { !defined.contains($0.acronym) }.map { use in
            let n = counts[use.acronym] ?? 1
            return finding("\(use.acronym) is not in the glossary and is never expanded in the text",
                           at: use.source.location(line: use.line, column: use.start + 1), length: use.acronym.utf8.count,
                           notes: [.init("write \"Full Name (\(use.acronym))\" here" + (n > 1 ? " (it is used \(n) times)" : "")
                                         + ", add it to the glossary, or allow it under options: terms.undefined-acronym: allow")])
        }
    }

    /// Words the paper's own metadata uses: they are names, not jargon.
    private func names(_ context: LintContext) -> Set<String> {
        let m = context.paper.manifest
        var texts = [m.title, m.subtitle ?? "", m.subject ?? ""] + m.keywords + m.parts.map(\.title)
        for a in m.authors { texts += [a.name] + a.affiliations }
        var out: Set<String> = []
        for t in texts { for w in t.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) { out.insert(String(w)) } }
        for item in context.paper.coverage?.checklist.items ?? [] {
            out.insert(String(item.id.prefix(while: { $0.isLetter })))
        }
        return out
    }

    /// The acronyms in one word: each hyphen-separated part of two or more capitals (digits allowed
    /// after the first letter, a plural "s" dropped), skipping identifiers such as "DS-3".
    static func candidates(_ line: [UInt8], _ w: ProseWords.Word) -> [(String, Int, Int)] {
        let isUpper: (UInt8) -> Bool = { $0 >= 0x41 && $0 <= 0x5A }
        let isDigit: (UInt8) -> Bool = { $0 >= 0x30 && $0 <= 0x39 }
        // Most words have fewer than two capitals, and so no acronym.
        var capitals = 0
        for i in w.start..<w.end where isUpper(line[i]) {
            capitals += 1
            if capitals == 2 { break }
        }
        guard capitals == 2 else { return [] }
        var parts: [(Int, Int)] = []
        var s = w.start
        for i in w.start...w.end where i == w.end || line[i] == UInt8(ascii: "-") {
            parts.append((s, i))
            s = i + 1
        }
        // "DS-3", "ISO-27001": an identifier with a number, not an acronym to expand.
        if parts.count > 1, parts.contains(where: { p in p.0 < p.1 && (p.0..<p.1).allSatisfy { isDigit(line[$0]) } }) { return [] }
        var out: [(String, Int, Int)] = []
        for (a, b) in parts where b - a >= 2 && b - a <= 12 {
            var end = b
            if line[end - 1] == UInt8(ascii: "s"), end - a >= 3 { end -= 1 }
            let bytes = line[a..<end]
            guard let first = bytes.first, isUpper(first), bytes.allSatisfy({ isUpper($0) || isDigit($0) }),
                  bytes.filter(isUpper).count >= 2 else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            if RomanNumeral.isNumeral(text) { continue }
            out.append((text, a, end))
        }
        return out
    }

    /// "(ACR)" or "(AI ACR)" after a name, or "ACR (" before one.
    static func isExpansion(_ line: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var k = start
        while k > 0, start - k < 16, line[k - 1] == 0x20 || (line[k - 1] >= 0x41 && line[k - 1] <= 0x5A) { k -= 1 }
        let openBefore = k > 0 && line[k - 1] == UInt8(ascii: "(")
        var close = end
        if close < line.count, line[close] == UInt8(ascii: "s") { close += 1 }
        var j = close
        while j < line.count, j - close < 16, line[j] == 0x20 || (line[j] >= 0x41 && line[j] <= 0x5A) { j += 1 }
        let closeAfter = j < line.count && line[j] == UInt8(ascii: ")")
        if openBefore && closeAfter { return true }
        return close + 1 < line.count && line[close] == 0x20 && line[close + 1] == UInt8(ascii: "(")
    }
}
