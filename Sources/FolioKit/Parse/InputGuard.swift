import Foundation

/// A single linear pass over a chapter that enforces `InputLimits` before cmark-gfm sees the text,
/// so hostile input is refused with a located error instead of hanging the parser or flooding the output.
public struct InputGuard {
    let limits: InputLimits
    let file: String
    let lineOffset: Int

    /// Where the limit is set, for messages ("in folio.yaml" or "with --limit").
    let remedy: String

    public static func check(_ text: String, file: String, lineOffset: Int = 0, limits: InputLimits,
                             remedy: String = "the manifest's 'limits:' section") -> Diagnostic? {
        InputGuard(limits: limits, file: file, lineOffset: lineOffset, remedy: remedy).scan(Array(text.utf8))
    }

    private func violation(_ name: String, _ what: String, found: Int, limit: Int, line: Int, column: Int) -> Diagnostic {
        .error("limits.\(name)", "\(what) (\(found)) exceeds the limit of \(limit)",
               at: SourceLocation(file: file, line: line + lineOffset, column: column),
               notes: ["raise '\(name)' in \(remedy) if this input is intended"])
    }

    private func scan(_ b: [UInt8]) -> Diagnostic? {
        if b.count > limits.chapterBytes {
            let (line, column) = position(of: limits.chapterBytes, in: b)
            return violation("chapter-bytes", "chapter size in bytes", found: b.count, limit: limits.chapterBytes,
                             line: line, column: column)
        }
        var line = 0
        var start = 0
        var fences = CodeFenceTracker()
        var listIndents: [Int] = []
        var footnoteIndents: [Int] = []
        var tableColumns = 0
        var tableRows = 0
        var tablePadding = 0
        var previousLineHadPipe = false
        var footnotes = 0
        var references = 0
        let hasCR = b.withUnsafeBufferPointer { p in p.baseAddress.map { memchr($0, 0x0D, p.count) != nil } ?? false }
        func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        while start < b.count {
            line += 1
            // Lines end at LF, CRLF or a lone CR, as in CommonMark.
            let end = Self.lineEnd(b, from: start, hasCR: hasCR)
            let next = end < b.count && b[end] == 0x0D && end + 1 < b.count && b[end + 1] == 0x0A ? end + 2 : end + 1
            defer { start = next }
            var i = start
            // Block-quote markers, each optionally followed by a space or tab.
            var quotes = 0
            while true {
                var j = i
                while j < end, j - i < 4, isBlank(b[j]) { j += 1 }
                guard j < end, b[j] == UInt8(ascii: ">") else { break }
                quotes += 1
                i = j + 1
                if quotes > limits.quoteDepth && fences.open == nil {
                    return violation("quote-depth", "block quotes nested this deep", found: quotes, limit: limits.quoteDepth,
                                     line: line, column: i - start)
                }
            }
            var indent = 0
            while i < end, isBlank(b[i]) { indent += b[i] == 0x09 ? 4 : 1; i += 1 }
            // Inside a fenced code block only the closing fence matters.
            if fences.open != nil {
                _ = fences.feed(b[i..<end])
                continue
            }
            if i >= end {
                tableColumns = 0
                previousLineHadPipe = false
                continue
            }
            // Lists: each marker opens a level; a line indented less than a level's content closes it.
            var column = indent
            while let last = listIndents.last, last > column { listIndents.removeLast() }
            while let width = listMarkerWidth(b, i, end) {
                listIndents.append(column + width)
                column += width
                i += width
                while i < end, isBlank(b[i]) { i += 1; column += 1 }
                if listIndents.count > limits.listDepth {
                    return violation("list-depth", "lists nested this deep", found: listIndents.count, limit: limits.listDepth,
                                     line: line, column: i - start)
                }
            }
            if fences.feed(b[i..<end]) == .opens { continue }
            // Footnote definitions, and how deeply they nest inside one another.
            if i + 2 < end, b[i] == UInt8(ascii: "["), b[i + 1] == UInt8(ascii: "^"), isFootnoteDefinition(b, i, end) {
                footnotes += 1
                while let last = footnoteIndents.last, last + 4 > indent { footnoteIndents.removeLast() }
                footnoteIndents.append(indent)
                if footnotes > limits.footnotes {
                    return violation("footnotes", "footnote definitions in this chapter", found: footnotes,
                                     limit: limits.footnotes, line: line, column: i - start + 1)
                }
                if footnoteIndents.count > limits.footnoteDepth {
                    return violation("footnote-depth", "footnote definitions nested this deep", found: footnoteIndents.count,
                                     limit: limits.footnoteDepth, line: line, column: i - start + 1)
                }
            } else {
                while let last = footnoteIndents.last, last + 4 > indent { footnoteIndents.removeLast() }
            }
            // Footnote references and table pipes on this line.
            let (pipes, overflow) = Self.pipesAndReferences(b, i, end, references: &references, limit: limits.footnoteReferences)
            if let k = overflow {
                return violation("footnote-references", "footnote references in this chapter", found: references,
                                 limit: limits.footnoteReferences, line: line, column: k - start + 1)
            }
            // Tables: a delimiter row fixes the column count; every later row adds that many cells.
            if let columns = delimiterRowColumns(b, i, end), previousLineHadPipe || columns > 1 {
                tableColumns = columns
                tableRows = 2
                if columns > limits.tableColumns {
                    return violation("table-columns", "columns in this table", found: columns, limit: limits.tableColumns,
                                     line: line, column: i - start + 1)
                }
                tablePadding = 0
            } else if tableColumns > 0 {
                tableRows += 1
                if tableRows * tableColumns > limits.tableCells {
                    return violation("table-cells", "cells in this table", found: tableRows * tableColumns,
                                     limit: limits.tableCells, line: line, column: i - start + 1)
                }
                // Short rows are padded with empty cells; bound the padding so output stays near input size.
                tablePadding += max(0, tableColumns - cellsInRow(b, i, end, pipes: pipes))
                if tablePadding > limits.tableCells / 10 {
                    return violation("table-cells", "empty cells padded into short rows of this table", found: tablePadding,
                                     limit: limits.tableCells / 10, line: line, column: i - start + 1)
                }
            }
            previousLineHadPipe = pipes > 0
        }
        return nil
    }

    // The two loops that read every byte of a chapter, over the array's buffer (no bounds check per byte).

    /// Where the line starting at `start` ends: at its first LF or CR, or at the end of the text.
    /// Without a CR in the text (`hasCR`), memchr finds the LF.
    private static func lineEnd(_ b: [UInt8], from start: Int, hasCR: Bool) -> Int {
        b.withUnsafeBufferPointer { p in
            if !hasCR { return p.firstIndex(of: 0x0A, from: start) }
            var end = start
            while end < p.count, p[end] != 0x0A, p[end] != 0x0D { end += 1 }
            return end
        }
    }

    private static let pipeOrBracket = ByteSet("|[")

    /// The unescaped pipes in `i..<end`, counting its footnote references (`[^`) into `references`;
    /// where the reference that went past `limit` starts, if one did.
    private static func pipesAndReferences(_ b: [UInt8], _ i: Int, _ end: Int, references: inout Int,
                                           limit: Int) -> (pipes: Int, overflow: Int?) {
        b.withUnsafeBufferPointer { p in
            var pipes = 0
            var k = i
            while k < end {
                k = pipeOrBracket.firstIndex(in: p, from: k, to: end)
                guard k < end else { break }
                let c = p[k]
                if c == UInt8(ascii: "|") {
                    if k == i || p[k - 1] != UInt8(ascii: "\\") { pipes += 1 }
                } else if c == UInt8(ascii: "["), k + 1 < end, p[k + 1] == UInt8(ascii: "^") {
                    references += 1
                    if references > limit { return (pipes, k) }
                }
                k += 1
            }
            return (pipes, nil)
        }
    }

    /// Cells a table row writes: its unescaped pipes plus one, less a leading and a trailing pipe.
    private func cellsInRow(_ b: [UInt8], _ i: Int, _ end: Int, pipes: Int) -> Int {
        var last = end
        while last > i, b[last - 1] == 0x20 || b[last - 1] == 0x09 { last -= 1 }
        var cells = pipes + 1
        if i < last, b[i] == UInt8(ascii: "|") { cells -= 1 }
        if last > i + 1, b[last - 1] == UInt8(ascii: "|") { cells -= 1 }
        return max(cells, 1)
    }

    /// Width of a list marker (`- `, `* `, `+ `, `12. `, `3) `) starting at `i`, or nil.
    private func listMarkerWidth(_ b: [UInt8], _ i: Int, _ end: Int) -> Int? {
        guard i < end else { return nil }
        let c = b[i]
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+") {
            return i + 1 == end || b[i + 1] == 0x20 || b[i + 1] == 0x09 ? 1 : nil
        }
        var j = i
        while j < end, j - i < 9, b[j] >= 0x30, b[j] <= 0x39 { j += 1 }
        guard j > i, j < end, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ")") else { return nil }
        return j + 1 == end || b[j + 1] == 0x20 || b[j + 1] == 0x09 ? j + 1 - i : nil
    }

    private func isFootnoteDefinition(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        var j = i + 2
        while j < end, b[j] != UInt8(ascii: "]"), j - i < 1000 { j += 1 }
        return j + 1 < end && b[j] == UInt8(ascii: "]") && b[j + 1] == UInt8(ascii: ":")
    }

    /// Column count of a GFM delimiter row such as `|:--|--:|`, or nil if the line is not one.
    private func delimiterRowColumns(_ b: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var columns = 0
        var dashes = 0
        var sawPipe = false
        var cellOpen = false
        for k in i..<end {
            switch b[k] {
            case UInt8(ascii: "|"):
                sawPipe = true
                if cellOpen {
                    guard dashes > 0 else { return nil }
                    columns += 1
                }
                cellOpen = false
                dashes = 0
            case UInt8(ascii: "-"):
                dashes += 1
                cellOpen = true
            case UInt8(ascii: ":"):
                cellOpen = true
            case 0x20, 0x09, 0x0D:
                continue
            default:
                return nil
            }
        }
        if cellOpen {
            guard dashes > 0 else { return nil }
            columns += 1
        }
        return sawPipe || columns > 1 ? columns : nil
    }

    /// Line and column (1-based) of byte `offset`.
    private func position(of offset: Int, in b: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, b.count) where b[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return (line, offset - lineStart + 1)
    }
}
