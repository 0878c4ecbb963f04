/// Numbers figures, tables, equations, listings and callouts in document order, per chapter
/// ("Figure 3.2") or through the paper ("Figure 12"), and registers them as targets.
struct FloatCounters: Equatable {
    private var counts: [String: Int] = [:]
    private var prefix: String?

    /// An unnumbered chapter goes on counting where the chapter before it stopped, so no two floats
    /// share a number ("Figure 1.2" after chapter 1, "Figure 1" before any numbered chapter).
    mutating func startChapter(_ chapterNumber: String?, perChapter: Bool) {
        guard perChapter, chapterNumber != nil else { return }
        counts = [:]
        prefix = chapterNumber
    }

    mutating func next(_ kind: String) -> String { nextNumber(kind).text }

    /// The number as printed ("3.2") and the counter behind it (2).
    mutating func nextNumber(_ kind: String) -> (text: String, ordinal: Int) {
        let n = (counts[kind] ?? 0) + 1
        counts[kind] = n
        return (prefix.map { "\($0).\(n)" } ?? String(n), n)
    }
}

extension Resolver {
    /// The next number of a float kind; a float without an id gets one (`figure-3-2`) and is registered.
    mutating func numberFloat(_ name: String, _ kind: LabelRegistry.TargetKind, id: inout String?,
                              at: SourceLocation) -> (text: String, ordinal: Int) {
        let (number, ordinal) = floats.nextNumber(name)
        let resolvedID = id ?? slugger.unique(name + "-" + number.replacingEvery(".", with: "-"))
        id = resolvedID
        register(resolvedID, kind, number, at)
        return (number, ordinal)
    }

    /// Numbers the floats in a block and the blocks nested in it, in document order.
    mutating func floatsIn(_ block: Block) -> Block {
        var b = block
        let at = block.range.start
        switch b.kind {
        case .paragraph(let content):
            guard let (image, parsed) = Self.figureParts(content), case .image(let src, let title, let alt) = image.kind else { break }
            var attrs = parsed
            ignoredNumbering(attrs, at: at)
            if attrs.id == nil, !paper.manifest.numberUnlabelledFigures {
                // pandoc-crossref: a figure without a label has its caption but no number.
                b.kind = .figure(Figure(source: src, title: title, caption: alt, attributes: attrs, number: ""))
                break
            }
            let number = numberFloat("figure", .figure, id: &attrs.id, at: at)
            var figure = Figure(source: src, title: title, caption: alt, attributes: attrs, number: number.text)
            figure.ordinal = number.ordinal
            b.kind = .figure(figure)
        case .table(var t):
            ignoredNumbering(t.attributes, at: at)
            guard t.caption != nil, t.attributes.id != nil || !paper.manifest.pandocCrossrefCompat else { break }
            (t.number, t.ordinal) = numberFloat("table", .table, id: &t.attributes.id, at: at)
            b.kind = .table(t)
        case .equation(var e):
            // pandoc-crossref's autoEqnLabels: every display equation is numbered, labelled or not.
            guard e.attributes.id != nil || paper.manifest.numberAllEquations else { break }
            e.number = floats.next("equation")
            if let id = e.attributes.id { register(id, .equation, e.number, at) }
            b.kind = .equation(e)
        case .listing(var l):
            guard l.attributes.id != nil || !paper.manifest.pandocCrossrefCompat else { break }
            (l.number, l.ordinal) = numberFloat("listing", .listing, id: &l.attributes.id, at: at)
            b.kind = .listing(l)
        case .callout(var c):
            if let id = c.attributes.id {
                c.number = floats.next("callout-" + c.kind.rawValue)
                register(id, .callout(c.kind), c.number, at)
            }
            b.kind = .callout(c)
        case .div(let attrs, let content):
            if attrs.id?.hasPrefix("fig:") == true, let group = subfigures(attrs, content, at: at) {
                b.kind = .figure(group)
                return b
            }
            if let id = attrs.id { register(id, .other, nil, at) }
        default:
            break
        }
        // Numbers run in document order: a container's own number first, then its contents'.
        return b.mapChildren { $0.map { floatsIn($0) } }
    }
}
