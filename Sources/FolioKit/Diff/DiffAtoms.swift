import Foundation

/// What the diff compares: a block's inlines as atoms (words, spaces and whole inline nodes), each
/// with a signature in which numbers never appear. Citations and cross-references are their keys and
/// labels, footnote references their note's text, images their file's bytes, so renumbering, a
/// renamed footnote or an unchanged figure is not a change.
struct DiffContext {
    /// The footnotes of the chapter being compared, by label.
    var footnotes: [String: [Block]] = [:]
    /// A digest of each image's bytes, by source path, read through the revision's provider.
    var imageDigest: (String) -> String = { _ in "" }
}

struct Atom {
    var signature: String
    var node: Inline
    var isWord: Bool
}

enum DiffAtoms {
    /// The atoms of an inline list: text split into words and single spaces; every other node whole.
    /// Text is split on its UTF-8 bytes (ASCII white space), which is what costs most in a diff.
    static func atoms(_ list: [Inline], _ context: DiffContext) -> [Atom] {
        var out: [Atom] = []
        func space(_ node: Inline) {
            if out.last?.signature != " " { out.append(Atom(signature: " ", node: node, isWord: false)) }
        }
        for node in list {
            switch node.kind {
            case .text(let s):
                let bytes = Array(s.utf8)
                var i = 0
                while i < bytes.count {
                    if isSpace(bytes[i]) {
                        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                        space(Inline(.text(" "), range: node.range))
                    } else {
                        let start = i
                        while i < bytes.count, !isSpace(bytes[i]) { i += 1 }
                        let word = String(decoding: bytes[start..<i], as: UTF8.self)
                        out.append(Atom(signature: "w:" + word, node: Inline(.text(word), range: node.range), isWord: true))
                    }
                }
            case .softBreak, .lineBreak:
                if out.last?.signature == " " { out[out.count - 1].node = node } else { space(node) }
            default:
                out.append(Atom(signature: signature(node, context), node: node, isWord: false))
            }
        }
        return out
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// A node's signature: what it says, without anything Resolve computes.
    static func signature(_ node: Inline, _ context: DiffContext) -> String {
        switch node.kind {
        case .text(let s): return "t:" + s
        case .softBreak, .lineBreak: return " "
        case .code(let s): return "code:" + s
        case .html(let s): return "html:" + s
        case .math(let d, let tex): return (d ? "dmath:" : "math:") + tex
        case .footnoteReference(let label):
            // A note's text, with the notes it calls in turn by label only (notes may call each other).
            var inner = context
            inner.footnotes = [:]
            return "fn:" + (context.footnotes[label].map { blocks($0, inner) } ?? label)
        case .citation(let g), .formattedCitation(let g, _):
            return "cite:" + (g.inText ? "t:" : "") + g.items.map { "\($0.prefix)|\($0.suppressAuthor ? "-" : "")\($0.key)|\($0.suffix)" }.joined(separator: ";")
        case .image(let src, let title, let alt):
            return "img:" + src + "|" + title + "|" + context.imageDigest(src) + "|" + inlines(alt, context)
        case .link(let dest, let title, let c): return "link:" + dest + "|" + title + "|" + inlines(c, context)
        case .emphasis(let c): return "em:" + inlines(c, context)
        case .strong(let c): return "strong:" + inlines(c, context)
        case .strikethrough(let c): return "del:" + inlines(c, context)
        case .span(let a, let c): return "span:" + a.classes.joined(separator: ".") + "|" + inlines(c, context)
        case .review(let m, let old, let new): return "review:\(m.kind.rawValue)|" + inlines(old, context) + "|" + inlines(new, context)
        case .raw(let format, let text): return "raw:" + format + ":" + text
        }
    }

    /// The signature of an inline list: its text with white space runs as one space, every other node
    /// by its own signature; built in one pass over the bytes (blocks are compared by this).
    static func inlines(_ list: [Inline], _ context: DiffContext) -> String {
        var out: [UInt8] = []
        var lastSpace = false
        for node in list {
            switch node.kind {
            case .text(let s):
                for b in s.utf8 {
                    if isSpace(b) {
                        if !lastSpace { out.append(0x20) }
                        lastSpace = true
                    } else {
                        out.append(b)
                        lastSpace = false
                    }
                }
            case .softBreak, .lineBreak:
                if !lastSpace { out.append(0x20) }
                lastSpace = true
            default:
                out.append(0x01)
                out += signature(node, context).utf8
                out.append(0x01)
                lastSpace = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A block's signature (its kind, attributes that are not numbers, and content).
    static func block(_ b: Block, _ context: DiffContext) -> String {
        switch b.kind {
        case .paragraph(let c): return "p:" + inlines(c, context)
        case .heading(let h): return "h\(h.level):" + (h.attributes.id ?? "") + ":" + inlines(h.content, context)
        case .blockQuote(let c): return "quote:" + blocks(c, context)
        case .list(let l):
            return "list:\(l.ordered):" + l.items.map { "item:" + ($0.task.map { "\($0)" } ?? "") + blocks($0.content, context) }.joined(separator: "\u{2}")
        case .codeBlock(let info, let literal): return "code:" + info + ":" + literal
        case .html(let s): return "html:" + s
        case .thematicBreak: return "hr"
        case .table(let t):
            let rows = ([t.header] + t.rows).map { $0.cells.map { inlines($0, context) }.joined(separator: "\u{3}") }
            return "table:\(t.alignments):" + rows.joined(separator: "\u{2}") + ":" + (t.caption.map { inlines($0, context) } ?? "")
        case .footnoteDefinition(let label, let c): return "fndef:" + label + blocks(c, context)
        case .figure(let f): return "fig:" + f.source + context.imageDigest(f.source) + inlines(f.caption, context)
        case .equation(let e): return "eq:" + (e.attributes.id ?? "") + ":" + e.tex
        case .listing(let l): return "lst:" + l.language + ":" + l.literal + ":" + inlines(l.caption, context)
        case .callout(let c): return "callout:\(c.kind):" + inlines(c.title, context) + blocks(c.content, context)
        case .div(let a, let c): return "div:" + (a.id ?? "") + a.classes.joined(separator: ".") + blocks(c, context)
        case .bibliography: return "bib"
        case .raw(let format, let text): return "raw:" + format + ":" + text
        case .layout(let command): return "layout:\(command)"
        }
    }

    static func blocks(_ list: [Block], _ context: DiffContext) -> String {
        list.map { block($0, context) }.joined(separator: "\u{4}")
    }

    /// Words in the atoms (what "words added" and "words removed" count).
    static func words(_ atoms: ArraySlice<Atom>) -> Int { atoms.filter(\.isWord).count }

    /// Words in a block's text.
    static func words(_ b: Block) -> Int {
        var n = 0
        b.forEachInline { if case .text(let s) = $0.kind { n += s.split(whereSeparator: \.isWhitespace).count } }
        return n
    }
}
