import Foundation

/// The Resolve stage: numbers parts, chapters, sections and figures, gives every anchor a unique id
/// and checks local images. Writers only read what this produces.
public struct Resolver {
    private var slugger = Slugger()
    private var diagnostics: [Diagnostic] = []
    private var catalog: AssetCatalog
    private var figureCount = 0
    private let paper: Paper

    public static func resolve(_ paper: Paper) -> (ResolvedPaper, [Diagnostic]) {
        var r = Resolver(paper: paper)
        return r.run()
    }

    private init(paper: Paper) {
        self.paper = paper
        self.catalog = AssetCatalog(directory: paper.directory)
    }

    private mutating func run() -> (ResolvedPaper, [Diagnostic]) {
        claimExplicitIDs()
        var entries: [ResolvedPaper.Entry] = []
        var chapterNumber = 0
        var appendixNumber = 0
        let numberFront = paper.manifest.numberFrontMatter
        for ch in paper.frontMatter {
            if numberFront { chapterNumber += 1 }
            entries.append(.chapter(chapter(ch, ordinal: numberFront ? chapterNumber : nil, index: entries.count)))
        }
        for (i, part) in paper.parts.enumerated() {
            let id = slugger.unique("part-\(RomanNumeral.string(i + 1).lowercased())")
            entries.append(.part(ResolvedPart(title: part.title, side: part.side, ordinal: i + 1, id: id)))
            for ch in part.chapters {
                chapterNumber += 1
                entries.append(.chapter(chapter(ch, ordinal: chapterNumber, index: entries.count)))
            }
        }
        for ch in paper.backMatter {
            chapterNumber += 1
            entries.append(.chapter(chapter(ch, ordinal: chapterNumber, index: entries.count)))
        }
        for ch in paper.appendices {
            appendixNumber += 1
            entries.append(.chapter(chapter(ch, ordinal: appendixNumber, index: entries.count)))
        }
        return (ResolvedPaper(manifest: paper.manifest, directory: paper.directory, entries: entries, assets: catalog.assets), diagnostics)
    }

    /// Explicit ids are claimed first, so a generated slug never takes an author's id.
    private mutating func claimExplicitIDs() {
        var firstSeen: [String: SourceLocation] = [:]
        func claim(_ id: String?, at loc: SourceLocation) {
            guard let id else { return }
            if let first = firstSeen[id] {
                diagnostics.append(.error("label.duplicate", "id '\(id)' is already used", at: loc,
                                          notes: ["first used at \(first)"]))
            } else {
                firstSeen[id] = loc
                _ = slugger.claim(id)
            }
        }
        for ch in paper.chapters {
            claim(ch.explicitID, at: ch.titleLocation)
            for block in ch.document.blocks {
                switch block.kind {
                case .heading(let h): claim(h.attributes.id, at: block.range.start)
                case .paragraph(let content): claim(Self.figureParts(content)?.attributes.id, at: block.range.start)
                default: break
                }
            }
        }
    }

    private mutating func chapter(_ ch: Chapter, ordinal: Int?, index: Int) -> ResolvedChapter {
        let number = ordinal.map { ch.matter == .appendix ? AppendixLetter.string($0) : String($0) }
        let id = ch.explicitID ?? slugger.unique(Slugger.slug(ch.title.plainText))
        var counters = [Int](repeating: 0, count: 6)
        var blocks: [Block] = []
        for var block in ch.document.blocks {
            switch block.kind {
            case .heading(var h):
                if h.level == 1 {
                    diagnostics.append(.warning("chapter.extra-title",
                        "a chapter has one level-1 heading (its title); this one is treated as a section (use '##')",
                        at: block.range.start))
                }
                let depth = min(max(h.level - 1, 1), counters.count - 1)
                // Unnumbered headings do not step the counters, as LaTeX's starred commands do not.
                if let number, depth <= paper.manifest.sectionDepth, !h.attributes.classes.contains("unnumbered") {
                    counters[depth] += 1
                    for d in (depth + 1)..<counters.count { counters[d] = 0 }
                    h.number = ([number] + counters[1...depth].map(String.init)).joined(separator: ".")
                }
                h.level = depth + 1
                if h.attributes.id == nil { h.attributes.id = slugger.unique(Slugger.slug(h.content.plainText)) }
                block.kind = .heading(h)
            case .paragraph(let content):
                if let figure = figure(from: content) { block.kind = .figure(figure) }
            default: break
            }
            block.forEachInline { checkImage($0) }
            blocks.append(block)
        }
        for note in ch.document.footnotes {
            for b in note.content { b.forEachInline { checkImage($0) } }
        }
        return ResolvedChapter(title: ch.title, ordinal: ordinal, id: id, matter: ch.matter, blocks: blocks,
                               footnotes: ch.document.footnotes, footnotePrefix: "c\(index)-", source: ch)
    }

    /// An image alone in its paragraph, optionally followed by `{#id key=value}`: the image and its attributes.
    static func figureParts(_ content: [Inline]) -> (image: Inline, attributes: Attributes)? {
        guard let first = content.first, case .image = first.kind else { return nil }
        guard content.count > 1 else { return (first, Attributes()) }
        guard let (rest, parsed) = AttributeParser.takeTrailing(from: Array(content.dropFirst())), rest.isEmpty else {
            return nil
        }
        return (first, parsed)
    }

    /// An image alone in its paragraph is a numbered figure.
    private mutating func figure(from content: [Inline]) -> Figure? {
        guard let (image, parsed) = Self.figureParts(content), case .image(let src, let title, let alt) = image.kind else {
            return nil
        }
        var attrs = parsed
        figureCount += 1
        if attrs.id == nil { attrs.id = slugger.unique("figure-\(figureCount)") }
        return Figure(source: src, title: title, caption: alt, attributes: attrs, number: String(figureCount))
    }

    private mutating func checkImage(_ node: Inline) {
        if let problem = catalog.register(node) { diagnostics.append(problem) }
    }

    static func isRemote(_ src: String) -> Bool {
        let lower = src.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("data:")
    }
}
