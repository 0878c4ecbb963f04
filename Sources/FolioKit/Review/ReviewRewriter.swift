import Foundation

/// `folio review accept|reject`: replaces the chosen marks with the text they stand for, leaving
/// everything else byte for byte (line endings, byte-order mark). A run with nothing to do changes
/// nothing, so running it twice is the same as once.
public enum ReviewRewriter {
    /// Which marks to resolve.
    public enum Selection: Sendable {
        case all
        /// Marks whose comment is by this handle (with or without the `@`).
        case author(String)
        /// Marks that start on, or run over, one of these lines of a file (an absolute path).
        case lines([(path: String, line: Int)])
    }

    public struct Change: Sendable {
        public var path: String
        public var mark: ReviewSyntax
        public var replacement: String
    }

    public struct Plan: Sendable {
        public var changes: [Change]
        /// Each rewritten file's new text, by the file's URL.
        public var files: [(url: URL, path: String, text: String)]
        /// Files left alone because they have malformed marks.
        public var skipped: [String]
        /// `FILE:LINE` places that name no mark.
        public var unmatched: [(path: String, line: Int)] = []
    }

    public static func plan(_ marks: ReviewMarks, accept: Bool, selection: Selection) -> Plan {
        var plan = Plan(changes: [], files: [], skipped: [])
        for file in marks.files {
            let bytes = Array(file.text.utf8)
            let chosen = file.marks.filter { selects(selection, $0, file: file, bytes: bytes) }
            guard !chosen.isEmpty else { continue }
            guard file.problems.isEmpty else {
                plan.skipped.append(file.path)
                continue
            }
            var out = bytes
            // Right to left, so earlier offsets stay valid.
            for mark in chosen.sorted(by: { $0.start > $1.start }) {
                // `out` is rewritten from the right, so the bytes around this mark are as they will stay.
                let replacement = fitted(mark.replacement(accept: accept), mark.start, mark.end, in: out)
                let (from, to) = widened(mark.start, mark.end, in: out, empty: replacement.isEmpty)
                guard from >= 0, to <= out.count, from <= to else { continue }
                out.replaceSubrange(from..<to, with: Array(replacement.utf8))
                plan.changes.append(Change(path: file.path, mark: mark, replacement: replacement))
            }
            plan.files.append((file.url, file.path, String(decoding: out, as: UTF8.self)))
        }
        plan.changes.sort { ($0.mark.location.file, $0.mark.start) < ($1.mark.location.file, $1.mark.start) }
        if case .lines(let wanted) = selection {
            plan.unmatched = wanted.filter { place in
                !marks.files.contains { file in
                    let bytes = Array(file.text.utf8)
                    return file.marks.contains { selects(.lines([place]), $0, file: file, bytes: bytes) }
                }
            }
        }
        return plan
    }

    /// `text` with every mark accepted (or rejected); the text itself when a mark is malformed.
    static func resolved(_ text: String, path: String, accept: Bool, limits: InputLimits) -> String {
        var file = ReviewMarks.File(path: path, url: URL(fileURLWithPath: "/"), text: text, marks: [], problems: [])
        ReviewMarks.scan(&file, limits: limits)
        guard !file.marks.isEmpty else { return text }
        let plan = plan(ReviewMarks(files: [file], diagnostics: DiagnosticEngine()), accept: accept, selection: .all)
        return plan.files.first?.text ?? text
    }

    /// Writes each file atomically (a new temporary file renamed over the old one).
    /// A chapter that is a link is written where the link leads; the file keeps its permissions.
    public static func write(_ plan: Plan) throws {
        let fm = FileManager.default
        for f in plan.files {
            let target = f.url.resolvingSymlinksInPath()
            let permissions = (try? fm.attributesOfItem(atPath: target.path))?[.posixPermissions]
            try Data(f.text.utf8).write(to: target, options: .atomic)
            if let permissions { try? fm.setAttributes([.posixPermissions: permissions], ofItemAtPath: target.path) }
        }
    }

    /// The padding inside the delimiters (`{++ text ++}`) goes where the text around the mark already
    /// has a space, so "a {++ b ++} c" becomes "a b c", and "a{-- b--}." rejected is "a b.". At the
    /// start of a line one space of padding goes and indentation stays; before a line break trailing
    /// spaces stay (they may be a hard break).
    static func fitted(_ text: String, _ start: Int, _ end: Int, in b: [UInt8]) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        var t = Substring(text)
        let lineStart = start == 0 || b[start - 1] == 0x0A
        let spaceBefore = !lineStart && (b[start - 1] == 0x20 || b[start - 1] == 0x09)
        let spaceAfter = end < b.count && Set(" \t.,;:!?)".utf8).contains(b[end])
        if spaceBefore {
            t = t.drop(while: isSpace)
        } else if lineStart, t.first == " ", let second = t.dropFirst().first, !isSpace(second) {
            t = t.dropFirst()
        }
        if spaceAfter { while let last = t.last, isSpace(last) { t = t.dropLast() } }
        return String(t)
    }

    /// When a mark goes away entirely, one of the spaces around it goes too ("a {-- b --} c" → "a c",
    /// "a {-- b --}." → "a."), and so does a line that held nothing else.
    static func widened(_ start: Int, _ end: Int, in b: [UInt8], empty: Bool) -> (Int, Int) {
        guard empty else { return (start, end) }
        let before = start > 0 ? b[start - 1] : 0x0A
        let after = end < b.count ? b[end] : 0x0A
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        let closes: Set<UInt8> = Set(".,;:!?)]\n\r".utf8)
        // A line that held only the mark goes, with its line ending.
        if before == 0x0A, after == 0x0A { return (start, end < b.count ? end + 1 : end) }
        if before == 0x0A, after == 0x0D, end + 1 < b.count, b[end + 1] == 0x0A { return (start, end + 2) }
        if isSpace(before), isSpace(after) || closes.contains(after) { return (start - 1, end) }
        if before == 0x0A, isSpace(after) { return (start, end + 1) }
        return (start, end)
    }

    private static func selects(_ selection: Selection, _ mark: ReviewSyntax, file: ReviewMarks.File, bytes: [UInt8]) -> Bool {
        switch selection {
        case .all: return true
        case .author(let name):
            let handle = name.hasPrefix("@") ? String(name.dropFirst()) : name
            return mark.author == handle
        case .lines(let wanted):
            let firstLine = mark.location.line
            let lastLine = firstLine + bytes[mark.start..<min(mark.end, bytes.count)].filter { $0 == 0x0A }.count
            return wanted.contains { $0.path == file.url.standardizedFileURL.path && (firstLine...lastLine).contains($0.line) }
        }
    }
}
