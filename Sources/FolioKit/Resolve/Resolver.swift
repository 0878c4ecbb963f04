import Foundation

/// The Resolve stage: numbers parts, chapters, sections and floats, gives every anchor a unique id,
/// registers every target, turns cross-references into links and checks local images.
/// Writers only read what this produces.
public struct Resolver {
    var slugger = Slugger()
    var diagnostics: [Diagnostic] = []
    var catalog: AssetCatalog
    var labels = LabelRegistry()
    var floats = FloatCounters()
    let paper: Paper

    /// `profile` decides whether checklist `status` rules apply (final only).
    public static func resolve(_ paper: Paper, profile: Profile = .draft) -> (ResolvedPaper, [Diagnostic]) {
        var r = Resolver(paper: paper, profile: profile)
        return r.run()
    }

    let profile: Profile

    private init(paper: Paper, profile: Profile) {
        self.paper = paper
        self.profile = profile
        self.catalog = AssetCatalog(provider: paper.provider)
    }

    private mutating func run() -> (ResolvedPaper, [Diagnostic]) {
        claimExplicitIDs()
        for item in paper.checklist?.items ?? [] {
            let id = CoverageAppendix.anchor(item.id)
            _ = slugger.claim(id)
            register(id, .checklistItem, nil, item.location, title: item.title)
        }
        var entries: [ResolvedPaper.Entry] = []
        var chapterNumber = 0
        var appendixNumber = 0
        let numberFront = paper.manifest.numberFrontMatter
        for ch in paper.frontMatter {
            if numberFront { chapterNumber += 1 }
            entries.append(.chapter(chapter(ch, ordinal: numberFront ? chapterNumber : nil, index: entries.count)))
        }
        for (i, part) in paper.parts.enumerated() {
            let id = slugger.unique("sec:part-\(RomanNumeral.string(i + 1).lowercased())")
            let resolved = ResolvedPart(title: part.title, side: part.side, ordinal: i + 1, id: id)
            register(id, .part, resolved.number, part.location, title: part.title)
            entries.append(.part(resolved))
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
        var references = CrossReferences(labels: labels, words: paper.manifest.words)
        entries = entries.map { entry in
            guard case .chapter(var ch) = entry else { return entry }
            // Only blocks that hold a citation or an internal link are rebuilt.
            func rewrite(_ b: Block) -> Block {
                var needed = false
                b.forEachInline { node in
                    switch node.kind {
                    case .citation: needed = true
                    case .link(let d, _, _): needed = needed || d.hasPrefix("#")
                    default: break
                    }
                }
                return needed ? b.mapInlines { references.rewrite($0) } : b
            }
            ch.blocks = ch.blocks.map(rewrite)
            ch.footnotes = ch.footnotes.map { note in
                var n = note
                n.content = n.content.map(rewrite)
                return n
            }
            return .chapter(ch)
        }
        diagnostics += references.diagnostics
        diagnostics += references.unreferenced()
        var anchors: Set<String>
        (entries, anchors) = resolveCitations(entries)
        if let glossary = paper.glossary {
            var abbreviations = Abbreviations(glossary: glossary)
            entries = abbreviations.apply(entries)
            entries = appendGlossary(glossary, to: entries)
        }
        let report: CoverageReport?
        (entries, report) = resolveCoverage(entries)
        anchors.formUnion((paper.checklist?.items ?? []).map { CoverageAppendix.anchor($0.id) })
        let resolved = ResolvedPaper(manifest: paper.manifest, directory: paper.directory, entries: entries,
                                     assets: catalog.assets, labels: labels, bibliography: paper.bibliography,
                                     hyperTargets: anchors, coverage: report)
        return (resolved, diagnostics)
    }

    /// Formats citations and places the bibliography: in a `::: {#refs}` div if the paper has one,
    /// otherwise as an unnumbered chapter after the back matter. Returns the anchors it made.
    private mutating func resolveCitations(_ entries: [ResolvedPaper.Entry]) -> ([ResolvedPaper.Entry], Set<String>) {
        var cited = Set<String>()
        for case .chapter(let ch) in entries {
            for b in ch.blocks + ch.footnotes.flatMap(\.content) {
                b.forEachInline { node in
                    if case .citation(let g) = node.kind, Citations.isCitation(g) { for item in g.items { cited.insert(item.key) } }
                }
            }
        }
        let options = paper.manifest.citations
        guard !cited.isEmpty || !paper.bibliography.isEmpty || !options.nocite.isEmpty else { return (entries, []) }
        for r in paper.bibliography.references where !slugger.claim(Citations.anchorID(r.id)) {
            diagnostics.append(.error("label.duplicate", "id '\(Citations.anchorID(r.id))' is used in the text and by bibliography entry '\(r.id)'",
                                      at: r.location, notes: ["rename the other id; 'ref-' ids belong to the bibliography"]))
        }
        var citations = Citations(bib: paper.bibliography, options: options, slugger: slugger)
        citations.prepare(cited: cited, manifest: paper.manifest.location)
        var out = entries.map { entry -> ResolvedPaper.Entry in
            guard case .chapter(let ch) = entry else { return entry }
            return .chapter(citations.rewrite(ch))
        }
        diagnostics += citations.diagnostics
        slugger = citations.slugger
        guard var list = citations.bibliography() else { return (out, citations.anchors) }
        list.citedIn = paper.manifest.words.phrase(.citedIn)
        let anchors = citations.anchors.union(list.entries.map(\.id))
        var placed = false
        out = out.map { entry in
            guard !placed, case .chapter(var ch) = entry else { return entry }
            ch.blocks = ch.blocks.map { b in
                guard !placed, case .div(let attrs, _) = b.kind, attrs.id == "refs" else { return b }
                placed = true
                return Block(.div(attributes: attrs, content: [Block(.bibliography(list), range: b.range)]), range: b.range)
            }
            return .chapter(ch)
        }
        guard !placed else { return (out, anchors) }
        let chapter = generatedChapter(options.referencesTitle, id: "sec:references", matter: .back, entries: out,
                                       at: paper.manifest.location) { [Block(.bibliography(list), range: $0)] }
        let at = out.firstIndex { if case .chapter(let c) = $0 { c.matter == .appendix } else { false } } ?? out.count
        out.insert(.chapter(chapter), at: at)
        return (out, anchors)
    }

    /// Adds the "Glossary and abbreviations" appendix.
    private mutating func appendGlossary(_ glossary: Glossary, to entries: [ResolvedPaper.Entry]) -> [ResolvedPaper.Entry] {
        guard let ref = paper.manifest.glossary, !glossary.entries.isEmpty else { return entries }
        let chapter = generatedChapter(paper.manifest.words.phrase(.glossary), id: Abbreviations.id, matter: .appendix, entries: entries,
                                       at: ref.location) { Abbreviations.appendixBlocks(glossary, range: $0) }
        return entries + [.chapter(chapter)]
    }

    /// Measures checklist claims and, when the paper has a checklist, adds the coverage appendix.
    private mutating func resolveCoverage(_ entries: [ResolvedPaper.Entry]) -> ([ResolvedPaper.Entry], CoverageReport?) {
        var coverage = Coverage(checklist: paper.checklist, words: paper.manifest.words)
        let out = coverage.collect(entries)
        let report = coverage.report(enforceStatus: profile == .final)
        diagnostics += coverage.diagnostics
        guard let report, let checklistFile = paper.manifest.checklist else { return (out, report) }
        let words = paper.manifest.words
        let chapter = generatedChapter(words.phrase(.coverage), id: CoverageAppendix.id, matter: .appendix, entries: out,
                                       at: checklistFile.location) { CoverageAppendix.blocks(report, words: words, range: $0) }
        return (out + [.chapter(chapter)], report)
    }

    /// A chapter Folio writes itself (references, glossary, checklist coverage), located at the manifest
    /// line that asks for it: an unnumbered back-matter chapter, or the next appendix.
    private mutating func generatedChapter(_ title: String, id base: String, matter: Chapter.Matter, entries: [ResolvedPaper.Entry],
                                           at location: SourceLocation, blocks: (SourceRange) -> [Block]) -> ResolvedChapter {
        let range = SourceRange(start: location, endLine: location.line, endColumn: location.column)
        let id = slugger.unique(base)
        let titleInlines = [Inline(.text(title), range: range)]
        let appendices = entries.filter { if case .chapter(let c) = $0 { c.matter == .appendix } else { false } }.count
        let source = Chapter(path: location.file, manifestPath: "", matter: matter, title: titleInlines, titleLocation: location,
                             explicitID: id, owners: [], reviewers: [], status: nil,
                             document: MarkdownDocument(file: location.file, blocks: [], footnotes: []))
        let chapter = ResolvedChapter(title: titleInlines, ordinal: matter == .appendix ? appendices + 1 : nil, id: id, matter: matter,
                                      blocks: blocks(range), footnotes: [], footnotePrefix: "c\(entries.count)-", source: source)
        register(id, matter == .appendix ? .appendix : .chapter, chapter.number, location, title: title)
        return chapter
    }

    mutating func register(_ id: String, _ kind: LabelRegistry.TargetKind, _ number: String?, _ location: SourceLocation,
                           title: String? = nil) {
        if let problem = labels.register(.init(id: id, kind: kind, number: number, location: location, title: title)) {
            diagnostics.append(problem)
        }
    }

    /// Explicit ids are claimed first, so a generated slug never takes an author's id.
    private mutating func claimExplicitIDs() {
        var firstSeen: [String: SourceLocation] = [:]
        func claim(_ id: String?, at loc: SourceLocation) {
            guard let id else { return }
            let key = LabelRegistry.canonical(id)
            if let first = firstSeen[key] {
                diagnostics.append(.error("label.duplicate", "id '\(id)' is already used", at: loc,
                                          notes: ["first used at \(first)"]))
            } else {
                firstSeen[key] = loc
                _ = slugger.claim(id)
            }
        }
        for ch in paper.chapters {
            claim(ch.explicitID, at: ch.titleLocation)
            for top in ch.document.blocks + ch.document.footnotes.flatMap(\.content) {
                top.forEachBlock { block in
                    switch block.kind {
                    case .heading(let h): claim(h.attributes.id, at: block.range.start)
                    case .paragraph(let content): claim(Self.figureParts(content)?.attributes.id, at: block.range.start)
                    case .table(let t): claim(t.attributes.id, at: block.range.start)
                    case .equation(let e): claim(e.attributes.id, at: block.range.start)
                    case .listing(let l): claim(l.attributes.id, at: block.range.start)
                    case .callout(let c): claim(c.attributes.id, at: block.range.start)
                    case .div(let attrs, _): claim(attrs.id, at: block.range.start)
                    default: break
                    }
                }
            }
        }
    }

    private mutating func chapter(_ ch: Chapter, ordinal: Int?, index: Int) -> ResolvedChapter {
        let number = ordinal.map { ch.matter == .appendix ? AppendixLetter.string($0) : String($0) }
        let id = ch.explicitID ?? slugger.unique(Slugger.slug(ch.title.plainText))
        register(id, ch.matter == .appendix && number != nil ? .appendix : .chapter, number, ch.titleLocation,
                 title: ch.title.plainText)
        floats.startChapter(number, perChapter: paper.manifest.numberFloatsPerChapter)
        var counters = [Int](repeating: 0, count: 6)
        var blocks: [Block] = []
        for var block in ch.document.blocks {
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
                    h.number = ([number] + counters[1...depth].map(String.init)).joined(separator: ".")
                }
                h.level = depth + 1
                if h.attributes.id == nil { h.attributes.id = slugger.unique(Slugger.slug(h.content.plainText)) }
                if let hid = h.attributes.id {
                    register(hid, ch.matter == .appendix ? .appendixSection : .section, h.number, block.range.start,
                             title: h.content.plainText)
                }
                block.kind = .heading(h)
            } else {
                block = floatsIn(block)
            }
            block.forEachInline { checkImage($0) }
            blocks.append(block)
        }
        let notes = ch.document.footnotes.map { note -> MarkdownDocument.Footnote in
            var n = note
            n.content = n.content.map { floatsIn($0) }
            for b in n.content { b.forEachInline { checkImage($0) } }
            return n
        }
        return ResolvedChapter(title: ch.title, ordinal: ordinal, id: id, matter: ch.matter, blocks: blocks,
                               footnotes: notes, footnotePrefix: "c\(index)-", source: ch)
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

    private mutating func checkImage(_ node: Inline) {
        diagnostics += catalog.register(node)
    }

    static func isRemote(_ src: String) -> Bool {
        let lower = src.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("data:")
    }
}
