import Foundation
import Testing
@testable import FolioKit

/// pandoc's simple, multiline and grid tables (issue 16): cells, alignment and widths as pandoc reads
/// them (the expected widths are pandoc 3.9's), captions and references, in both writers; what Folio's
/// tables cannot hold is a located error.
@Suite struct PandocTableTests {
    static func table(_ markdown: String) throws -> Table {
        let (doc, diagnostics) = CmarkParser.parse(markdown, file: "t.md")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let tables = doc.blocks.compactMap { b -> Table? in if case .table(let t) = b.kind { return t } else { return nil } }
        return try #require(tables.first, "no table in \(doc.blocks.map(\.kind))")
    }

    static func texts(_ row: Table.Row) -> [String] { row.cells.map(\.plainText) }

    @Test func simpleTableWithHeader() throws {
        let t = try Self.table("""
              Right     Left     Center     Default
            -------     ------ ----------   -------
                 12     12        12            12
                123     123       123          123

            Table: Demonstration of simple table syntax. {#tbl:simple}
            """)
        #expect(Self.texts(t.header) == ["Right", "Left", "Center", "Default"])
        #expect(t.alignments == [.right, .left, .center, .none])
        #expect(t.rows.map(Self.texts) == [["12", "12", "12", "12"], ["123", "123", "123", "123"]])
        #expect(t.caption?.plainText == "Demonstration of simple table syntax.")
        #expect(t.attributes.id == "tbl:simple")
        #expect(t.widths == nil)
    }

    @Test func headerlessSimpleTableTakesAlignmentFromItsFirstRow() throws {
        let t = try Self.table("""
            -------     ------ ----------   -------
                 12     12        12             12
                123     123       123           123
            -------     ------ ----------   -------
            """)
        #expect(t.header.cells.isEmpty)
        #expect(t.alignments == [.right, .left, .center, .right])
        #expect(t.rows.count == 2)
    }

    static let multiline = """
        -------------------------------------------------------------
         Centered   Default           Right Left
          Header    Aligned         Aligned Aligned
        ----------- ------- --------------- -------------------------
           First    row                12.0 Example of a row that
                                            spans multiple lines.

          Second    row                 5.0 Here's another one. Note
                                            the blank line between
                                            rows.
        -------------------------------------------------------------

        : Here's the caption. {#tbl:multi}
        """

    @Test func multilineTableJoinsLinesAndKeepsWidths() throws {
        let t = try Self.table(Self.multiline)
        #expect(Self.texts(t.header) == ["Centered Header", "Default Aligned", "Right Aligned", "Left Aligned"])
        #expect(t.alignments == [.center, .none, .right, .left])
        #expect(t.rows.map(Self.texts) == [["First", "row", "12.0", "Example of a row that spans multiple lines."],
                                           ["Second", "row", "5.0", "Here's another one. Note the blank line between rows."]])
        // pandoc 3.9 writes 16%, 11%, 22% and 36% (rounded down).
        #expect(t.widths.map { $0.map { Int($0 * 100) } } == [16, 11, 22, 36])
        #expect(t.attributes.id == "tbl:multi")
    }

    @Test func headerlessMultilineTable() throws {
        let t = try Self.table("""
            ----------- ------- --------------- -------------------------
               First    row                12.0 Example of a row that
                                                spans multiple lines.

              Second    row                 5.0 Here's another one.
            ----------- ------- --------------- -------------------------
            """)
        #expect(t.header.cells.isEmpty)
        #expect(t.rows.count == 2)
        #expect(t.alignments == [.center, .left, .right, .left])
    }

    static let grid = """
        +---------------+---------------+--------------------+
        | Fruit         | Price         | Advantages         |
        +===============+==============:+:==================:+
        | Bananas       | 1.34          | built-in wrapper,  |
        |               |               | bright color       |
        +---------------+---------------+--------------------+
        | Oranges       | 2.10          | cures `a|b` [@a]   |
        +---------------+---------------+--------------------+

        Table: Fruit. {#tbl:grid}
        """

    @Test func gridTable() throws {
        let t = try Self.table(Self.grid)
        #expect(Self.texts(t.header) == ["Fruit", "Price", "Advantages"])
        #expect(t.alignments == [.none, .right, .center])
        #expect(t.rows.count == 2)
        #expect(Self.texts(t.rows[0]) == ["Bananas", "1.34", "built-in wrapper, bright color"])
        #expect(t.widths.map { $0.map { Int($0 * 100) } } == [22, 22, 29])
        // The cell keeps its code span (with its pipe) and its citation, located where it was written.
        let cell = t.rows[1].cells[2]
        #expect(cell.contains { if case .code("a|b") = $0.kind { true } else { false } })
        let citation = cell.first { if case .citation = $0.kind { true } else { false } }
        #expect(citation?.range.start.line == 7)
        #expect(citation?.range.start.column == 47)
    }

    @Test func wideCharactersCountTwoColumns() throws {
        let t = try Self.table("""
            +----------+------+
            | 数据表   | 值   |
            +==========+======+
            | 模型     | 12   |
            +----------+------+
            """)
        #expect(Self.texts(t.header) == ["数据表", "值"])
        #expect(Self.texts(t.rows[0]) == ["模型", "12"])
    }

    /// One header line: a sentence above a table is a paragraph, never cut into header cells.
    @Test func aSentenceAboveIsNotAHeader() {
        let (doc, _) = CmarkParser.parse("The results are below:\nName   Value\n-----  -----\na      1\n", file: "t.md")
        #expect(!doc.blocks.contains { if case .table = $0.kind { true } else { false } })
        #expect(doc.blocks.first.map { if case .paragraph = $0.kind { true } else { false } } == true)
    }

    @Test func tableInAListItemStaysInIt() throws {
        let (doc, _) = CmarkParser.parse("""
            - An item:

              Name    Value
              ------  -----
              a       1

            - Next item.
            """, file: "t.md")
        guard case .list(let l) = doc.blocks.first?.kind else { Issue.record("no list"); return }
        #expect(l.items.count == 2)
        #expect(l.items[0].content.contains { if case .table = $0.kind { true } else { false } })
    }

    @Test(arguments: [
        "Title\n-----\n\nText.\n",                  // a setext heading
        "Text.\n\n- - -\n\nMore.\n",                // a thematic break
        "---\n\nText.\n\n---\n",                    // rules around a paragraph
        "------\nA paragraph\n\nand another.\n",     // a rule, then prose
        "Text  more\n---  ---\n",                   // header and rule, but no row
        "<!--\nName   Value\n-----  -----\na      1\n-->\n",  // a table in an HTML comment
        "<!--\n\nName   Value\n-----  -----\na      1\n\n-->\n", // also across blank lines
    ])
    func ordinaryMarkdownIsNotATable(_ markdown: String) {
        let (doc, diagnostics) = CmarkParser.parse(markdown, file: "t.md")
        #expect(diagnostics.isEmpty)
        #expect(!doc.blocks.contains { if case .table = $0.kind { true } else { false } })
    }

    @Test(arguments: [
        ("+---+---+\n| a | b |\n+---+---+\n| c     |\n+---+---+\n", "t.md:4:1", "spans two columns", "table.unsupported"),
        ("+---+---+\n| a | b |\n+---+   +\n| c |   |\n+---+---+\n", "t.md:3:1", "spans two rows", "table.unsupported"),
        ("+-----+---+\n| - a | b |\n| - c |   |\n+-----+---+\n", "t.md:2:3", "holds a list", "table.unsupported"),
        ("+-----+---+\n| a   | b |\n|     |   |\n| c   |   |\n+-----+---+\n", "t.md:2:3", "several paragraphs", "table.unsupported"),
        ("+---+---+\n| a | b  |\n+---+---+\n", "t.md:2:1", "does not keep the table's columns", "table.malformed"),
        ("+---+---+\n| a | b |\n", "t.md:2:1", "ends with a rule", "table.malformed"),
    ])
    func gridTablesFolioCannotHoldAreLocatedErrors(_ markdown: String, _ at: String, _ message: String, _ id: String) {
        let (_, diagnostics) = CmarkParser.parse(markdown, file: "t.md")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.id == id)
        #expect(error?.location?.description == at)
        #expect(error?.message.contains(message) == true, "\(String(describing: error?.message))")
    }

    @Test func tablesOverTheLimitsAreRefusedBeforeTheirCellsAreRead() {
        var limits = InputLimits()
        limits.tableColumns = 3
        let (_, diagnostics) = CmarkParser.parse("a  b  c  d\n-- -- -- --\n1  2  3  4\n", file: "t.md", limits: limits)
        #expect(diagnostics.map(\.id) == ["limits.table-columns"])
        #expect(diagnostics.first?.location?.description == "t.md:1:1")
    }

    @Test func bothWritersNumberAndSizeTheTables() throws {
        let r = try PandocInputTests.build("# Tables {#sec:t}\n\nSee @tbl:multi and @tbl:grid.\n\n" + Self.multiline + "\n\n" + Self.grid + "\n")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty, "\(r.diagnostics)")
        #expect(r.html.contains("<a href=\"#tbl:multi\">Table 1.1</a>") && r.html.contains("<a href=\"#tbl:grid\">Table 1.2</a>"))
        #expect(r.html.contains("<col style=\"width: 16.667%\">"))
        #expect(r.tex.contains("\\label{tbl:multi}") && r.tex.contains("\\label{tbl:grid}"))
        #expect(r.tex.contains("*167/1000\\relax}"), "the LaTeX column follows the dashes")
        #expect(r.tex.contains("\\citep") || r.tex.contains("ref-a") || r.tex.contains("Alpha"), "the citation in a cell is resolved")
        #expect(!r.html.contains("+---") && !r.tex.contains("+---"))
    }
}
