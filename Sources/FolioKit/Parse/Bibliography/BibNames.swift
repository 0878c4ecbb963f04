import Foundation

/// BibTeX's name rules: names are split on `and` at brace depth 0, then each is read as
/// "First von Last", "von Last, First" or "von Last, Jr, First". A word is lower case when its first
/// letter at brace depth 0 is (inside `{\'E}` the letter after the command counts); a word that is
/// entirely braced has no case. A name that is one braced group is kept whole (a corporate author).
enum BibNames {
    static func parse(_ field: String) -> [Reference.Name] {
        split(field).compactMap { raw in
            let trimmed = isASCII(raw) ? trimmedASCII(raw) : raw.trimmingWhitespaceAndNewlines()
            guard !trimmed.isEmpty else { return nil }
            if trimmed == "others" { return .others }
            return name(trimmed)
        }
    }

    // Most name fields are ASCII, and are read by their bytes: the same words as by characters, at
    // a tenth of the cost (a 500-entry bibliography spent 128M instructions here).

    private static func isASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 } }

    /// ASCII whitespace, as `Character.isWhitespace` has it: tab to carriage return, and space.
    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    private static func trimmedASCII(_ s: String) -> String {
        let b = Array(s.utf8)
        var lo = 0, hi = b.count
        while lo < hi, isSpace(b[lo]) { lo += 1 }
        while hi > lo, isSpace(b[hi - 1]) { hi -= 1 }
        return lo == 0 && hi == b.count ? s : String(decoding: b[lo..<hi], as: UTF8.self)
    }

    /// Splits on " and " at brace depth 0 (case-insensitive, as BibTeX does).
    static func split(_ s: String) -> [String] {
        if isASCII(s) { return splitASCII(s) }
        let c = Array(s)
        var parts: [String] = []
        var depth = 0
        var start = 0
        var i = 0
        while i < c.count {
            if c[i] == "{" { depth += 1 } else if c[i] == "}" { depth -= 1 }
            if depth == 0, c[i].isWhitespace, i + 4 < c.count, String(c[(i + 1)...(i + 3)]).lowercased() == "and",
               c[i + 4].isWhitespace {
                parts.append(String(c[start..<i]))
                i += 4
                start = i
                continue
            }
            i += 1
        }
        parts.append(String(c[start..<c.count]))
        return parts
    }

    private static func splitASCII(_ s: String) -> [String] {
        let c = Array(s.utf8)
        var parts: [String] = []
        var depth = 0
        var start = 0
        var i = 0
        while i < c.count {
            if c[i] == UInt8(ascii: "{") { depth += 1 } else if c[i] == UInt8(ascii: "}") { depth -= 1 }
            if depth == 0, isSpace(c[i]), i + 4 < c.count, c[i + 1] | 0x20 == UInt8(ascii: "a"),
               c[i + 2] | 0x20 == UInt8(ascii: "n"), c[i + 3] | 0x20 == UInt8(ascii: "d"), isSpace(c[i + 4]) {
                parts.append(String(decoding: c[start..<i], as: UTF8.self))
                i += 4
                start = i
                continue
            }
            i += 1
        }
        parts.append(String(decoding: c[start...], as: UTF8.self))
        return parts
    }

    private enum WordCase { case upper, lower, none }

    private struct Word {
        var text: String
        var wordCase: WordCase
    }

    static func name(_ raw: String) -> Reference.Name {
        if let extended = extendedName(raw) { return extended }
        let pieces = commaPieces(raw)
        let first = pieces.first ?? []
        // One braced group with nothing else: a corporate or otherwise indivisible name.
        if pieces.count == 1, first.count == 1, let only = first.first, isFullyBraced(only.text) {
            return Reference.Name(literal: LaTeXText.unicode(only.text))
        }
        var given: [Word] = [], von: [Word] = [], last: [Word] = [], jr: [Word] = []
        switch pieces.count {
        case 1:
            // First von Last: von runs from the first to the last lower-case word that is not the final word.
            let words = first
            let body = words.dropLast()
            if let lo = body.firstIndex(where: { $0.wordCase == .lower }),
               let hi = body.lastIndex(where: { $0.wordCase == .lower }) {
                given = Array(words[..<lo])
                von = Array(words[lo...hi])
                last = Array(words[(hi + 1)...])
            } else {
                given = Array(body)
                last = words.last.map { [$0] } ?? []
            }
        default:
            // von Last, [Jr,] First
            let head = first
            let hi = head.dropLast().lastIndex(where: { $0.wordCase == .lower })
            if let hi {
                von = Array(head[...hi])
                last = Array(head[(hi + 1)...])
            } else {
                last = head
            }
            if pieces.count >= 3 {
                jr = pieces[1]
                given = pieces[2...].flatMap { $0 }
            } else {
                given = pieces[1]
            }
        }
        func text(_ w: [Word]) -> String { LaTeXText.unicode(w.map(\.text).joined(separator: " ")) }
        return Reference.Name(family: text(last), given: text(given), particle: text(von), suffix: text(jr))
    }

    /// biblatex's extended name format: `family=Doe, given=John, prefix=von, suffix=Jr., useprefix=true`
    /// (values may be braced or quoted; `given-i` and other options are ignored). Nil when the name is
    /// not written that way.
    static func extendedName(_ raw: String) -> Reference.Name? {
        var parts: [String: String] = [:]
        var depth = 0
        var piece = ""
        var pieces: [String] = []
        var quoted = false
        for ch in raw {
            if ch == "{" { depth += 1 } else if ch == "}" { depth = max(0, depth - 1) }
            if depth == 0, ch == "\"" { quoted.toggle() }
            if depth == 0, !quoted, ch == "," {
                pieces.append(piece)
                piece = ""
            } else {
                piece.append(ch)
            }
        }
        pieces.append(piece)
        for p in pieces {
            guard let eq = p.firstIndex(of: "="), !p[..<eq].contains("{") else { return nil }
            let key = p[..<eq].trimmingWhitespace().lowercased()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            var value = p[p.index(after: eq)...].trimmingWhitespaceAndNewlines()
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
            parts[key] = value
        }
        guard parts["family"] != nil || parts["given"] != nil else { return nil }
        func text(_ key: String) -> String {
            guard var v = parts[key] else { return "" }
            if isFullyBraced(v) { v = String(v.dropFirst().dropLast()) }
            return LaTeXText.unicode(v)
        }
        return Reference.Name(family: text("family"), given: text("given"), particle: text("prefix"), suffix: text("suffix"))
    }

    /// The name's words, grouped by the commas at brace depth 0.
    private static func commaPieces(_ s: String) -> [[Word]] {
        if isASCII(s) { return commaPiecesASCII(s) }
        var pieces: [[Word]] = [[]]
        var current = ""
        var depth = 0
        func flush() {
            if !current.isEmpty { pieces[pieces.count - 1].append(Word(text: current, wordCase: wordCase(current))) }
            current = ""
        }
        for ch in s {
            if ch == "{" { depth += 1 } else if ch == "}" { depth = max(0, depth - 1) }
            if depth == 0, ch == "," {
                flush()
                pieces.append([])
            } else if depth == 0, ch.isWhitespace || ch == "~" {
                flush()
            } else {
                current.append(ch)
            }
        }
        flush()
        return pieces.filter { !$0.isEmpty }.isEmpty ? [[]] : pieces
    }

    /// `commaPieces` by bytes: a word is a run of bytes between separators, as there.
    private static func commaPiecesASCII(_ s: String) -> [[Word]] {
        let c = Array(s.utf8)
        var pieces: [[Word]] = [[]]
        var start = 0
        var depth = 0
        func flush(_ end: Int) {
            if start < end {
                let text = String(decoding: c[start..<end], as: UTF8.self)
                pieces[pieces.count - 1].append(Word(text: text, wordCase: wordCase(text)))
            }
        }
        for (i, b) in c.enumerated() {
            if b == UInt8(ascii: "{") { depth += 1 } else if b == UInt8(ascii: "}") { depth = max(0, depth - 1) }
            if depth == 0, b == UInt8(ascii: ",") {
                flush(i)
                pieces.append([])
                start = i + 1
            } else if depth == 0, isSpace(b) || b == UInt8(ascii: "~") {
                flush(i)
                start = i + 1
            }
        }
        flush(c.count)
        return pieces.filter { !$0.isEmpty }.isEmpty ? [[]] : pieces
    }

    private static func isFullyBraced(_ w: String) -> Bool {
        guard w.first == "{", w.last == "}" else { return false }
        var depth = 0
        for (n, ch) in w.enumerated() {
            if ch == "{" { depth += 1 } else if ch == "}" { depth -= 1 }
            if depth == 0, n < w.count - 1 { return false }
        }
        // `{\"O}zt{\"u}rk` is a word with accents, not a protected group.
        return !w.hasPrefix("{\\")
    }

    /// The case of a word's first letter at brace depth 0; `{\'E}` counts as its letter.
    private static func wordCase(_ w: String) -> WordCase {
        let c = Array(w)
        var i = 0
        var depth = 0
        while i < c.count {
            let ch = c[i]
            if ch == "{" {
                // A special character: "{\" at depth 0 takes the case of the letter after the command.
                if depth == 0, i + 1 < c.count, c[i + 1] == "\\" {
                    var j = i + 2
                    // Skip an accent command (one non-letter, or letters followed by a brace/space).
                    if j < c.count, !c[j].isLetter { j += 1 } else {
                        let s = j
                        while j < c.count, c[j].isLetter { j += 1 }
                        let cmd = String(c[s..<j])
                        if LaTeXText.named[cmd] != nil, cmd != "i", cmd != "j" {
                            return cmd.first?.isUppercase == true ? .upper : .lower
                        }
                    }
                    while j < c.count, !c[j].isLetter { j += 1 }
                    guard j < c.count else { return .none }
                    return c[j].isUppercase ? .upper : .lower
                }
                depth += 1
            } else if ch == "}" {
                depth -= 1
            } else if depth == 0, ch == "\\" {
                // An accent outside braces: \'Emile.
                var j = i + 1
                if j < c.count, !c[j].isLetter { j += 1 }
                while j < c.count, !c[j].isLetter { j += 1 }
                guard j < c.count else { return .none }
                return c[j].isUppercase ? .upper : .lower
            } else if depth == 0, ch.isLetter {
                return ch.isUppercase ? .upper : .lower
            }
            i += 1
        }
        return .none
    }
}
