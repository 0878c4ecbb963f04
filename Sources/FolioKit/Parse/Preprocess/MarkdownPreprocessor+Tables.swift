/// pandoc's simple, multiline and grid tables (`PandocTableSyntax`) written as GFM pipe tables for
/// cmark-gfm: one line per row, cells scanned like any text (citations, math and references keep
/// their exact source positions), `|` in a cell escaped. What a pipe table cannot say (relative
/// widths, no header row) goes to the converter as a `TableShape`, keyed by the table's first line.
extension MarkdownPreprocessor {
    /// Writes a pandoc table starting at line `lineIndex`, if one starts there; returns the line after it.
    mutating func pandocTable(at lineIndex: Int) -> Int? {
        guard Self.mayStartTable(b, lineStarts[lineIndex]) else { return nil }
        var lines = tableLines ?? TableLines(b, starts: lineStarts)
        let scan = PandocTableSyntax.scan(&lines, at: lineIndex, limits: limits)
        tableLines = lines
        switch scan {
        case .none:
            return nil
        case .problem(let offset, let id, let message, let note, let end):
            let at = location(offset)
            diagnostics.append(Diagnostic(.error, id, message, range: SourceRange(at: at),
                                          notes: [.init(note)]))
            for k in lineIndex..<end {
                let (s, e) = (lineStarts[k], k + 1 < lineStarts.count ? lineStarts[k + 1] - 1 : b.count)
                copyLine(s, e, k)
            }
            return end
        case .table(let t):
            writePipeTable(t)
            return t.end
        }
    }

    /// A cheap test of a line's first character before the recogniser runs.
    private static func mayStartTable(_ b: [UInt8], _ start: Int) -> Bool {
        var k = start
        while k < b.count, b[k] == 0x20 { k += 1 }
        guard k < b.count, b[k] != 0x0A, b[k] != UInt8(ascii: "#"), b[k] != UInt8(ascii: "|"), b[k] != UInt8(ascii: ">"),
              b[k] != UInt8(ascii: "<") else { return false }
        return true
    }

    private mutating func writePipeTable(_ t: PandocTableSyntax) {
        let columns = t.alignments.count
        let indent = [UInt8](repeating: 0x20, count: min(t.indent, 3))
        tableShapes[t.first + 1 + lineOffset] = TableShape(widths: t.widths, headerless: t.header == nil)
        func row(_ r: PandocTableSyntax.Row?) {
            out += indent
            out.append(UInt8(ascii: "|"))
            for c in 0..<columns {
                out.append(0x20)
                let segments: [Range<Int>] = r.map { c < $0.cells.count ? $0.cells[c] : [] } ?? []
                for (n, segment) in segments.enumerated() {
                    if n > 0 { out.append(0x20) }
                    let from = out.count
                    inTableCell = true
                    scanInline(segment.lowerBound, segment.upperBound)
                    inTableCell = false
                    escapePipes(from: from)
                }
                out += Array(" |".utf8)
            }
        }
        func endLine(next: Int) {
            out.append(0x0A)
            lineMap.append(next + 1)
        }
        let rows = t.rows
        row(t.header)
        endLine(next: t.header?.line ?? t.first)
        out += indent
        out.append(UInt8(ascii: "|"))
        for a in t.alignments {
            out += Array((a == .left ? ":--" : a == .center ? ":-:" : a == .right ? "--:" : "---").utf8)
            out.append(UInt8(ascii: "|"))
        }
        for r in rows {
            endLine(next: r.line)
            row(r)
        }
        guard t.end < lineStarts.count else { return }
        endLine(next: t.end)
        // A pipe table goes on until a blank line: keep the next block out of it.
        if let lines = tableLines, !lines.isBlank(t.end) { endLine(next: t.end) }
    }

    /// `|` in a cell's text becomes `\|`, as a pipe table needs (also inside code spans, as GFM reads them).
    private mutating func escapePipes(from: Int) {
        guard out[from...].contains(UInt8(ascii: "|")) else { return }
        var escaped: [UInt8] = []
        for k in from..<out.count {
            if out[k] == UInt8(ascii: "|"), !(k > from && out[k - 1] == UInt8(ascii: "\\")) { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(out[k])
        }
        out.replaceSubrange(from..<out.count, with: escaped)
    }
}

/// What a pipe table written for a pandoc table cannot say: relative widths, and that it has no header.
struct TableShape {
    var widths: [Double]?
    var headerless: Bool
}
