/// Where glossary terms occur in the prose, in reading order: shared by the terminology rules.
struct TermOccurrences {
    struct Hit {
        var source: LintSource
        var line: Int
        var start: Int
        var end: Int
        /// `Term (ACR)` or `ACR (Term)`: the acronym's definition.
        var isDefinition: Bool
    }

    /// Every whole-word occurrence of `acronym` (case-sensitive) in every source.
    static func acronym(_ acronym: String, term: String, in sources: [LintSource]) -> [Hit] {
        let needle = Array(acronym.utf8)
        var hits: [Hit] = []
        for src in sources {
            for (n, line) in src.prose.enumerated() {
                for start in positions(of: needle, in: line, caseInsensitive: false) {
                    let end = start + needle.count
                    // Bounded windows: the term before "(ACR)" (possibly ending the previous line) or after "ACR (".
                    let window = term.utf8.count + 8
                    let previousLine = n > 0 ? String(decoding: src.lines[n - 1].suffix(window), as: UTF8.self) + " " : ""
                    let text = String((previousLine + String(decoding: line[max(0, start - window)..<start], as: UTF8.self)).suffix(window + 2))
                    let after = String(decoding: line[end..<min(line.count, end + window)], as: UTF8.self)
                    let lowTerm = term.lowercased()
                    // "Term (ACR)" or "ACR (Term".
                    let defined = (text.hasSuffix("(") && normalise(String(text.dropLast())).lowercased().hasSuffix(lowTerm)
                                   && after.hasPrefix(")"))
                        || normalise(after).lowercased().hasPrefix("(" + lowTerm)
                    hits.append(Hit(source: src, line: n + 1, start: start, end: end, isDefinition: defined))
                }
            }
        }
        return hits
    }

    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" }).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// Starts of whole-word matches of `needle` in a prose line.
    static func positions(of needle: [UInt8], in line: [UInt8], caseInsensitive: Bool) -> [Int] {
        guard !needle.isEmpty, line.count >= needle.count else { return [] }
        func lower(_ b: UInt8) -> UInt8 { caseInsensitive && b >= 0x41 && b <= 0x5A ? b + 32 : b }
        var out: [Int] = []
        var i = 0
        let first = lower(needle[0])
        while i <= line.count - needle.count {
            if lower(line[i]) == first, (i == 0 || !ProseWords.isWordByte(line[i - 1])) {
                var k = 1
                while k < needle.count, lower(line[i + k]) == lower(needle[k]) { k += 1 }
                if k == needle.count, i + k == line.count || !ProseWords.isWordByte(line[i + k]) {
                    out.append(i)
                    i += k
                    continue
                }
            }
            i += 1
        }
        return out
    }
}

/// `terms.acronym-before-definition`: an acronym is used before the text defines it ("Term (ACR)").
struct AcronymBeforeDefinition: LintRule {
    let info = LintRuleInfo(id: "terms.acronym-before-definition", severity: .warning, category: .terminology,
                            summary: "An acronym is used before the text defines it.",
                            help: "Move the definition \"Term (ACR)\" to the first use, or drop it: Folio expands glossary acronyms at their first use.")

    func check(_ context: LintContext) -> [LintFinding] {
        guard let glossary = context.glossary else { return [] }
        var out: [LintFinding] = []
        for entry in glossary.acronyms {
            guard let acronym = entry.acronym else { continue }
            let hits = TermOccurrences.acronym(acronym, term: entry.term, in: context.sources)
            guard let def = hits.firstIndex(where: \.isDefinition), def > 0, let first = hits.first else { continue }
            let d = hits[def]
            out.append(finding("\(acronym) is used before its definition at \(d.source.path):\(d.line)",
                               at: first.source.location(line: first.line, column: first.start + 1), length: acronym.utf8.count,
                               notes: ["define it here as \"\(entry.term) (\(acronym))\", or remove the later definition"]))
        }
        return out
    }
}

/// `terms.acronym-defined-twice`: the text defines the same acronym more than once.
struct AcronymDefinedTwice: LintRule {
    let info = LintRuleInfo(id: "terms.acronym-defined-twice", severity: .warning, category: .terminology,
                            summary: "An acronym is defined more than once.",
                            help: "Keep the definition at the first use and write the acronym alone after it.")

    func check(_ context: LintContext) -> [LintFinding] {
        guard let glossary = context.glossary else { return [] }
        var out: [LintFinding] = []
        for entry in glossary.acronyms {
            guard let acronym = entry.acronym else { continue }
            let defs = TermOccurrences.acronym(acronym, term: entry.term, in: context.sources).filter(\.isDefinition)
            guard let first = defs.first else { continue }
            for d in defs.dropFirst() {
                out.append(finding("\(acronym) is defined again (first at \(first.source.path):\(first.line))",
                                   at: d.source.location(line: d.line, column: d.start + 1), length: acronym.utf8.count))
            }
        }
        return out
    }
}

/// `terms.discouraged`: a variant the glossary discourages, where it prefers another form.
struct DiscouragedTerm: LintRule {
    let info = LintRuleInfo(id: "terms.discouraged", severity: .warning, category: .terminology,
                            summary: "A term the glossary discourages is used.",
                            help: "Use the glossary's preferred form; `folio lint --fix` replaces it.", fixable: true)

    func check(_ context: LintContext) -> [LintFinding] {
        guard let glossary = context.glossary else { return [] }
        var out: [LintFinding] = []
        for entry in glossary.entries where !entry.discouraged.isEmpty {
            let preferred = entry.preferred ?? entry.term
            for variant in entry.discouraged {
                for plural in [false, true] {
                    let needle = Array((variant + (plural ? "s" : "")).utf8)
                    for src in context.sources {
                        for (n, line) in src.prose.enumerated() {
                            for start in TermOccurrences.positions(of: needle, in: line, caseInsensitive: true) {
                                let original = String(decoding: line[start..<(start + needle.count)], as: UTF8.self)
                                let replacement = SpellingVariant.matchCase(preferred + (plural ? "s" : ""), like: original)
                                out.append(finding("'\(original)': the glossary prefers '\(replacement)'",
                                                   at: src.location(line: n + 1, column: start + 1), length: needle.count,
                                                   fix: TextEdit(file: src.path, line: n + 1, column: start + 1,
                                                                 length: needle.count, replacement: replacement)))
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}

import Foundation
