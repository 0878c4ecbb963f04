/// BibTeX's grammar: entries, `@string` macros with `#` concatenation, `@comment` and `@preamble`.
/// Field values stay LaTeX here (`LaTeXText` turns them into Unicode). A malformed entry is a
/// located error and parsing resumes at the next `@` that starts a line, so one bad entry never
/// loses the others.
struct BibTeXParser {
    struct Field: Hashable {
        var name: String
        var value: String
        var location: SourceLocation
    }

    struct Entry: Hashable {
        var type: String
        var key: String
        var fields: [Field]
        var location: SourceLocation

        func value(_ name: String) -> String? { fields.first { $0.name == name }?.value }
    }

    private struct Failure: Error {
        var message: String
        var offset: Int
    }

    private let b: [UInt8]
    private let file: String
    /// `file`'s number, looked up once for every entry's location.
    private let fileNumber: Int32
    private var lineStarts: [Int] = [0]
    private var i = 0
    /// The furthest offset any scan reached, so recovery never rescans text.
    private var furthest = 0
    private var macros: [String: String] = BibTeXParser.monthMacros
    private(set) var entries: [Entry] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Bounds that keep hostile files linear: fields per entry and bytes per value (macros can double a value each time).
    static let maxFields = 200
    static let maxValueBytes = 1 << 20

    static let monthMacros: [String: String] = [
        "jan": "1", "feb": "2", "mar": "3", "apr": "4", "may": "5", "jun": "6",
        "jul": "7", "aug": "8", "sep": "9", "oct": "10", "nov": "11", "dec": "12",
    ]

    static func parse(_ text: String, file: String) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var p = BibTeXParser(text: text, file: file)
        p.run()
        return (p.entries, p.diagnostics)
    }

    private init(text: String, file: String) {
        b = Array(text.utf8)
        self.file = file
        fileNumber = SourceFiles.number(file)
        for (n, c) in b.enumerated() where c == 0x0A { lineStarts.append(n + 1) }
    }

    func location(_ offset: Int) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(fileNumber: fileNumber, line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    private mutating func run() {
        while i < b.count {
            // Text outside entries is a comment, as in BibTeX; a `%` line is one whole, even with an `@`
            // in it (an e-mail address), as biber and pandoc read it.
            if b[i] == UInt8(ascii: "%"), atLineStart(i) {
                while i < b.count, b[i] != 0x0A { i += 1 }
                continue
            }
            guard b[i] == UInt8(ascii: "@") else { i += 1; continue }
            let start = i
            do {
                try entry(at: start)
            } catch {
                diagnostics.append(.error("bib.syntax", error.message, at: location(error.offset)))
                recover(after: start)
            }
        }
    }

    /// Skips to the next `@` that begins a line (after optional blanks).
    private mutating func recover(after start: Int) {
        i = max(i, start + 1, furthest)
        while i < b.count {
            if b[i] == UInt8(ascii: "@") {
                var j = i - 1
                while j >= 0, b[j] == 0x20 || b[j] == 0x09 { j -= 1 }
                if j < 0 || b[j] == 0x0A || b[j] == 0x0D { return }
            }
            i += 1
        }
    }

    private mutating func entry(at start: Int) throws(Failure) {
        i = start + 1
        skipSpace()
        let type = identifier().lowercased()
        guard !type.isEmpty else { throw Failure(message: "expected an entry type after '@'", offset: i) }
        skipSpace()
        if type == "comment" {
            // `@comment{...}` skips a balanced group; a bare `@comment` skips nothing more.
            if i < b.count, b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "(") { try skipGroup() }
            return
        }
        guard i < b.count, b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "(") else {
            throw Failure(message: "expected '{' after '@\(type)'", offset: i)
        }
        let close: UInt8 = b[i] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        i += 1
        switch type {
        case "preamble":
            i -= 1
            try skipGroup()
        case "string":
            skipSpace()
            let nameAt = i
            let name = identifier().lowercased()
            guard !name.isEmpty else { throw Failure(message: "expected a macro name in @string", offset: nameAt) }
            skipSpace()
            try expect(UInt8(ascii: "="), "expected '=' after the macro name '\(name)'")
            macros[name] = try value()
            skipSpace()
            try expect(close, "expected '\(Character(Unicode.Scalar(close)))' to end @string")
        default:
            try fields(type: type, start: start, close: close)
        }
    }

    private mutating func fields(type: String, start: Int, close: UInt8) throws(Failure) {
        skipSpace()
        let keyStart = i
        while i < b.count, b[i] != UInt8(ascii: ","), b[i] != close, !isSpace(b[i]) {
            if b[i] == UInt8(ascii: "@") || b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "=") {
                throw Failure(message: "unexpected '\(Character(Unicode.Scalar(b[i])))' in the key of this @\(type) entry", offset: i)
            }
            i += 1
        }
        let key = String(decoding: b[keyStart..<i], as: UTF8.self)
        guard !key.isEmpty else { throw Failure(message: "the @\(type) entry has no key", offset: keyStart) }
        var entry = Entry(type: type, key: key, fields: [], location: location(start))
        var names: Set<String> = []
        skipSpace()
        while true {
            guard i < b.count else {
                throw Failure(message: "the entry '\(key)' is not closed (missing '\(Character(Unicode.Scalar(close)))')", offset: start)
            }
            if b[i] == close { i += 1; break }
            try expect(UInt8(ascii: ","), "expected ',' or '\(Character(Unicode.Scalar(close)))' after a field of '\(key)'")
            skipSpace()
            if i < b.count, b[i] == close { i += 1; break }
            let nameAt = i
            let name = identifier().lowercased()
            guard !name.isEmpty else {
                let found = i < b.count ? "'\(Character(Unicode.Scalar(b[i])))'" : "the end of the file"
                throw Failure(message: "expected a field name in '\(key)', found \(found)", offset: nameAt)
            }
            skipSpace()
            try expect(UInt8(ascii: "="), "expected '=' after the field name '\(name)'")
            let v = try value()
            if names.contains(name) {
                diagnostics.append(.warning("bib.duplicate-field", "field '\(name)' appears twice in '\(key)'; the first is used",
                                            at: location(nameAt)))
            } else {
                guard entry.fields.count < Self.maxFields else {
                    throw Failure(message: "the entry '\(key)' has more than \(Self.maxFields) fields", offset: nameAt)
                }
                names.insert(name)
                entry.fields.append(Field(name: name, value: v, location: location(nameAt)))
            }
            skipSpace()
        }
        entries.append(entry)
    }

    /// A value: pieces joined by `#`, each braced, quoted, a number or a macro name.
    private mutating func value() throws(Failure) -> String {
        var out = ""
        while true {
            skipSpace()
            guard i < b.count else { throw Failure(message: "expected a value, found the end of the file", offset: i) }
            let at = i
            switch b[i] {
            case UInt8(ascii: "{"):
                let end = try matchingBrace(from: i)
                out += String(decoding: b[(i + 1)..<end], as: UTF8.self)
                i = end + 1
            case UInt8(ascii: "\""):
                var depth = 0
                var j = i + 1
                while j < b.count {
                    if b[j] == UInt8(ascii: "@"), atLineStart(j) {
                        furthest = max(furthest, j)
                        throw Failure(message: "a quoted value is not closed before the next entry", offset: at)
                    }
                    if b[j] == UInt8(ascii: "{") { depth += 1 }
                    if b[j] == UInt8(ascii: "}") { depth -= 1 }
                    if b[j] == UInt8(ascii: "\""), depth == 0 { break }
                    if depth < 0 { throw Failure(message: "unbalanced '}' in a quoted value", offset: j) }
                    j += 1
                }
                guard j < b.count else { throw Failure(message: "a quoted value is not closed", offset: at) }
                out += String(decoding: b[(i + 1)..<j], as: UTF8.self)
                i = j + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let s = i
                while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
                out += String(decoding: b[s..<i], as: UTF8.self)
            default:
                let name = identifier().lowercased()
                guard !name.isEmpty else {
                    throw Failure(message: "expected a value ('{...}', '\"...\"', a number or a @string name)", offset: at)
                }
                if let m = macros[name] {
                    out += m
                } else {
                    diagnostics.append(.warning("bib.unknown-macro", "unknown @string macro '\(name)'; it is left empty",
                                                at: location(at)))
                }
            }
            guard out.utf8.count <= Self.maxValueBytes else {
                throw Failure(message: "a value is longer than \(Self.maxValueBytes) bytes", offset: at)
            }
            skipSpace()
            guard i < b.count, b[i] == UInt8(ascii: "#") else { return out }
            i += 1
        }
    }

    /// Whether only blanks stand before `j` on its line (an `@` there is where recovery resumes).
    private func atLineStart(_ j: Int) -> Bool {
        var k = j - 1
        while k >= 0, b[k] == 0x20 || b[k] == 0x09 { k -= 1 }
        return k < 0 || b[k] == 0x0A || b[k] == 0x0D
    }

    private func matchingBrace(from open: Int) throws(Failure) -> Int {
        var depth = 0
        var j = open
        while j < b.count {
            if b[j] == UInt8(ascii: "{") { depth += 1 }
            if b[j] == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return j }
            }
            // An entry start at the beginning of a line inside a value almost always means a missing brace.
            if b[j] == UInt8(ascii: "@"), atLineStart(j) {
                throw Failure(message: "a '{' is not closed before the next entry", offset: open)
            }
            j += 1
        }
        throw Failure(message: "a '{' is not closed", offset: open)
    }

    private mutating func skipGroup() throws(Failure) {
        let open = b[i]
        if open == UInt8(ascii: "(") {
            var depth = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "(") { depth += 1 }
                if b[i] == UInt8(ascii: ")") { depth -= 1; if depth == 0 { i += 1; return } }
                i += 1
            }
            throw Failure(message: "a '(' is not closed", offset: i)
        }
        i = try matchingBrace(from: i) + 1
    }

    private mutating func identifier() -> String {
        let s = i
        while i < b.count {
            let c = b[i]
            let ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c >= 0x80
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ":") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "+") || c == UInt8(ascii: "/")
            guard ok else { break }
            i += 1
        }
        return String(decoding: b[s..<i], as: UTF8.self)
    }

    private mutating func expect(_ c: UInt8, _ message: String) throws(Failure) {
        guard i < b.count, b[i] == c else { throw Failure(message: message, offset: i) }
        i += 1
    }

    private func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Spaces, and `%` comments to the end of their line (biber and pandoc allow them inside entries).
    private mutating func skipSpace() {
        while i < b.count {
            if isSpace(b[i]) {
                i += 1
            } else if b[i] == UInt8(ascii: "%") {
                while i < b.count, b[i] != 0x0A { i += 1 }
            } else {
                break
            }
        }
    }
}
