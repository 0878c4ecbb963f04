/// `prose.bare-url`: a URL written in the running text instead of as a link.
struct BareURL: LintRule {
    let info = DiagnosticInfo(id: "prose.bare-url", severity: .warning, category: .prose,
                            summary: "A bare URL in prose.",
                            help: "Write it as a link, [the NIST AI RMF](https://…), or cite the source from the bibliography.")

    func check(_ context: LintContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let schemes = [Array("https://".utf8), Array("http://".utf8), Array("www.".utf8)]
        for src in context.sources {
            for (n, line) in src.prose.enumerated() {
                // A link reference definition ("[nist]: https://…") is where a URL belongs.
                if n < src.lines.count, Self.isLinkDefinition(src.lines[n]) { continue }
                var i = 0
                var lastOpen = -1, lastClose = -1
                while i < line.count {
                    let c = line[i]
                    if c == UInt8(ascii: "[") { lastOpen = i }
                    if c == UInt8(ascii: "]") { lastClose = i }
                    guard c == UInt8(ascii: "h") || c == UInt8(ascii: "w"), let scheme = schemes.first(where: { s in i + s.count <= line.count && line[i..<(i + s.count)].elementsEqual(s) }),
                          i == 0 || !ProseWords.isWordByte(line[i - 1]) else { i += 1; continue }
                    var j = i + scheme.count
                    while j < line.count, line[j] != 0x20, line[j] != LintSource.mask, line[j] != UInt8(ascii: ")") { j += 1 }
                    // Inside [text](…) the text may name the URL; only text outside link brackets counts.
                    let inLinkText = lastOpen > lastClose
                    if !inLinkText {
                        out.append(finding("bare URL in prose", at: src.location(line: n + 1, column: i + 1), length: j - i))
                    }
                    i = j
                }
            }
        }
        return out
    }

    /// `[label]: destination`, indented at most three spaces (CommonMark's link reference definition).
    static func isLinkDefinition(_ line: [UInt8]) -> Bool {
        var i = 0
        while i < line.count, i < 4, line[i] == 0x20 { i += 1 }
        guard i < 4, i < line.count, line[i] == UInt8(ascii: "["), i + 1 < line.count, line[i + 1] != UInt8(ascii: "^") else { return false }
        var j = i + 1
        while j < line.count, line[j] != UInt8(ascii: "]") {
            if line[j] == UInt8(ascii: "\\") { j += 1 }
            j += 1
        }
        return j > i + 1 && j + 1 < line.count && line[j + 1] == UInt8(ascii: ":")
    }
}
