import Foundation

/// `folio diff --format critic`: a chapter's new text with each change from the old text written as
/// CriticMarkup, so that a reviewer can accept or reject them one by one (`folio review`). Accepting
/// every mark gives the new text. Lines align first; inside a paragraph the diff is word by word, with
/// code spans, math, links and attribute blocks kept whole. What CriticMarkup cannot hold (front
/// matter, code blocks, table rows, raw HTML and div fences) is left as the new text, with a note.
enum CriticWriter {
    struct Result {
        var text: String
        var notes: [Diagnostic]
    }

    static func mark(old: String, new: String, file: String) -> Result {
        // A byte-order mark is not part of the first line (front matter starts after it).
        let bom = "\u{FEFF}"
        let newHasBOM = new.hasPrefix(bom)
        var w = CriticWriter.Run(a: lines(old.hasPrefix(bom) ? String(old.dropFirst()) : old),
                                 b: lines(newHasBOM ? String(new.dropFirst()) : new), file: file)
        for op in SequenceDiff.diff(w.a.map(\.content), w.b.map(\.content)) {
            switch op {
            case .equal(_, let r): w.copy(r)
            case .delete(let r): w.deleteLines(r)
            case .insert(let r): w.insertLines(r)
            case .replace(let ra, let rb): w.replace(ra, rb)
            }
        }
        return Result(text: (newHasBOM ? bom : "") + w.out, notes: w.notes)
    }

    /// The marked text being written.
    struct Run {
        let a: [Line], b: [Line]
        let aOK: [Bool], bOK: [Bool]
        let file: String
        var out = ""
        var notes: [Diagnostic] = []

        init(a: [Line], b: [Line], file: String) {
            self.a = a
            self.b = b
            self.aOK = markable(a)
            self.bOK = markable(b)
            self.file = file
        }

        static func blank(_ l: Line) -> Bool { l.content.allSatisfy(\.isWhitespace) }

        /// A whole line in one mark, its block marker, indentation and trailing spaces included, so that
        /// accepting or rejecting gives back the line exactly, or removes it with its line break.
        func wrapped(_ line: String, _ open: String, _ close: String) -> String {
            open + line + close
        }

        mutating func copy(_ r: Range<Int>) { for j in r { out += b[j].content + b[j].end } }

        mutating func unmarked(_ line: Int, _ what: String) {
            notes.append(Diagnostic(.note, "diff.unmarked", "\(what) changed here; CriticMarkup cannot mark it, so the new text is kept as it is",
                                    range: SourceRange(start: SourceLocation(file: file, line: line + 1, column: 1), endLine: line + 1, endColumn: 1)))
        }

        /// Removed lines, each marked on a line of its own (accepting removes the line); blank ones go.
        mutating func deleteLines(_ r: Range<Int>) {
            for i in r where !Self.blank(a[i]) {
                if aOK[i] { out += wrapped(a[i].content, "{--", "--}") + (a[i].end.isEmpty ? "\n" : a[i].end) } else { unmarked(i, "a removed line") }
            }
        }

        /// Added lines, marked after their block marker ("## {++Title++}").
        mutating func insertLines(_ r: Range<Int>) {
            for j in r {
                let line = b[j]
                guard bOK[j], !Self.blank(line) else {
                    if !Self.blank(line) { unmarked(j, "an added line") }
                    out += line.content + line.end
                    continue
                }
                out += wrapped(line.content, "{++", "++}") + line.end
            }
        }

        /// A replaced run: its paragraphs pair by the words they share; the new blank lines stay.
        mutating func replace(_ ra: Range<Int>, _ rb: Range<Int>) {
            let pa = paragraphs(a, ra), pb = paragraphs(b, rb)
            var i = 0
            var j = rb.lowerBound
            for q in pb {
                copy(j..<q.lowerBound)
                // A bounded look-ahead keeps a wholesale rewrite linear.
                if let k = (i..<min(pa.count, i + 16)).first(where: { similarity(a, pa[$0], b, q) >= 0.5 }) {
                    for d in pa[i..<k] { deleteLines(d) }
                    pair(pa[k], q)
                    i = k + 1
                } else {
                    insertLines(q)
                }
                j = q.upperBound
            }
            for d in pa[i...] { deleteLines(d) }
            copy(j..<rb.upperBound)
        }

        private func oneParagraph(_ lines: [Line], _ ok: [Bool], _ r: Range<Int>) -> Bool {
            r.allSatisfy { ok[$0] && !Self.blank(lines[$0]) && ($0 == r.lowerBound || blockPrefix(lines[$0].content).allSatisfy { $0 == " " }) }
        }

        /// One old paragraph against one new: word by word when both can hold marks.
        private mutating func pair(_ ra: Range<Int>, _ rb: Range<Int>) {
            if oneParagraph(a, aOK, ra) && oneParagraph(b, bOK, rb) && blockPrefix(a[ra.lowerBound].content) == blockPrefix(b[rb.lowerBound].content) {
                let x = ra.map { a[$0].content + ($0 == ra.upperBound - 1 ? "" : a[$0].end) }.joined()
                let y = rb.map { b[$0].content + ($0 == rb.upperBound - 1 ? "" : b[$0].end) }.joined()
                out += words(x, y) + b[rb.upperBound - 1].end
            } else if ra.count == rb.count {
                for (i, j) in zip(ra, rb) {
                    if aOK[i] && bOK[j] {
                        out += words(a[i].content, b[j].content) + b[j].end
                    } else {
                        deleteLines(i..<(i + 1))
                        insertLines(j..<(j + 1))
                    }
                }
            } else {
                deleteLines(ra)
                insertLines(rb)
            }
        }
    }

    /// The runs of non-blank lines in `r`.
    static func paragraphs(_ lines: [Line], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start: Int?
        for i in r {
            if Run.blank(lines[i]) {
                if let s = start { out.append(s..<i) }
                start = nil
            } else if start == nil {
                start = i
            }
        }
        if let s = start { out.append(s..<r.upperBound) }
        return out
    }

    /// The share of words two runs of lines have in common (0…1).
    static func similarity(_ a: [Line], _ ra: Range<Int>, _ b: [Line], _ rb: Range<Int>) -> Double {
        func words(_ lines: [Line], _ r: Range<Int>) -> Set<String> {
            Set(r.flatMap { lines[$0].content.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) })
        }
        return BlockDiff.similarity(words(a, ra), words(b, rb))
    }

    // MARK: Lines

    struct Line {
        var content: String
        /// "\n", "\r\n" or "" (the last line).
        var end: String
    }

    static func lines(_ text: String) -> [Line] {
        var out: [Line] = []
        var rest = Substring(text)
        while let nl = rest.firstIndex(of: "\n") {
            var content = rest[..<nl]
            var end = "\n"
            if content.hasSuffix("\r") {
                content = content.dropLast()
                end = "\r\n"
            }
            out.append(Line(content: String(content), end: end))
            rest = rest[rest.index(after: nl)...]
        }
        // "\r\n" as one Character: split it by scalars.
        if !rest.isEmpty { out.append(Line(content: String(rest), end: "")) }
        return out.flatMap { line -> [Line] in
            guard line.content.contains("\r\n") else { return [line] }
            let parts = line.content.components(separatedBy: "\r\n")
            return parts.enumerated().map { Line(content: $1, end: $0 == parts.count - 1 ? line.end : "\r\n") }
        }
    }

    /// Which lines may hold marks: not front matter, code (fenced or indented), table rows, raw HTML
    /// or div fences.
    static func markable(_ lines: [Line]) -> [Bool] {
        var out = [Bool](repeating: true, count: lines.count)
        var i = 0
        if let first = lines.first, first.content == "---" {
            out[0] = false
            i = 1
            while i < lines.count {
                out[i] = false
                if lines[i].content == "---" || lines[i].content == "..." { i += 1; break }
                i += 1
            }
        }
        var fence: String?
        var previousBlank = true
        while i < lines.count {
            let line = lines[i].content
            let trimmed = line.drop(while: { $0 == " " })
            if let f = fence {
                out[i] = false
                if trimmed.hasPrefix(f) && trimmed.drop(while: { $0 == f.first }).allSatisfy(\.isWhitespace) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                out[i] = false
                fence = String(trimmed.prefix(while: { $0 == trimmed.first }))
            } else if (line.hasPrefix("    ") || line.hasPrefix("\t")) && previousBlank {
                out[i] = false
                i += 1
                continue
            } else if trimmed.hasPrefix("|") || trimmed.hasPrefix("<") || trimmed.hasPrefix(":::") || trimmed.hasPrefix("[^") {
                out[i] = false
            }
            previousBlank = line.allSatisfy(\.isWhitespace)
            i += 1
        }
        return out
    }

    /// The block marker a line starts with ("## ", "- ", "1. ", "> "), kept outside a line's mark.
    static func blockPrefix(_ line: String) -> String {
        var s = Substring(line)
        var prefix = ""
        while true {
            let spaces = s.prefix(while: { $0 == " " })
            let rest = s.dropFirst(spaces.count)
            var marker = ""
            if rest.hasPrefix(">") { marker = ">" }
            else if let c = rest.first, "-*+".contains(c), rest.dropFirst().first == " " { marker = String(c) }
            else if rest.first == "#" { marker = String(rest.prefix(while: { $0 == "#" })) }
            else {
                let digits = rest.prefix(while: \.isNumber)
                if !digits.isEmpty, digits.count < 10, let c = rest.dropFirst(digits.count).first, c == "." || c == ")" { marker = digits + String(c) }
            }
            guard !marker.isEmpty else {
                prefix += spaces
                break
            }
            let after = rest.dropFirst(marker.count)
            let gap = after.prefix(while: { $0 == " " })
            guard !gap.isEmpty || after.isEmpty || marker == ">" else { break }
            prefix += spaces + marker + gap
            s = after.dropFirst(gap.count)
        }
        return prefix
    }

    // MARK: Words

    /// One paragraph's text, word by word.
    static func words(_ x: String, _ y: String) -> String {
        let a = tokens(x), b = tokens(y)
        var out = ""
        for op in SequenceDiff.diff(a, b, maxEdits: 1000) {
            switch op {
            case .equal(_, let r): out += b[r].joined()
            case .delete(let r): out += "{--" + a[r].joined() + "--}"
            case .insert(let r): out += "{++" + b[r].joined() + "++}"
            case .replace(let ra, let rb): out += "{~~" + a[ra].joined() + "~>" + b[rb].joined() + "~~}"
            }
        }
        return out
    }

    /// Words and whitespace runs, with code spans, math, links, citations and attribute blocks whole.
    static func tokens(_ s: String) -> [String] {
        let c = Array(s)
        var out: [String] = []
        var i = 0
        func closing(_ open: Character, _ close: Character, from k: Int) -> Int? {
            var depth = 0
            var j = k
            while j < c.count, j - k < 2000 {
                if c[j] == open { depth += 1 } else if c[j] == close { depth -= 1; if depth == 0 { return j } }
                j += 1
            }
            return nil
        }
        while i < c.count {
            let start = i
            if c[i].isWhitespace {
                while i < c.count, c[i].isWhitespace { i += 1 }
            } else if c[i] == "`" {
                var run = 0
                while i + run < c.count, c[i + run] == "`" { run += 1 }
                var j = i + run
                var end: Int?
                while j < c.count {
                    if c[j] == "`" {
                        var r = 0
                        while j + r < c.count, c[j + r] == "`" { r += 1 }
                        if r == run { end = j + r; break }
                        j += r
                    } else { j += 1 }
                }
                i = end ?? (i + run)
            } else if c[i] == "$", let j = c[(i + 1)...].firstIndex(of: "$") {
                i = j + 1
                while i < c.count, c[i] == "$" { i += 1 }
            } else if c[i] == "[", let j = closing("[", "]", from: i) {
                i = j + 1
                if i < c.count, c[i] == "(", let k = closing("(", ")", from: i) { i = k + 1 }
            } else if c[i] == "{", let j = closing("{", "}", from: i) {
                i = j + 1
            } else {
                while i < c.count, !c[i].isWhitespace, !"`$[{".contains(c[i]) { i += 1 }
                if i == start { i += 1 }
            }
            out.append(String(c[start..<i]))
        }
        return out
    }
}
