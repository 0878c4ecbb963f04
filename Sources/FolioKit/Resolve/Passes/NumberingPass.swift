/// The first pass: explicit ids, then parts, chapters, sections and floats numbered in reading order,
/// every target registered and every local image checked.
extension Resolver {
    /// What numbering a chapter reads: the chapter and its number.
    struct NumberingInput: Equatable {
        var chapter: Chapter
        var ordinal: Int?
    }

    /// What numbering hands from chapter to chapter.
    struct NumberingState: Equatable {
        var slugger: Slugger
        var labels: LabelRegistry
        var floats: FloatCounters
    }

    struct NumberingOutput: Equatable {
        var chapter: ResolvedChapter
        /// Where the chapter's targets are written: placed again when the chapter is kept, as the
        /// state compared between chapters leaves places out (`LabelRegistry`).
        var placements: [LabelRegistry.Placement] = []
    }

    struct ExplicitID: Equatable {
        var id: String
        var location: SourceLocation
    }

    var numberingState: NumberingState {
        get { NumberingState(slugger: slugger, labels: labels, floats: floats) }
        set {
            (slugger, floats) = (newValue.slugger, newValue.floats)
            labels.adoptTargets(of: newValue.labels)
        }
    }

    mutating func numberChapters() -> [ResolvedPaper.Entry] {
        claimExplicitIDs()
        for item in paper.checklist?.items ?? [] {
            let id = CoverageAppendix.anchor(item.id)
            _ = slugger.claim(id)
            register(id, .checklistItem, nil, item.location, title: item.title)
        }
        cache?.numbering.begin(paper.manifest)
        var entries: [ResolvedPaper.Entry] = []
        var chapterNumber = 0
        var appendixNumber = 0
        let numberFront = paper.manifest.numberFrontMatter
        /// The next chapter number, or none for a chapter marked unnumbered (`# Title {-}`).
        func ordinal(_ ch: Chapter) -> Int? {
            guard !ch.unnumbered else { return nil }
            chapterNumber += 1
            return chapterNumber
        }
        func add(_ ch: Chapter, ordinal: Int?) {
            let out = numbered(NumberingInput(chapter: ch, ordinal: ordinal), index: entries.count)
            entries.append(.chapter(out.chapter))
        }
        for ch in paper.frontMatter {
            if numberFront { chapterNumber += 1 }
            add(ch, ordinal: numberFront ? chapterNumber : nil)
        }
        for (i, part) in paper.parts.enumerated() {
            let id = slugger.unique("sec:part-\(RomanNumeral.string(i + 1).lowercased())")
            let resolved = ResolvedPart(title: part.title, side: part.side, ordinal: i + 1, id: id)
            register(id, .part, resolved.number, part.location, title: part.title)
            entries.append(.part(resolved))
            for ch in part.chapters { add(ch, ordinal: ordinal(ch)) }
        }
        for ch in paper.backMatter { add(ch, ordinal: ordinal(ch)) }
        for ch in paper.appendices {
            appendixNumber += 1
            add(ch, ordinal: appendixNumber)
        }
        // What each numbered chapter holds is read on all cores. Images are read afresh every build (a
        // figure may change on disk while its chapter does not).
        let done = entries
        let cache = cache
        let held = Parallel.map(done.count, jobs: jobs) { i -> Held? in
            guard case .chapter(let ch) = done[i] else { return nil }
            return cache?.held.value(i, ch) { Held(ch) } ?? Held(ch)
        }
        for (i, found) in held.enumerated() {
            guard let found, case .chapter(var ch) = entries[i] else { continue }
            if !found.lists.isEmpty {
                ch.floatLists = found.lists
                entries[i] = .chapter(ch)
            }
            for node in found.images { checkImage(node) }
        }
        return entries
    }

    /// A numbered chapter's images (figures read as images), and the lists of floats it places, in order.
    struct Held: Sendable {
        var images: [Inline] = []
        var lists: [PaperWords.Kind] = []

        init(_ ch: ResolvedChapter) {
            let visit = { (blocks: [Block], held: inout Held) in
                for block in blocks {
                    block.forEach(block: { b in
                        if case .layout(.list(let kind)) = b.kind, !held.lists.contains(kind) { held.lists.append(kind) }
                    }, inline: { node in
                        if case .image = node.kind { held.images.append(node.node) }
                    })
                }
            }
            visit(ch.blocks, &self)
            for note in ch.footnotes { visit(note.content, &self) }
        }
    }

    /// One chapter numbered, or last build's result when it and everything before it are unchanged.
    private mutating func numbered(_ input: NumberingInput, index: Int) -> NumberingOutput {
        guard let memo = cache?.numbering else { return chapter(input.chapter, ordinal: input.ordinal, index: index) }
        let (out, state, found) = memo.step(index, input: input, state: numberingState) {
            let mark = diagnostics.count
            placements = []
            var out = chapter(input.chapter, ordinal: input.ordinal, index: index)
            out.placements = placements ?? []
            placements = nil
            defer { diagnostics.removeSubrange(mark...) }
            return (out, numberingState, Array(diagnostics[mark...]))
        }
        numberingState = state
        for p in out.placements { labels.place(p) }
        diagnostics += found
        return out
    }

    /// Explicit ids are claimed first, so a generated slug never takes an author's id.
    mutating func claimExplicitIDs() {
        var firstSeen: [String: SourceLocation] = [:]
        let chapters = paper.chapters
        let cache = cache
        let perChapter = Parallel.map(chapters.count, jobs: jobs) { index in
            let ch = chapters[index]
            return cache?.explicitIDs.value(index, ch) { Self.explicitIDs(ch) } ?? Self.explicitIDs(ch)
        }
        // The slugger is empty here, so what claiming gives depends on the ids alone: the preview keeps it
        // while every chapter's ids are last build's.
        let start = slugger
        let claim = { (ids: [[ExplicitID]]) -> (Slugger, [Diagnostic]) in
            var slugger = start
            var found: [Diagnostic] = []
            for claim in ids.joined() {
                let key = LabelRegistry.canonical(claim.id)
                if let first = firstSeen[key] {
                    found.append(.error("label.duplicate", "id '\(claim.id)' is already used", at: claim.location,
                                        notes: ["first used at \(first)"]))
                } else {
                    firstSeen[key] = claim.location
                    _ = slugger.claim(claim.id)
                }
            }
            return (slugger, found)
        }
        let (claimed, found) = if let cache, start == Slugger() { cache.claimedIDs.value(perChapter, claim) } else { claim(perChapter) }
        slugger = claimed
        diagnostics += found
    }

    /// The ids a chapter's author wrote: on its title, headings, figures, tables, equations, listings,
    /// callouts and divs, in reading order.
    static func explicitIDs(_ ch: Chapter) -> [ExplicitID] {
        var out: [ExplicitID] = []
        func claim(_ id: String?, at loc: SourceLocation) {
            if let id { out.append(ExplicitID(id: id, location: loc)) }
        }
        claim(ch.explicitID, at: ch.titleLocation)
        func visit(_ block: InPlace<Block>) {
            switch block.kind {
            case .heading(let h): claim(h.attributes.id, at: block.range.start)
            case .paragraph(let content):
                for (_, attrs) in Self.imageLines(content) ?? [] { claim(attrs.id, at: block.range.start) }
            case .table(let t): claim(t.attributes.id, at: block.range.start)
            case .equation(let e): claim(e.attributes.id, at: block.range.start)
            case .listing(let l): claim(l.attributes.id, at: block.range.start)
            case .callout(let c): claim(c.attributes.id, at: block.range.start)
            case .div(let attrs, _): claim(attrs.id, at: block.range.start)
            default: break
            }
        }
        ch.document.blocks.forEachBlock(visit)
        for note in ch.document.footnotes { note.content.forEachBlock(visit) }
        return out
    }

    mutating func chapter(_ ch: Chapter, ordinal: Int?, index: Int) -> NumberingOutput {
        let number = ordinal.map { ch.matter == .appendix ? AppendixLetter.string($0) : String($0) }
        let sectionPrefix = paper.manifest.autoSectionLabels ? "sec:" : ""
        let id = ch.explicitID ?? slugger.unique(sectionPrefix + Slugger.slug(ch.title.plainText))
        register(id, ch.matter == .appendix && number != nil ? .appendix : .chapter, number, ch.titleLocation,
                 title: ch.title.plainText)
        floats.startChapter(number, perChapter: paper.manifest.numberFloatsPerChapter)
        var counters = [Int](repeating: 0, count: 6)
        var blocks: [Block] = []
        let source = paper.manifest.numberAllEquations ? PlaceholderExpansion.splittingDisplayMath(ch.document.blocks) : ch.document.blocks
        for var block in source {
            if case .heading(var h) = block.kind {
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
                    h.counters = Array(counters[1...depth])
                    h.number = ([number] + h.counters.map(String.init)).joined(separator: ".")
                }
                h.level = depth + 1
                ignoredNumbering(h.attributes, at: block.range.start)
                if h.attributes.id == nil { h.attributes.id = slugger.unique(sectionPrefix + Slugger.slug(h.content.plainText)) }
                if let hid = h.attributes.id {
                    register(hid, ch.matter == .appendix ? .appendixSection : .section, h.number, block.range.start,
                             title: h.content.plainText)
                }
                block.kind = .heading(h)
            } else {
                block = floatsIn(block)
            }
            blocks.append(block)
        }
        let notes = ch.document.footnotes.map { note -> MarkdownDocument.Footnote in
            var n = note
            n.content = n.content.map { floatsIn($0) }
            return n
        }
        let resolved = ResolvedChapter(title: ch.title, ordinal: ordinal, id: id, matter: ch.matter, blocks: blocks,
                                       footnotes: notes, footnotePrefix: "c\(index)-", path: ch.path, titleLocation: ch.titleLocation,
                                       isGenerated: false, status: ch.status, owners: ch.owners, claims: ch.claims)
        return NumberingOutput(chapter: resolved)
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

    /// pandoc-crossref's `label=`, `number=` and `hidden=` choose a target's number; Folio numbers every
    /// target itself, so the attribute is reported rather than silently ignored.
    mutating func ignoredNumbering(_ attrs: Attributes, at: SourceLocation) {
        guard let key = ["label", "number", "hidden"].first(where: { attrs[$0] != nil }) else { return }
        diagnostics.append(.warning("crossref.attribute", "'\(key)=' sets a number in pandoc-crossref; Folio numbers this target itself and ignores it",
                                    at: at, notes: ["remove the attribute; docs/CROSSREFS.md lists what Folio numbers and how"]))
    }

    mutating func checkImage(_ node: Inline) {
        diagnostics += catalog.register(node)
    }

    static func isRemote(_ src: String) -> Bool {
        let lower = src.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("data:")
    }
}
