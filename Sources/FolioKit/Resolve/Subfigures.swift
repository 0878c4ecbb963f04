/// pandoc-crossref's subfigures: a div with a `fig:` id (`::: {#fig:x}`, or `<div id="fig:x">`) that
/// holds images, each alone in its paragraph or one per line, and one paragraph for the group's
/// caption. The group is one figure ("Figure 3"); its images are "3a", "3b"… in both writers.
extension Resolver {
    mutating func subfigures(_ attrs: Attributes, _ content: [Block], at: SourceLocation) -> Figure? {
        var images: [(Inline, Attributes, SourceLocation)] = []
        var caption: [Inline]?
        for block in content {
            guard case .paragraph(let inlines) = block.kind else {
                diagnostics.append(.error("figure.subfigures", "a subfigure group holds images and one caption paragraph; this block cannot be in it",
                                          at: block.range.start, notes: ["move it out of the '::: {#\(attrs.id ?? "")}' block"]))
                continue
            }
            if let row = Self.imageLines(inlines) {
                images += row.map { ($0.0, $0.1, block.range.start) }
            } else if caption == nil {
                caption = Self.withoutCaptionMarker(inlines)
            } else {
                diagnostics.append(.error("figure.subfigures", "a subfigure group has one caption paragraph, after its images; this is a second one",
                                          at: block.range.start, notes: ["join the paragraphs, or move this one out of the group"]))
            }
        }
        guard !images.isEmpty else { return nil }
        var id = attrs.id
        let number = numberFloat("figure", .figure, id: &id, at: at)
        var group = Figure(source: "", title: "", caption: caption ?? [], attributes: attrs, number: number.text)
        group.ordinal = number.ordinal
        for (n, (image, subAttrs, where_)) in images.enumerated() {
            guard case .image(let src, let title, let alt) = image.kind else { continue }
            var sub = Figure(source: src, title: title, caption: alt, attributes: subAttrs, number: number.text + Self.letters(n))
            sub.location = image.range.start
            if let subID = subAttrs.id { register(subID, .figure, sub.number, where_) }
            group.subfigures.append(sub)
        }
        return group
    }

    /// A paragraph of images only, one per line, each with its own `{#fig:…}`; nil otherwise.
    static func imageLines(_ content: [Inline]) -> [(Inline, Attributes)]? {
        // Most paragraphs are text: they are turned away before anything is copied.
        guard let lead = content.first(where: { !$0.isBlank }), case .image = lead.kind else { return nil }
        var lines: [[Inline]] = [[]]
        for node in content {
            switch node.kind {
            case .softBreak, .lineBreak: lines.append([])
            case .text(let s) where s.allSatisfy(\.isWhitespace): continue
            default: lines[lines.count - 1].append(node)
            }
        }
        var out: [(Inline, Attributes)] = []
        for line in lines where !line.isEmpty {
            // Images side by side on one line: each with its attributes.
            var rest = line[...]
            while let first = rest.first {
                guard case .image = first.kind else { return nil }
                rest = rest.dropFirst()
                var attrs = Attributes()
                if let next = rest.first, case .text(let t) = next.kind, t.hasPrefix("{"),
                   let (left, parsed) = AttributeParser.takeTrailing(from: [next]), left.isEmpty {
                    attrs = parsed
                    rest = rest.dropFirst()
                }
                out.append((first, attrs))
            }
        }
        return out.isEmpty ? nil : out
    }

    /// pandoc-crossref's group caption may be written `: Caption`: the marker is not part of it.
    static func withoutCaptionMarker(_ inlines: [Inline]) -> [Inline] {
        guard let first = inlines.first, case .text(let t) = first.kind, t.hasPrefix(":") else { return inlines }
        var out = inlines
        out[0].kind = .text(String(t.dropFirst().drop { $0 == " " }))
        return out
    }

    /// "a" … "z", then "aa", "ab" …
    static func letters(_ n: Int) -> String {
        let a = Int(UnicodeScalar("a").value)
        if n < 26 { return String(UnicodeScalar(UInt8(a + n))) }
        return letters(n / 26 - 1) + letters(n % 26)
    }
}
