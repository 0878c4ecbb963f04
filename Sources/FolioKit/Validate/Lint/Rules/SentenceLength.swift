/// `prose.sentence-length`: sentences longer than `max-words` (default 45) words.
struct SentenceLength: LintRule {
    let info = DiagnosticInfo(id: "prose.sentence-length", severity: .warning, category: .prose,
                            summary: "A sentence is longer than the configured maximum (45 words by default).",
                            help: "Split it; set 'options: {prose.sentence-length: {max-words: N}}' under 'lint:' to change the limit.")

    static let abbreviations: Set<String> = ["e.g.", "i.e.", "etc.", "al.", "p.", "pp.", "fig.", "figs.", "no.", "nos.", "vol.",
                                             "mr.", "ms.", "dr.", "st.", "u.s.", "u.k.", "inc.", "ltd.", "cf.", "vs.", "chap.",
                                             "sec.", "approx.", "art.", "arts.", "para.", "ed.", "eds.", "co.", "corp.", "jr.", "sr."]

    static let abbreviationBytes: Set<[UInt8]> = Set(abbreviations.map { Array($0.utf8) })

    /// Byte offsets of sentence-ending punctuation: `.`, `?` or `!` followed by a space, the line end or
    /// a closing mark, after a word or closing brackets (so "[@key]." ends a sentence), and not an abbreviation.
    static func sentenceEnds(_ line: [UInt8]) -> [Int] {
        var out: [Int] = []
        for i in 0..<line.count where line[i] == UInt8(ascii: ".") || line[i] == UInt8(ascii: "?") || line[i] == UInt8(ascii: "!") {
            let next = i + 1 < line.count ? line[i + 1] : 0x20
            guard next == 0x20 || next == 0x09 || next == LintSource.mask || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'")
                    || next == UInt8(ascii: ")") || next == UInt8(ascii: "]") || next >= 0x80 else { continue }
            if line[i] == UInt8(ascii: ".") {
                var t = i
                // The longest abbreviation is short; look back no further than 12 bytes.
                while t > 0, i - t < 12, line[t - 1] != 0x20 { t -= 1 }
                // The token up to the dot, lower-cased, without opening brackets or quotes.
                var token: [UInt8] = []
                for byte in line[t...i] {
                    if token.isEmpty, "(\"'[".utf8.contains(byte) { continue }
                    token.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
                }
                let initial = token.count == 2 && ((token[0] >= 0x61 && token[0] <= 0x7A))
                if Self.abbreviationBytes.contains(token) || initial || token == [UInt8(ascii: ".")] { continue }
            }
            out.append(i)
        }
        return out
    }

    func check(_ context: LintContext) -> [Diagnostic] {
        let limit = context.option(info.id, "max-words", default: 45)
        var out: [Diagnostic] = []
        for src in context.sources {
            var count = 0
            var start: SourceLocation?
            func end() {
                if count > limit, let start {
                    out.append(finding("sentence of \(count) words (the limit is \(limit))", at: start, length: 1,
                                       notes: ["split it into shorter sentences"]))
                }
                count = 0
                start = nil
            }
            for (n, line) in src.prose.enumerated() {
                let fullyMasked = line.allSatisfy { $0 == 0x20 || $0 == LintSource.mask || $0 == 0x09 }
                if src.blockStarts.contains(n + 1) || fullyMasked { end() }
                var ends = Self.sentenceEnds(line)[...]
                for w in src.words[n] {
                    while let e = ends.first, e < w.start {
                        ends.removeFirst()
                        end()
                    }
                    guard line[w.start..<w.end].contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) }) else { continue }
                    if start == nil { start = src.location(line: n + 1, column: w.start + 1) }
                    count += 1
                }
                if !ends.isEmpty { end() }
            }
            end()
        }
        return out
    }
}

import Foundation
