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
}
