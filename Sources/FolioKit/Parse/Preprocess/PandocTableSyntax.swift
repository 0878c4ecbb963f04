/// pandoc's simple, multiline and grid tables, recognised in the raw text before cmark-gfm (which
/// knows only pipe tables). The recogniser finds the rows, the cells (as byte ranges of the source,
/// one per line), the alignment and the relative column widths, following pandoc's manual; the
/// preprocessor then writes the table as a pipe table, so its cells are read like any other text.
///
/// Columns are counted in display columns (a CJK character is two, a combining mark none), as pandoc
/// counts them, and a tab advances to the next multiple of four.
struct PandocTableSyntax {
    enum Form: String { case simple, multiline, grid }

    struct Row {
        /// Each cell's text: trimmed byte ranges of the source, one per line it has text on.
        var cells: [[Range<Int>]]
        /// The row's first line (an index into the text's lines).
        var line: Int
    }

    var form: Form
    /// Nil for a headerless table.
    var header: Row?
    var rows: [Row]
    var alignments: [Table.Alignment]
    /// Fractions of the line width (multiline and grid tables); nil when the writer chooses.
    var widths: [Double]?
    /// The leading spaces of the table's rule, repeated before every row written (keeps a table in its list item).
    var indent: Int
    /// The table's first line and the line after its last.
    var first: Int
    var end: Int
}

/// What the recogniser found at a line.
enum PandocTableScan {
    case none
    case table(PandocTableSyntax)
    /// A grid table that cannot be read: a located error, and the lines `[first, end)` are left as text.
    case problem(offset: Int, id: String, message: String, note: String, end: Int)
}

/// The text's lines, with display-column arithmetic.
struct TableLines {
    let b: [UInt8]
    let starts: [Int]
    /// For each line, the next line at or after it that is a rule of dashes (lazily built, so scans stay linear).
    private var nextRule: [Int]?

    init(_ b: [UInt8], starts: [Int]) {
        self.b = b
        self.starts = starts
    }

    var count: Int { starts.count }

    /// A line's bytes without its newline (and carriage return).
    func bounds(_ i: Int) -> (start: Int, end: Int) {
        let start = starts[i]
        var end = i + 1 < starts.count ? starts[i + 1] - 1 : b.count
        if end > start, b[end - 1] == 0x0D { end -= 1 }
        return (start, end)
    }

    func isBlank(_ i: Int) -> Bool {
        let (s, e) = bounds(i)
        return b[s..<e].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    func leadingSpaces(_ i: Int) -> Int {
        let (s, e) = bounds(i)
        var k = s
        while k < e, b[k] == 0x20 { k += 1 }
        return k - s
    }

    /// The runs of dashes of a line made only of dashes and spaces, as display-column ranges.
    func dashRuns(_ i: Int) -> [Range<Int>]? {
        let (s, e) = bounds(i)
        var runs: [Range<Int>] = []
        var k = s
        while k < e {
            if b[k] == UInt8(ascii: "-") {
                let from = k
                while k < e, b[k] == UInt8(ascii: "-") { k += 1 }
                runs.append((from - s)..<(k - s))
            } else if b[k] == 0x20 {
                k += 1
            } else {
                return nil
            }
        }
        return runs.isEmpty ? nil : runs
    }

    /// One unbroken run of at least three dashes: the first and last line of a multiline table.
    func isUnbrokenRule(_ i: Int) -> Bool {
        guard let runs = dashRuns(i), runs.count == 1, let r = runs.first else { return false }
        return r.count >= 3
    }

    /// The first line at or after `i` that is a rule of dashes, or `count`.
    mutating func ruleAtOrAfter(_ i: Int) -> Int {
        if nextRule == nil {
            var next = [Int](repeating: count, count: count + 1)
            var k = count - 1
            while k >= 0 {
                next[k] = dashRuns(k) != nil ? k : next[k + 1]
                k -= 1
            }
            nextRule = next
        }
        return nextRule.map { $0[min(i, count)] } ?? count
    }

    /// The display width of a scalar: two for East Asian wide characters, none for combining marks.
    static func width(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        let wide: [ClosedRange<UInt32>] = [0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
                                           0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                                           0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
                                           0x1F900...0x1F9FF, 0x20000...0x3FFFD]
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// Cuts a line at display columns `cuts` (ascending): `cuts.count + 1` byte ranges, the first from the
    /// line's start, the last to its end. A character that starts before a cut belongs to the piece before it.
    func split(_ i: Int, at cuts: [Int]) -> [Range<Int>] {
        let (s, e) = bounds(i)
        var pieces: [Range<Int>] = []
        var pieceStart = s
        var column = 0
        var next = 0
        var k = s
        let text = String(decoding: b[s..<e], as: UTF8.self)
        for scalar in text.unicodeScalars {
            while next < cuts.count, column >= cuts[next] {
                pieces.append(pieceStart..<k)
                pieceStart = k
                next += 1
            }
            column += scalar == "\t" ? 4 - column % 4 : Self.width(scalar)
            k += UTF8.width(scalar)
        }
        while pieces.count < cuts.count + 1 {
            pieces.append(pieceStart..<e)
            pieceStart = e
        }
        return pieces
    }

    /// A piece without its surrounding spaces; nil when nothing is left.
    func trimmed(_ r: Range<Int>) -> Range<Int>? {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return lo < hi ? lo..<hi : nil
    }

    /// The display width of a piece.
    func width(of r: Range<Int>) -> Int {
        var column = 0
        for scalar in String(decoding: b[r], as: UTF8.self).unicodeScalars {
            column += scalar == "\t" ? 4 - column % 4 : Self.width(scalar)
        }
        return column
    }
}

extension PandocTableSyntax {
    /// Looks for a pandoc table starting at line `i` (the first line of a block, after a blank line).
    /// A table over `limits` (columns, cells) is refused before its cells are read.
    static func scan(_ lines: inout TableLines, at i: Int, limits: InputLimits) -> PandocTableScan {
        guard !lines.isBlank(i), lines.leadingSpaces(i) < 4 else { return .none }
        let (s, e) = lines.bounds(i)
        var k = s
        while k < e, lines.b[k] == 0x20 { k += 1 }
        guard k < e else { return .none }
        let first = lines.b[k]
        if first == UInt8(ascii: "+") { return grid(&lines, at: i, limits: limits) }
        if lines.isUnbrokenRule(i), case let found = multiline(&lines, at: i, headless: false, limits: limits), !found.isNone { return found }
        if let runs = lines.dashRuns(i), runs.count >= 2 {
            let found = simpleHeadless(lines, at: i, runs: runs, limits: limits)
            return !found.isNone ? found : multiline(&lines, at: i, headless: true, limits: limits)
        }
        if first != UInt8(ascii: "-") { return simple(lines, at: i, limits: limits) }
        return .none
    }

    /// A located refusal of a table over the `table-columns` or `table-cells` limit, or nil.
    static func overLimits(_ lines: TableLines, at i: Int, columns: Int, rows: Int, limits: InputLimits, end: Int) -> PandocTableScan? {
        let (name, found, limit) = columns > limits.tableColumns ? ("table-columns", columns, limits.tableColumns)
            : columns * rows > limits.tableCells ? ("table-cells", columns * rows, limits.tableCells) : ("", 0, 0)
        guard !name.isEmpty else { return nil }
        return .problem(offset: lines.bounds(i).start, id: "limits.\(name)",
                        message: "\(name == "table-columns" ? "columns" : "cells") in this table (\(found)) exceeds the limit of \(limit)",
                        note: "raise '\(name)' in the manifest's 'limits:' section if this input is intended", end: end)
    }

    // MARK: Simple tables

    /// A header line, a rule of at least two runs of dashes, rows up to a blank line (or a closing rule).
    /// One header line only: a sentence above a table is a paragraph, never cut into header cells.
    private static func simple(_ lines: TableLines, at i: Int, limits: InputLimits) -> PandocTableScan {
        let k = i + 1
        guard k < lines.count, let runs = lines.dashRuns(k), runs.count >= 2, runs[0].lowerBound < 4 else { return .none }
        var end = k + 1
        while end < lines.count, !lines.isBlank(end), lines.dashRuns(end) == nil { end += 1 }
        guard end > k + 1 else { return .none }
        var last = end
        if end < lines.count, lines.dashRuns(end) != nil {
            guard end + 1 >= lines.count || lines.isBlank(end + 1) else { return .none }
            last = end + 1
        }
        if let refused = overLimits(lines, at: i, columns: runs.count, rows: end - k, limits: limits, end: last) { return refused }
        let cuts = runs.dropFirst().map(\.lowerBound)
        let header = Array(i..<k)
        return .table(PandocTableSyntax(form: .simple, header: row(lines, header, cuts: cuts),
                                 rows: (k + 1..<end).map { row(lines, [$0], cuts: cuts) },
                                 alignments: alignments(lines, header, runs: runs), widths: nil,
                                 indent: runs[0].lowerBound, first: i, end: last))
    }

    /// A rule, one-line rows, and a closing rule followed by a blank line.
    private static func simpleHeadless(_ lines: TableLines, at i: Int, runs: [Range<Int>], limits: InputLimits) -> PandocTableScan {
        var end = i + 1
        while end < lines.count, !lines.isBlank(end), lines.dashRuns(end) == nil { end += 1 }
        guard end > i + 1, end < lines.count, lines.dashRuns(end) != nil,
              end + 1 >= lines.count || lines.isBlank(end + 1) else { return .none }
        if let refused = overLimits(lines, at: i, columns: runs.count, rows: end - i, limits: limits, end: end + 1) { return refused }
        let cuts = runs.dropFirst().map(\.lowerBound)
        return .table(PandocTableSyntax(form: .simple, header: nil, rows: (i + 1..<end).map { row(lines, [$0], cuts: cuts) },
                                 alignments: alignments(lines, [i + 1], runs: runs), widths: nil,
                                 indent: runs[0].lowerBound, first: i, end: end + 1))
    }

    // MARK: Multiline tables

    /// An unbroken rule, header lines, a rule of columns, rows separated by blank lines, a closing rule
    /// (headless: the rule of columns first, and no header).
    private static func multiline(_ lines: inout TableLines, at i: Int, headless: Bool, limits: InputLimits) -> PandocTableScan {
        var columnsLine = i
        var header: [Int] = []
        if !headless {
            var k = i + 1
            while k < lines.count, k - i <= 20, !lines.isBlank(k), lines.dashRuns(k) == nil { k += 1 }
            guard k > i + 1, k < lines.count else { return .none }
            columnsLine = k
            header = Array(i + 1..<k)
        }
        guard let runs = lines.dashRuns(columnsLine), runs.count >= 2, runs[0].lowerBound < 4 else { return .none }
        let close = lines.ruleAtOrAfter(columnsLine + 1)
        guard close < lines.count, close + 1 >= lines.count || lines.isBlank(close + 1) else { return .none }
        if let refused = overLimits(lines, at: i, columns: runs.count, rows: close - columnsLine, limits: limits, end: close + 1) {
            return refused
        }
        var groups: [[Int]] = []
        var current: [Int] = []
        for k in columnsLine + 1..<close {
            if lines.isBlank(k) {
                if !current.isEmpty { groups.append(current) }
                current = []
            } else {
                current.append(k)
            }
        }
        if !current.isEmpty { groups.append(current) }
        // A headless table needs blank lines between rows (otherwise it is a simple table).
        guard let firstRow = groups.first, !(headless && groups.count == 1 && close == columnsLine + 1 + firstRow.count) else { return .none }
        let cuts = runs.dropFirst().map(\.lowerBound)
        return .table(PandocTableSyntax(form: .multiline, header: headless ? nil : row(lines, header, cuts: cuts),
                                 rows: groups.map { row(lines, $0, cuts: cuts) },
                                 alignments: alignments(lines, headless ? firstRow : header, runs: runs),
                                 widths: widths(runs.map(\.lowerBound) + [runs[runs.count - 1].upperBound + 1]),
                                 indent: runs[0].lowerBound, first: i, end: close + 1))
    }

    // MARK: Shared

    /// One row from its lines: each column's trimmed pieces, one per line.
    private static func row(_ lines: TableLines, _ rowLines: [Int], cuts: [Int]) -> Row {
        var cells = [[Range<Int>]](repeating: [], count: cuts.count + 1)
        for k in rowLines {
            for (c, piece) in lines.split(k, at: cuts).enumerated() {
                if let t = lines.trimmed(piece) { cells[c].append(t) }
            }
        }
        return Row(cells: cells, line: rowLines.first ?? 0)
    }

    /// pandoc's rule: text flush with its dashes on the left only is left-aligned, on the right only
    /// right-aligned, on neither centred, on both the default.
    private static func alignments(_ lines: TableLines, _ header: [Int], runs: [Range<Int>]) -> [Table.Alignment] {
        let cuts = runs.dropFirst().map(\.lowerBound)
        var widest = [Range<Int>?](repeating: nil, count: runs.count)
        for k in header {
            let pieces = lines.split(k, at: [runs[0].lowerBound] + cuts).dropFirst()
            for (c, piece) in pieces.enumerated() {
                var hi = piece.upperBound
                while hi > piece.lowerBound, lines.b[hi - 1] == 0x20 || lines.b[hi - 1] == 0x09 { hi -= 1 }
                guard hi > piece.lowerBound else { continue }
                if let w = widest[c], lines.width(of: w) >= lines.width(of: piece.lowerBound..<hi) { continue }
                widest[c] = piece.lowerBound..<hi
            }
        }
        return zip(widest, runs).map { w, run in
            guard let w else { return .none }
            let left = lines.b[w.lowerBound] == 0x20 || lines.b[w.lowerBound] == 0x09
            let right = lines.width(of: w) < run.count
            switch (left, right) {
            case (true, false): return .right
            case (false, true): return .left
            case (true, true): return .center
            case (false, false): return .none
            }
        }
    }

    /// pandoc's relative widths: each column's share of the line (at least 72 columns wide), from where
    /// its dashes start to where the next column's start; `starts` ends where the last column ends
    /// (in a multiline table, one past its dashes, as if a space followed them).
    static func widths(_ starts: [Int]) -> [Double] {
        guard starts.count >= 2 else { return [] }
        var lengths = zip(starts.dropFirst(), starts).map { $0 - $1 }
        // The last column has no space after it; pandoc gives it the width of the one before when close.
        if lengths.count >= 2, let x = lengths.last, case let y = lengths[lengths.count - 2], x < y, y - x <= 2 {
            lengths[lengths.count - 1] = y
        }
        let total = Double(max(lengths.reduce(0, +), 72, starts.last ?? 0))
        return lengths.map { Double($0) / total }
    }
}

extension PandocTableScan {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
