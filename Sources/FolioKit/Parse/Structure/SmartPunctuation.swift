import Foundation

/// pandoc's `smart` extension, applied to the parsed text: `--` is an en dash, `---` an em dash,
/// `...` an ellipsis, and straight quotes become curly ones. It runs after every attribute block has
/// been read, and leaves alone what is not prose: code, math, raw content, URLs and any `{…}`
/// that still parses as attributes (a caption's `{#fig:x width="50%"}` is read later, in Resolve).
enum SmartPunctuation {
    /// Whether `text` has anything to change, so most chapters' lists are not rebuilt.
    static func mayChange(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var k = 0
            while case let at = candidates.firstIndex(in: bytes, from: k, to: bytes.count), at < bytes.count {
                if changes(bytes[at], after: at > 0 ? bytes[at - 1] : 0) { return true }
                k = at + 1
            }
            return false
        }
    }

    /// A quote, or the second of `--` or `..`: the bytes this pass may rewrite.
    private static func changes(_ b: UInt8, after previous: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."): previous == b
        default: false
        }
    }

    /// The lines of `text` (numbered from `firstLine`) that hold something to change. Bytes that can
    /// change nothing are skipped at once, and so is the rest of a line once it is known to change.
    static func changingLines(_ text: String, firstLine: Int) -> Set<Int> {
        var lines: Set<Int> = []
        var copy = text
        copy.withUTF8 { bytes in
            var line = firstLine
            var k = 0
            while k < bytes.count {
                k = candidates.firstIndex(in: bytes, from: k, to: bytes.count)
                guard k < bytes.count else { break }
                let b = bytes[k]
                if b == 0x0A {
                    line += 1
                    k += 1
                } else if changes(b, after: k > 0 ? bytes[k - 1] : 0) {
                    lines.insert(line)
                    k = bytes.firstIndex(of: 0x0A, from: k)
                } else {
                    k += 1
                }
            }
        }
        return lines
    }

    /// A line break, and the bytes `changes` may accept.
    private static let candidates = ByteSet("\n\"'-.")

    /// `doc` with its text made typographic; only blocks on `lines` (from `changingLines`) are
    /// rebuilt, as most blocks of most chapters have nothing to change.
    static func document(_ doc: MarkdownDocument, lines: Set<Int>) -> MarkdownDocument {
        func touched(_ b: Block) -> Bool {
            let (start, end) = (b.range.start.line, max(b.range.start.line, b.range.endLine))
            return end - start > 64 ? true : (start...end).contains { lines.contains($0) }
        }
        let notes = doc.footnotes.map { $0.mapInlines(list) }
        let blocks = doc.blocks.map { touched($0) ? $0.mapInlines(list) : $0 }
        var out = MarkdownDocument(file: doc.file, blocks: blocks, footnotes: notes)
        out.reviewMarks = doc.reviewMarks
        return out
    }

    /// Escaped quotes (`\"`, `\'`) reach this pass as these private-use markers, which it leaves as
    /// they are; `restoreStraightQuotes` then makes them straight quotes again.
    static let straightQuote = "\u{E000}", straightApostrophe = "\u{E001}"

    /// `doc` with every escaped-quote marker back to the straight quote the author escaped.
    static func restoreStraightQuotes(_ doc: MarkdownDocument) -> MarkdownDocument {
        func restore(_ list: [Inline]) -> [Inline] {
            list.map { node in
                // U+E000 and U+E001 both begin with the byte EE in UTF-8.
                guard case .text(let s) = node.kind, s.containsByte(0xEE),
                      s.unicodeScalars.contains(where: { $0.value == 0xE000 || $0.value == 0xE001 }) else { return node }
                var n = node
                n.kind = .text(s.replacingOccurrences(of: straightQuote, with: "\"").replacingOccurrences(of: straightApostrophe, with: "'"))
                return n
            }
        }
        var out = MarkdownDocument(file: doc.file, blocks: doc.blocks.map { $0.mapInlines(restore) },
                                   footnotes: doc.footnotes.map { $0.mapInlines(restore) })
        out.reviewMarks = doc.reviewMarks
        return out
    }

    /// One inline list: each text node is read with the last character before it, so a quote after
    /// emphasis closes and a quote before it opens.
    static func list(_ inlines: [Inline]) -> [Inline] {
        // Copied only once a node changes: most lists have nothing to change.
        var out: [Inline]?
        for i in inlines.indices {
            guard case .text(let s) = inlines[i].kind, mayChange(s) else { continue }
            if out == nil { out = inlines }
            // The character before: the end of the nearest node before this one that has one.
            var before: Character?
            var j = i
            while before == nil, j > 0 {
                j -= 1
                before = lastCharacter(out?[j] ?? inlines[j])
            }
            out?[i].kind = .text(convert(s, after: before))
        }
        return out ?? inlines
    }

    /// Where a URL starts (`https://`, `www.`, `mailto:`): it runs to the next space and keeps its
    /// characters, in an autolink's text as in running text.
    private static let urlStarts: [[Character]] = ["http://", "https://", "ftp://", "www.", "mailto:"].map(Array.init)

    private static func urlLength(_ chars: [Character], at i: Int) -> Int? {
        guard i == 0 || !chars[i - 1].isLetter,
              urlStarts.contains(where: { start in i + start.count <= chars.count && chars[i..<(i + start.count)].elementsEqual(start) })
        else { return nil }
        var j = i
        while j < chars.count, !chars[j].isWhitespace, chars[j] != "<", chars[j] != ">" { j += 1 }
        return j - i
    }

    /// The `}` that closes an attribute block opened at `i`, looking no further than a short block
    /// can run and never past another `{`, so a line of braces stays linear.
    private static func attributeEnd(_ chars: [Character], from i: Int) -> Int? {
        var j = i + 1
        while j < chars.count, j - i < 512 {
            if chars[j] == "}" { return j }
            if chars[j] == "{" { return nil }
            j += 1
        }
        return nil
    }

    private static func lastCharacter(_ node: Inline) -> Character? {
        switch node.kind {
        case .text(let s), .code(let s): s.last
        case .softBreak, .lineBreak: " "
        case .math: "x"
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .span(_, let c), .formattedCitation(_, let c):
            c.last.flatMap(lastCharacter)
        case .citation, .footnoteReference: "x"
        case .html, .image, .review, .raw: nil
        }
    }

    /// Characters after which a quote opens.
    private static func opensAfter(_ c: Character?) -> Bool {
        guard let c else { return true }
        return c.isWhitespace || "([{<-–—/\u{201C}\u{2018}".contains(c)
    }

    static func convert(_ s: String, after start: Character?) -> String {
        let chars = Array(s)
        var out = ""
        out.reserveCapacity(s.utf8.count)
        var before = start
        var i = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "h", "f", "w", "m":
                if let n = urlLength(chars, at: i) {
                    out += String(chars[i..<(i + n)])
                    i += n
                    before = "x"
                    continue
                }
                out.append(c)
            case "{":
                // An attribute block keeps what was written.
                if let close = attributeEnd(chars, from: i), AttributeParser.parse(Substring(String(chars[i...close]))) != nil {
                    out += String(chars[i...close])
                    i = close + 1
                    before = "}"
                    continue
                }
                out.append(c)
            case "-":
                var n = 1
                while i + n < chars.count, chars[i + n] == "-" { n += 1 }
                out += dashes(n)
                i += n
                before = n == 1 ? "-" : "—"
                continue
            case "." where i + 2 < chars.count && chars[i + 1] == "." && chars[i + 2] == ".":
                out.append("…")
                i += 3
                before = "…"
                continue
            case "\"":
                out.append(opensAfter(before) ? "\u{201C}" : "\u{201D}")
            case "'":
                // An apostrophe inside a word or before a year ('90s) is a closing quote mark.
                let next = i + 1 < chars.count ? chars[i + 1] : nil
                let elides = next.map { $0.isNumber } ?? false
                out.append(opensAfter(before) && !elides ? "\u{2018}" : "\u{2019}")
            default:
                out.append(c)
            }
            before = c
            i += 1
        }
        return out
    }

    /// The reverse, for comparing smart text with text as typed (a glossary term): curly quotes,
    /// dashes and ellipses in ASCII.
    static func typed(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x80 }) else { return s }
        var out = ""
        for c in s {
            switch c {
            case "\u{2018}", "\u{2019}": out.append("'")
            case "\u{201C}", "\u{201D}": out.append("\"")
            case "–": out += "--"
            case "—": out += "---"
            case "…": out += "..."
            default: out.append(c)
            }
        }
        return out
    }

    /// A run of hyphens as cmark-gfm's `smart` option splits it: em dashes when it divides by three,
    /// en dashes when by two, else em dashes then en dashes.
    private static func dashes(_ n: Int) -> String {
        if n == 1 { return "-" }
        let (em, en): (Int, Int) = if n % 3 == 0 { (n / 3, 0) } else if n % 2 == 0 { (0, n / 2) }
            else if n % 3 == 2 { ((n - 2) / 3, 1) } else { ((n - 4) / 3, 2) }
        return String(repeating: "—", count: em) + String(repeating: "–", count: en)
    }
}
