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
                  content[..<i].allSatisfy(\.isBlank),
                  case .image(let source, let title, let alt) = content[i].kind,
                  let (id, rest) = take(from: alt) else { return b }
            let after = content[(i + 1)...].filter { !$0.isBlank }
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

    /// Labels left in a block's text whose id has a cross-reference prefix (`sec:`, `fig:`…): they were
    /// meant to name a heading or float, and name nothing where they stand.
    static func strays(in block: Block) -> [(String, SourceRange)] {
        var out: [(String, SourceRange)] = []
        block.forEachInline { node in
            guard isLabel(node.kind), case .span(let attrs, _) = node.kind, let id = attrs.id,
                  ["sec:", "fig:", "tbl:", "eq:", "lst:"].contains(where: { id.hasPrefix($0) }) else { return }
            out.append((id, node.range))
        }
        return out
    }

    /// Whether the label `id` stands in the description of an image inside a paragraph of text, which
    /// is no figure (`![Caption \label{fig:x}](a.png)` followed by more text).
    static func inInlineImage(_ id: String, in block: Block) -> Bool {
        guard case .paragraph(let content) = block.kind else { return false }
        return content.contains { node in
            guard case .image(_, _, let alt) = node.kind else { return false }
            return alt.contains { if case .span(let a, _) = $0.kind { a.id == id } else { false } }
        }
    }

    /// The id of the one `\label` among `list`'s top-level nodes, and the nodes without it.
    private static func take(from list: [Inline]) -> (String, [Inline])? {
        let labels = list.indices.filter { isLabel(list[$0].kind) }
        guard labels.count == 1, let i = labels.first, case .span(let attrs, _) = list[i].kind, let id = attrs.id else { return nil }
        var rest = list
        rest.remove(at: i)
        return (id, rest)
    }

    private static func isLabel(_ kind: Inline.Kind) -> Bool {
        guard case .span(let attrs, let content) = kind else { return false }
        return content.isEmpty && attrs.id != nil && attrs.classes.isEmpty && attrs.pairs.isEmpty
    }
}

