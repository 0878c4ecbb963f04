/// LaTeX's `\label{id}` where papers written for LaTeX and pandoc put it: at the end of a heading
/// (`# Method \label{sec:method}`) or inside a figure's caption (`![Results.\label{fig:a}](a.png)`, as
/// JOSS papers do). It names that heading or figure, exactly as `{#id}` after it would; anywhere else it
/// stays an anchor (an empty span with the id).
enum TeXLabels {
    static func attach(_ block: Block) -> Block {
        var b = block
        switch b.kind {
        case .heading(var h) where h.attributes.id == nil:
            guard let (id, rest) = take(from: h.content) else { return b }
            h.attributes.id = id
            h.content = PlaceholderExpansion.trimBreaks(rest)
            b.kind = .heading(h)
        case .paragraph(var content):
            // An image alone in its paragraph (a figure), maybe with `{…}` after it.
            guard let i = content.firstIndex(where: { if case .image = $0.kind { true } else { false } }),
                  content[..<i].allSatisfy(blank),
                  case .image(let source, let title, let alt) = content[i].kind,
                  let (id, rest) = take(from: alt) else { return b }
            let after = content[(i + 1)...].filter { !blank($0) }
            if after.isEmpty {
                content[i].kind = .image(source: source, title: title, alt: PlaceholderExpansion.trimBreaks(rest))
                content.append(Inline(.text(" {#\(id)}"), range: content[i].range))
            } else if after.count == 1, case .text(let t) = after[0].kind, t.hasPrefix("{"), !t.contains("#"),
                      let j = content.firstIndex(of: after[0]) {
                content[i].kind = .image(source: source, title: title, alt: PlaceholderExpansion.trimBreaks(rest))
                content[j].kind = .text("{#\(id) " + t.dropFirst())
            } else {
                return b
            }
            b.kind = .paragraph(content)
        default:
            break
        }
        return b
    }

    /// `{ width=20% }` right after an image that shares its paragraph with text: Folio reads attributes
    /// only on a figure (an image alone in its paragraph), so they are taken out of the text and each is
    /// located, never printed. Returns the paragraph without them and where each stood.
    static func inlineImageAttributes(_ block: Block) -> (Block, [SourceRange]) {
        guard case .paragraph(var content) = block.kind,
              content.contains(where: { if case .image = $0.kind { true } else { false } }) else { return (block, []) }
        // A figure (images and their attributes alone) keeps them: Resolve reads them there.
        let meaningful = content.filter { node in
            switch node.kind {
            case .image, .softBreak, .lineBreak: false
            case .text(let t): !(t.allSatisfy(\.isWhitespace) || t.trimmingCharacters(in: .whitespaces).hasPrefix("{"))
            default: true
            }
        }
        guard !meaningful.isEmpty else { return (block, []) }
        var found: [SourceRange] = []
        for k in content.indices.dropLast() {
            guard case .image = content[k].kind, case .text(let t) = content[k + 1].kind, t.hasPrefix("{"),
                  let close = t.firstIndex(of: "}"), AttributeParser.parse(t[...close]) != nil else { continue }
            content[k + 1].kind = .text(String(t[t.index(after: close)...]))
            found.append(content[k + 1].range)
        }
        var b = block
        b.kind = .paragraph(content)
        return (b, found)
    }

    /// Labels left in a block's text whose id has a cross-reference prefix (`sec:`, `fig:`…): they were
    /// meant to name a heading or float, and name nothing where they stand.
    static func strays(in block: Block) -> [(String, SourceRange)] {
        var out: [(String, SourceRange)] = []
        block.forEachInline { node in
            guard isLabel(node), case .span(let attrs, _) = node.kind, let id = attrs.id,
                  ["sec:", "fig:", "tbl:", "eq:", "lst:"].contains(where: { id.hasPrefix($0) }) else { return }
            out.append((id, node.range))
        }
        return out
    }

    /// The id of the one `\label` among `list`'s top-level nodes, and the nodes without it.
    private static func take(from list: [Inline]) -> (String, [Inline])? {
        let labels = list.indices.filter { isLabel(list[$0]) }
        guard labels.count == 1, let i = labels.first, case .span(let attrs, _) = list[i].kind, let id = attrs.id else { return nil }
        var rest = list
        rest.remove(at: i)
        return (id, rest)
    }

    private static func isLabel(_ node: Inline) -> Bool {
        guard case .span(let attrs, let content) = node.kind else { return false }
        return content.isEmpty && attrs.id != nil && attrs.classes.isEmpty && attrs.pairs.isEmpty
    }

    private static func blank(_ node: Inline) -> Bool {
        switch node.kind {
        case .softBreak, .lineBreak: true
        case .text(let s): s.allSatisfy(\.isWhitespace)
        default: false
        }
    }
}

import Foundation
