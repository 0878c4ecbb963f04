import Foundation
import CCmarkGFM
import CParseArena

/// Parses Markdown with libcmark-gfm and converts its tree into Folio's model.
/// This is the only file that calls the C library.
public enum CmarkParser {
    /// The version string of the linked libcmark-gfm.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    /// The first release with the fixes for the 2023 CVEs (CVE-2023-22483 … -37463).
    public static let firstPatchedRelease = 13

    /// The `N` of `0.29.0.gfm.N`, or nil for a version string of another shape.
    public static func gfmRelease(_ version: String) -> Int? {
        guard let r = version.range(of: ".gfm.") else { return nil }
        return Int(version[r.upperBound...].prefix(while: \.isNumber))
    }

    /// A warning when the running library predates the CVE fixes; Folio's own input guards still apply.
    public static var libraryWarning: Diagnostic? {
        let version = libraryVersion
        if let n = gfmRelease(version), n >= firstPatchedRelease { return nil }
        return .warning("parser.unpatched-cmark-gfm",
            "running with libcmark-gfm \(version), which lacks the 2023 security fixes (0.29.0.gfm.\(firstPatchedRelease) or later)",
            at: nil, notes: ["run 'make' to install a fixed version; Folio's input limits still protect this build"])
    }

    /// Maximum nesting of blocks and inlines the converter descends into.
    static let maxDepth = 800

    /// cmark-gfm registers its extensions in a global list without a lock: once, before any parse,
    /// so that chapters can be parsed on several threads (a Swift static is initialised exactly once).
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Parses `text` as GitHub Flavored Markdown. `lineOffset` is added to every line
    /// (for files whose front matter was cut off before parsing). Text that breaks `limits` never
    /// reaches cmark-gfm: the result is an empty document and a located error. `smart` is pandoc's
    /// typographic punctuation, which a paper's chapters get and plain GFM does not.
    public static func parse(_ text: String, file: String, lineOffset: Int = 0, limits: InputLimits = InputLimits(),
                             remedy: String = "the manifest's 'limits:' section",
                             rawTeX: Diagnostic.Severity = .error, smart: Bool = false) -> (MarkdownDocument, [Diagnostic]) {
        if let violation = InputGuard.check(text, file: file, lineOffset: lineOffset, limits: limits, remedy: remedy) {
            return (MarkdownDocument(file: file, blocks: [], footnotes: []), [violation])
        }
        let pre = MarkdownPreprocessor.run(text, file: file, lineOffset: lineOffset, limits: limits, rawTeX: rawTeX)
        var (doc, diagnostics) = convert(pre.text, file: file, lineOffset: lineOffset, lineMap: pre.lineMap,
                                         tableShapes: pre.tableShapes)
        let expansion = PlaceholderExpansion(spans: pre.spans, mayHoldImages: text.containsBytes(UInt8(ascii: "!"), UInt8(ascii: "[")))
        doc = expansion.document(doc)
        if InlineNotes.mayHold(text) { doc = InlineNotes.document(doc) }
        var structure = BlockStructure(spans: pre.spans)
        doc = structure.document(doc)
        doc.reviewMarks = pre.reviews.count
        if smart, case let lines = SmartPunctuation.changingLines(text, firstLine: lineOffset + 1), !lines.isEmpty {
            doc = SmartPunctuation.document(doc, lines: lines)
        }
        if pre.spans.contains(where: { $0.original == "\\\"" || $0.original == "\\'" }) {
            doc = SmartPunctuation.restoreStraightQuotes(doc)
        }
        return (doc, pre.diagnostics + diagnostics + expansion.diagnostics + structure.diagnostics)
    }

    /// cmark-gfm keeps the inline parser's special characters in one global table: each parser adds
    /// its extensions' characters when it starts parsing inlines and removes them when it is done, so
    /// two at once would lose '~' (strikethrough) now and then. Inlines are parsed in
    /// `cmark_parser_finish`, so only that call is taken one at a time; reading the blocks (`feed`),
    /// which never touches the table, and everything else run in parallel.
    private static let inlineLock = NSLock()

    /// cmark-gfm's tree for `text`, allocated from `memory`.
    private static func parseTree(_ text: String, memory: UnsafeMutablePointer<cmark_mem>) -> OpaquePointer? {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new_with_mem(options, memory) else { return nil }
        for name in ["table", "strikethrough", "tasklist"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) { cmark_parser_feed(parser, $0, buf.count) }
            }
        }
        return inlineLock.withLock { cmark_parser_finish(parser) }
    }

    /// Runs cmark-gfm on already-guarded, preprocessed text and converts its tree.
    private static func convert(_ text: String, file: String, lineOffset: Int, lineMap: [Int],
                                tableShapes: [Int: TableShape]) -> (MarkdownDocument, [Diagnostic]) {
        _ = registered
        // The parser, the tree and every string read from it come from this thread's arena, released
        // whole once the tree is converted: freeing cmark's nodes one by one cost as much as a tenth
        // of parsing.
        folio_arena_begin()
        defer { folio_arena_end() }
        var memory = cmark_mem(calloc: folio_arena_calloc, realloc: folio_arena_realloc, free: folio_arena_free)
        return withUnsafeMutablePointer(to: &memory) { memory in
            guard let root = parseTree(text, memory: memory) else {
                return (MarkdownDocument(file: file, blocks: [], footnotes: []),
                        [.error("parse.failed", "cmark-gfm could not parse the chapter (out of memory?)", at: nil)])
            }
            var converter = Converter(file: file, lineOffset: lineOffset, lineMap: lineMap, tableShapes: tableShapes)
            let doc = converter.document(root)
            return (doc, converter.diagnostics)
        }
    }
}

private struct Converter {
    let file: String
    /// `file`'s number, looked up once for every node's range.
    let fileNumber: Int32
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []
    var depth = 0
    var depthReported = false
    /// Labels of the footnote definitions, in reference order.
    var defLabels: [String] = []
    var defLabelSet: Set<String> = []

    /// Line of the preprocessed text → line of the original text.
    let lineMap: [Int]
    /// pandoc tables the preprocessor wrote as pipe tables, by their first line.
    let tableShapes: [Int: TableShape]

    init(file: String, lineOffset: Int, lineMap: [Int], tableShapes: [Int: TableShape]) {
        self.file = file
        fileNumber = SourceFiles.number(file)
        self.lineOffset = lineOffset
        self.lineMap = lineMap
        self.tableShapes = tableShapes
    }

    func originalLine(_ line: Int) -> Int {
        line >= 1 && line <= lineMap.count ? lineMap[line - 1] : line
    }

    mutating func document(_ root: OpaquePointer) -> MarkdownDocument {
        var blocks: [Block] = []
        var defs: [MarkdownDocument.Footnote] = []
        let top = children(root)
        // cmark-gfm 0.29.0.gfm.6 gives no label for a definition; it is then known by its number.
        defLabels = top.filter { cmark_node_get_type($0) == CMARK_NODE_FOOTNOTE_DEFINITION }.enumerated().map { i, node in
            let label = literal(node)
            return label.isEmpty ? String(i + 1) : label
        }
        defLabelSet = Set(defLabels)
        for child in top {
            if cmark_node_get_type(child) == CMARK_NODE_FOOTNOTE_DEFINITION {
                defs.append(.init(label: defLabels[defs.count], content: blockList(child), range: range(child, fallback: nil)))
            } else if let b = block(child, parentRange: nil) {
                blocks.append(b)
            }
        }
        return MarkdownDocument(file: file, blocks: blocks, footnotes: defs)
    }

    // MARK: Blocks

    mutating func blockList(_ node: OpaquePointer) -> [Block] {
        let r = range(node, fallback: nil)
        var blocks: [Block] = []
        Self.forEachChild(of: node) { if let b = block($0, parentRange: r) { blocks.append(b) } }
        return blocks
    }

    mutating func block(_ node: OpaquePointer, parentRange: SourceRange?) -> Block? {
        let r = range(node, fallback: parentRange)
        guard enter(r) else { return nil }
        defer { depth -= 1 }
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH:
            return Block(.paragraph(inlines(node, r)), range: r)
        case CMARK_NODE_HEADING:
            let level = Int(cmark_node_get_heading_level(node))
            var content = inlines(node, r)
            var attrs = Attributes()
            if let (stripped, parsed) = AttributeParser.takeTrailing(from: content) {
                content = stripped
                attrs = parsed
            }
            return Block(.heading(Heading(level: level, content: content, attributes: attrs)), range: r)
        case CMARK_NODE_BLOCK_QUOTE:
            return Block(.blockQuote(blockList(node)), range: r)
        case CMARK_NODE_LIST:
            let items = children(node).map { item -> ListItem in
                let ir = range(item, fallback: r)
                let task: Bool? = typeString(item) == "tasklist" ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil
                return ListItem(task: task, content: blockList(item), range: ir)
            }
            let list = ListBlock(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                                 start: Int(cmark_node_get_list_start(node)),
                                 tight: cmark_node_get_list_tight(node) != 0, items: items)
            return Block(.list(list), range: r)
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            if let format = RawAttribute.format(info.trimmingWhitespace()[...]) {
                return Block(.raw(format: format, text: literal(node)), range: r)
            }
            return Block(.codeBlock(info: info, literal: literal(node)), range: r)
        case CMARK_NODE_HTML_BLOCK:
            return Block(.html(literal(node)), range: r)
        case CMARK_NODE_THEMATIC_BREAK:
            return Block(.thematicBreak, range: r)
        case CMARK_NODE_FOOTNOTE_DEFINITION:
            return Block(.footnoteDefinition(label: "", content: blockList(node)), range: r)
        default:
            if typeString(node) == "table" { return table(node, r) }
            return nil
        }
    }

    mutating func table(_ node: OpaquePointer, _ r: SourceRange) -> Block? {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var rows: [Table.Row] = []
        for rowNode in children(node) {
            let rr = range(rowNode, fallback: r)
            let cells = children(rowNode).map { inlines($0, range($0, fallback: rr)) }
            rows.append(Table.Row(cells: cells, range: rr))
        }
        guard var header = rows.first else { return nil }
        let shape = tableShapes[r.start.line]
        if shape?.headerless == true { header.cells = [] }
        var table = Table(alignments: alignments, header: header, rows: Array(rows.dropFirst()))
        table.widths = shape?.widths
        return Block(.table(table), range: r)
    }

    // MARK: Inlines

    mutating func inlines(_ node: OpaquePointer, _ parent: SourceRange) -> [Inline] {
        var count = 0
        Self.forEachChild(of: node) { _ in count += 1 }
        var converted: [Inline] = []
        converted.reserveCapacity(count)
        Self.forEachChild(of: node) { if let i = inline($0, parent) { converted.append(i) } }
        let list = RawAttribute.attach(converted)
        diagnostics += UndefinedReferenceLinks.find(list)
        return list
    }

    mutating func inline(_ node: OpaquePointer, _ parent: SourceRange) -> Inline? {
        let r = range(node, fallback: parent)
        guard enter(r) else { return nil }
        defer { depth -= 1 }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return Inline(.text(literal(node)), range: r)
        case CMARK_NODE_SOFTBREAK: return Inline(.softBreak, range: r)
        case CMARK_NODE_LINEBREAK: return Inline(.lineBreak, range: r)
        case CMARK_NODE_CODE: return Inline(.code(literal(node)), range: r)
        case CMARK_NODE_HTML_INLINE: return Inline(.html(literal(node)), range: r)
        case CMARK_NODE_EMPH: return Inline(.emphasis(inlines(node, r)), range: r)
        case CMARK_NODE_STRONG: return Inline(.strong(inlines(node, r)), range: r)
        case CMARK_NODE_LINK:
            return Inline(.link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                                content: inlines(node, r)), range: r)
        case CMARK_NODE_IMAGE:
            return Inline(.image(source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
                                 alt: inlines(node, r)), range: r)
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            return Inline(.footnoteReference(label: footnoteLabel(literal(node))), range: r)
        default:
            if typeString(node) == "strikethrough" { return Inline(.strikethrough(inlines(node, r)), range: r) }
            return nil
        }
    }

    // MARK: Helpers

    /// Counts one level of nesting; past the limit, reports once and skips the subtree.
    mutating func enter(_ r: SourceRange) -> Bool {
        if depth >= CmarkParser.maxDepth {
            if !depthReported {
                depthReported = true
                diagnostics.append(.error("parse.nesting-too-deep",
                    "content is nested more than \(CmarkParser.maxDepth) levels deep, so this chapter is refused",
                    at: r.start, notes: ["this is a fixed limit that keeps Folio's writers within their stack"]))
            }
            return false
        }
        depth += 1
        return true
    }

    /// Each child of `node`, read straight off the C tree (no list of pointers is made).
    static func forEachChild(of node: OpaquePointer, _ body: (OpaquePointer) -> Void) {
        var child = cmark_node_first_child(node)
        while let c = child {
            body(c)
            child = cmark_node_next(c)
        }
    }

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        Self.forEachChild(of: node) { out.append($0) }
        return out
    }

    func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    func string(_ p: UnsafePointer<CChar>?) -> String { p.map { String(cString: $0) } ?? "" }

    func typeString(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }

    func range(_ node: OpaquePointer, fallback: SourceRange?) -> SourceRange {
        let line = Int(cmark_node_get_start_line(node))
        let col = Int(cmark_node_get_start_column(node))
        if line <= 0, let fallback { return fallback }
        let endLine = Int(cmark_node_get_end_line(node))
        let endCol = Int(cmark_node_get_end_column(node))
        let start = originalLine(max(line, 1))
        return SourceRange(start: SourceLocation(fileNumber: fileNumber, line: start + lineOffset, column: max(col, 1)),
                           endLine: max(originalLine(max(endLine, 1)), start) + lineOffset, endColumn: max(endCol, 1))
    }

    /// cmark-gfm 0.29.0.gfm.6 replaces a reference's label with its number; later versions keep the label.
    func footnoteLabel(_ raw: String) -> String {
        if defLabelSet.contains(raw) { return raw }
        if let n = Int(raw), n >= 1, n <= defLabels.count { return defLabels[n - 1] }
        return raw
    }
}
