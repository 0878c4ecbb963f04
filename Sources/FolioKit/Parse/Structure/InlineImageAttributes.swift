import Foundation

enum InlineImageAttributes {
    /// `{ width=20% }` right after an image that shares its paragraph with text: Folio reads attributes
    /// only on a figure (an image alone in its paragraph), so they are taken out of the text and each is
    /// located, never printed. Returns the paragraph without them and where each stood.
    static func take(_ block: Block) -> (Block, [SourceRange]) {
        guard case .paragraph(var content) = block.kind,
              content.contains(where: { if case .image = $0.kind { true } else { false } }) else { return (block, []) }
        // A figure (images and their attributes alone) keeps them: Resolve reads them there.
        let meaningful = content.filter { node in
            switch node.kind {
            case .image, .softBreak, .lineBreak: false
            case .text(let t): !(t.allSatisfy(\.isWhitespace) || t.trimmingWhitespace().hasPrefix("{"))
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
}
