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

    /// Every whole-word occurrence of each acronym (case-sensitive) in every source, found in one
    /// pass (`TermIndex`), indexed like `entries`.
    static func acronyms(_ entries: [(acronym: String, term: String)], in sources: [LintSource]) -> [[Hit]] {
        let found = TermIndex(entries.map(\.acronym), caseInsensitive: false).occurrences(in: sources)
        return zip(entries, found).map { entry, hits in
            hits.map { h in
                let src = sources[h.source], n = h.line - 1, line = src.prose[n]
                let (start, end) = (h.start, h.end)
                // Bounded windows: the term before "(ACR)" (possibly ending the previous line) or after "ACR (".
                let window = entry.term.utf8.count + 8
                let previousLine = n > 0 ? String(decoding: src.lines[n - 1].suffix(window), as: UTF8.self) + " " : ""
                let text = String((previousLine + String(decoding: line[max(0, start - window)..<start], as: UTF8.self)).suffix(window + 2))
                let after = String(decoding: line[end..<min(line.count, end + window)], as: UTF8.self)
                let lowTerm = entry.term.lowercased()
                // "Term (ACR)" or "ACR (Term".
                let defined = (text.hasSuffix("(") && normalise(String(text.dropLast())).lowercased().hasSuffix(lowTerm)
                               && after.hasPrefix(")"))
                    || normalise(after).lowercased().hasPrefix("(" + lowTerm)
                return Hit(source: src, line: h.line, start: start, end: end, isDefinition: defined)
            }
        }
    }

    static func acronymEntries(_ glossary: Glossary) -> [(acronym: String, term: String)] {
        glossary.acronyms.compactMap { e in e.acronym.map { ($0, e.term) } }
    }

    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\t" }).joined(separator: " ")
            .trimmingWhitespace()
    }
}

/// `terms.acronym-before-definition`: an acronym is used before the text defines it ("Term (ACR)").
struct AcronymBeforeDefinition: LintRule {
    let info = DiagnosticInfo(id: "terms.acronym-before-definition", severity: .warning, category: .terminology,
                            summary: "An acronym is used before the text defines it.",
                            help: "Move the definition \"Term (ACR)\" to the first use, or drop it: Folio expands glossary acronyms at their first use.")

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let glossary = context.glossary else { return [] }
        var out: [Diagnostic] = []
        let entries = TermOccurrences.acronymEntries(glossary)
        for (entry, hits) in zip(entries, TermOccurrences.acronyms(entries, in: context.sources)) {
            let acronym = entry.acronym
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
    let info = DiagnosticInfo(id: "terms.acronym-defined-twice", severity: .warning, category: .terminology,
                            summary: "An acronym is defined more than once.",
                            help: "Keep the definition at the first use and write the acronym alone after it.")

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let glossary = context.glossary else { return [] }
        var out: [Diagnostic] = []
        let entries = TermOccurrences.acronymEntries(glossary)
        for (entry, hits) in zip(entries, TermOccurrences.acronyms(entries, in: context.sources)) {
            let acronym = entry.acronym
            let defs = hits.filter(\.isDefinition)
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
    let info = DiagnosticInfo(id: "terms.discouraged", severity: .warning, category: .terminology,
                            summary: "A term the glossary discourages is used.",
                            help: "Use the glossary's preferred form; `folio lint --fix` replaces it.", fixable: true)

    func check(_ context: LintContext) -> [Diagnostic] {
        guard let glossary = context.glossary else { return [] }
        var out: [Diagnostic] = []
        // Each discouraged variant, singular and plural, with the form that replaces it: found in one pass.
        var needles: [(text: String, replacement: String)] = []
        for entry in glossary.entries where !entry.discouraged.isEmpty {
            let preferred = entry.preferred ?? entry.term
            for variant in entry.discouraged {
                needles.append((variant, preferred))
                needles.append((variant + "s", preferred + "s"))
            }
        }
        let found = TermIndex(needles.map(\.text), caseInsensitive: true).occurrences(in: context.sources)
        for (needle, hits) in zip(needles, found) {
            for h in hits {
                let src = context.sources[h.source]
                let original = String(decoding: src.prose[h.line - 1][h.start..<h.end], as: UTF8.self)
                let replacement = SpellingVariant.matchCase(needle.replacement, like: original)
                out.append(finding("'\(original)': the glossary prefers '\(replacement)'",
                                   at: src.location(line: h.line, column: h.start + 1), length: h.end - h.start,
                                   fix: TextEdit(file: src.path, line: h.line, column: h.start + 1,
                                                 length: h.end - h.start, replacement: replacement)))
            }
        }
        return out
    }
}

import Foundation
