/// pandoc's grid tables: `+---+---+` rules, `|` borders, `+===+` under the header row, colons in a
/// rule for alignment. A cell spanning rows or columns, or a cell holding a list or several
/// paragraphs, cannot be a cell of Folio's tables: each is a located error, never a table read wrongly.
extension PandocTableSyntax {
    private struct Rule {
        var pluses: [Int]
        var header: Bool
        var alignments: [Table.Alignment]
    }

    static func grid(_ lines: inout TableLines, at i: Int, limits: InputLimits) -> PandocTableScan {
        guard let top = rule(lines, i) else { return .none }
        var end = i + 1
        while end < lines.count, let c = firstCharacter(lines, end), c == UInt8(ascii: "+") || c == UInt8(ascii: "|") { end += 1 }
        let bounds = top.pluses
        if let refused = overLimits(lines, at: i, columns: bounds.count - 1, rows: end - i, limits: limits, end: end) { return refused }
        func problem(_ line: Int, _ message: String, _ note: String, id: String = "table.malformed", at: Int? = nil) -> PandocTableScan {
            .problem(offset: at ?? lines.bounds(line).start + lines.leadingSpaces(line), id: id, message: message, note: note, end: end)
        }
        let align = "keep every '|' and '+' under a '+' of the table's first rule"
        var header: Row?
        var headerRule: Rule?
        var rows: [Row] = []
        var current: [Int] = []
        for k in i + 1..<end {
            let pieces = lines.split(k, at: bounds.flatMap { [$0, $0 + 1] })
            guard lines.trimmed(pieces[0]) == nil, lines.trimmed(pieces[pieces.count - 1]) == nil else {
                return problem(k, "this line of a grid table does not keep the table's columns", align)
            }
            let borders = (0..<bounds.count).map { lines.b[pieces[2 * $0 + 1]].first }
            if let r = rule(lines, k) {
                guard r.pluses == bounds else {
                    return problem(k, "this rule of a grid table does not keep the table's columns", align)
                }
                guard !current.isEmpty else { return problem(k, "two rules of a grid table with no row between them", "delete one of the rules") }
                switch cells(lines, current, bounds: bounds) {
                case .failure(let p): return problem(i, p.message, p.note, id: "table.unsupported", at: p.offset)
                case .success(let row):
                    if r.header, header == nil, rows.isEmpty {
                        header = row
                        headerRule = r
                    } else {
                        rows.append(row)
                    }
                }
                current = []
            } else if borders.allSatisfy({ $0 == UInt8(ascii: "|") }) {
                current.append(k)
            } else if borders.allSatisfy({ $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "+") }) {
                return problem(k, "a cell of this grid table spans two rows; Folio's tables have one cell per row and column",
                               "split the cell into one per row, or write the table as a pipe table", id: "table.unsupported")
            } else if let c = borders.firstIndex(where: { $0 != UInt8(ascii: "|") }), c > 0, c < bounds.count - 1,
                      borders.last == UInt8(ascii: "|") {
                return problem(k, "a cell of this grid table spans two columns; Folio's tables have one cell per row and column",
                               "split the cell into one per column, or write the table as a pipe table", id: "table.unsupported")
            } else {
                return problem(k, "this line of a grid table does not keep the table's columns", align)
            }
        }
        guard current.isEmpty, !rows.isEmpty || header != nil else {
            return problem(end - 1, "a grid table ends with a rule of '+' and '-'", "end the table with a rule like its first line")
        }
        return .table(PandocTableSyntax(form: .grid, header: header, rows: rows,
                                        alignments: (headerRule ?? top).alignments, widths: widths(bounds),
                                        indent: bounds[0], first: i, end: end))
    }

    private static func firstCharacter(_ lines: TableLines, _ k: Int) -> UInt8? {
        let (s, e) = lines.bounds(k)
        let at = s + lines.leadingSpaces(k)
        return at < e ? lines.b[at] : nil
    }

    /// `+---+:==:+`: the display columns of its pluses, whether it is a header rule, and alignments.
    private static func rule(_ lines: TableLines, _ k: Int) -> Rule? {
        let (s, e) = lines.bounds(k)
        var at = s + lines.leadingSpaces(k)
        var end = e
        while end > at, lines.b[end - 1] == 0x20 { end -= 1 }
        guard at < end, lines.b[at] == UInt8(ascii: "+"), lines.b[end - 1] == UInt8(ascii: "+"), end - at >= 3 else { return nil }
        var pluses: [Int] = []
        var alignments: [Table.Alignment] = []
        var header = false
        var segment: [UInt8] = []
        while at < end {
            let c = lines.b[at]
            switch c {
            case UInt8(ascii: "+"):
                if !pluses.isEmpty {
                    guard segment.contains(where: { $0 != UInt8(ascii: ":") }) else { return nil }
                    let left = segment.first == UInt8(ascii: ":"), right = segment.last == UInt8(ascii: ":")
                    alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
                }
                pluses.append(at - s)
                segment = []
            case UInt8(ascii: "-"), UInt8(ascii: ":"): segment.append(c)
            case UInt8(ascii: "="): header = true; segment.append(c)
            default: return nil
            }
            at += 1
        }
        return pluses.count >= 2 ? Rule(pluses: pluses, header: header, alignments: alignments) : nil
    }

    private struct CellProblem: Error {
        var offset: Int
        var message: String
        var note: String
    }

    /// A row's cells from its lines between borders; a cell must hold one paragraph.
    private static func cells(_ lines: TableLines, _ rowLines: [Int], bounds: [Int]) -> Result<Row, CellProblem> {
        var cells = [[Range<Int>]](repeating: [], count: bounds.count - 1)
        var texts = [[(line: Int, piece: Range<Int>)]](repeating: [], count: bounds.count - 1)
        for k in rowLines {
            let pieces = lines.split(k, at: bounds.flatMap { [$0, $0 + 1] })
            for c in 0..<(bounds.count - 1) { texts[c].append((k, pieces[2 * c + 2])) }
        }
        for (c, column) in texts.enumerated() {
            let filled = column.filter { lines.trimmed($0.piece) != nil }
            guard let firstFilled = filled.first, let lastFilled = filled.last else { continue }
            let inner = column.filter { $0.line >= firstFilled.line && $0.line <= lastFilled.line }
            if inner.count != filled.count {
                return .failure(CellProblem(offset: lines.trimmed(firstFilled.piece)?.lowerBound ?? firstFilled.piece.lowerBound, message: "a cell of this grid table holds several paragraphs; Folio's table cells hold one",
                                            note: "join the paragraphs, or move the text out of the table"))
            }
            for (_, piece) in filled {
                guard let t = lines.trimmed(piece) else { continue }
                if let what = blockStart(lines.b, t) {
                    return .failure(CellProblem(offset: t.lowerBound, message: "a cell of this grid table holds \(what); Folio's table cells hold one paragraph",
                                                note: "write it as text (items separated by ';'), or move it out of the table"))
                }
                cells[c].append(t)
            }
        }
        return .success(Row(cells: cells, line: rowLines.first ?? 0))
    }

    /// What kind of block a cell's line starts, if any: a list item, a quotation or a code fence.
    private static func blockStart(_ b: [UInt8], _ r: Range<Int>) -> String? {
        let c = b[r.lowerBound]
        let next = r.lowerBound + 1 < r.upperBound ? b[r.lowerBound + 1] : 0x20
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+"), next == 0x20 || r.count == 1 { return "a list" }
        if c == UInt8(ascii: ">") { return "a quotation" }
        if c == UInt8(ascii: "`"), next == UInt8(ascii: "`"), r.count >= 3, b[r.lowerBound + 2] == UInt8(ascii: "`") { return "a code block" }
        var k = r.lowerBound
        while k < r.upperBound, k - r.lowerBound < 9, b[k] >= 0x30, b[k] <= 0x39 { k += 1 }
        if k > r.lowerBound, k + 1 < r.upperBound, b[k] == UInt8(ascii: ".") || b[k] == UInt8(ascii: ")"), b[k + 1] == 0x20 {
            return "a list"
        }
        return nil
    }
}
