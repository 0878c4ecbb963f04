import Foundation
import HashTreeCollections

/// Citations are formatted in the manifest's style and the bibliography placed.
extension Resolver {
    mutating func resolveCitations(_ entries: inout [ResolvedPaper.Entry]) {
        let made = formatCitations(&entries)
        // The first anchors of the paper: the set is taken as it is, not hashed again.
        if anchors.isEmpty { anchors = made } else { anchors.formUnion(made) }
        listedReferences = paper.bibliography.references.filter { made.contains(Citations.anchorID($0.id)) }.map(\.id)
    }

    /// Citations of an alias (a key in an entry's `ids`) cite the entry by its own key.
    private func citingEntryKeys(_ entry: ResolvedPaper.Entry) -> ResolvedPaper.Entry {
        guard case .chapter(var ch) = entry else { return entry }
        let bib = paper.bibliography
        let map: ([Inline]) -> [Inline] = { list in
            list.map { node in
                guard case .citation(var g) = node.kind else { return node }
                for i in g.items.indices { g.items[i].key = bib.canonical(g.items[i].key) }
                var n = node
                n.kind = .citation(g)
                return n
            }
        }
        ch.blocks = ch.blocks.map { $0.mapInlines(map) }
        ch.footnotes = ch.footnotes.map { $0.mapInlines(map) }
        return .chapter(ch)
    }

    /// Formats citations and places the bibliography: in a `::: {#refs}` div if the paper has one,
    /// otherwise as an unnumbered chapter after the back matter. Returns the anchors it made.
    /// Chapters are rewritten in place (or, side by side, freed on another thread once all are done),
    /// so no copy of the old chapters outlives the rewrite.
    private mutating func formatCitations(_ out: inout [ResolvedPaper.Entry]) -> Set<String> {
        if paper.bibliography.hasAliases { out = out.map(citingEntryKeys) }
        let cache = cache
        let options = paper.manifest.citations
        // Without the preview's cache, chapters are formatted side by side (`citeSideBySide`), planned from
        // each chapter's groups in order; the keys cited are read from those.
        let sideBySide = cache == nil && jobs > 1
        // Read through a closure, so its copy of the chapters is gone before they are rewritten.
        let perChapter = { [jobs] (entries: [ResolvedPaper.Entry]) in
            Parallel.map(entries.count, jobs: jobs) { i -> (keys: Set<String>, cues: [Citations.Cue]) in
                guard case .chapter(let ch) = entries[i] else { return ([], []) }
                guard sideBySide else { return (cache?.citedKeys.value(i, ch) { Self.citedKeys(ch) } ?? Self.citedKeys(ch), []) }
                let cues = Citations.cues(ch, options: options)
                // The rewrite reads the first of two notes with one label (cmark-gfm keeps no second
                // one); the keys cited are every note's, whatever the number of threads.
                let labels = Set(ch.footnotes.lazy.map(\.label))
                guard labels.count == ch.footnotes.count else { return (Self.citedKeys(ch), cues) }
                return (Set(cues.lazy.flatMap { $0.group.items.lazy.map(\.key) }), cues)
            }
        }(out)
        let union: ([Set<String>]) -> Set<String> = { $0.reduce(into: Set<String>()) { $0.formUnion($1) } }
        let keys = perChapter.map(\.keys)
        let cited = cache?.citedUnion.value(keys, union) ?? union(keys)
        guard !cited.isEmpty || !paper.bibliography.isEmpty || !options.nocite.isEmpty else { return [] }
        for r in paper.bibliography.references where !slugger.claim(Citations.anchorID(r.id)) {
            diagnostics.append(.error("label.duplicate", "id '\(Citations.anchorID(r.id))' is used in the text and by bibliography entry '\(r.id)'",
                                      at: r.location, notes: ["rename the other id; 'ref-' ids belong to the bibliography"]))
        }
        // Citation anchors are all `cite-…`: the fold carries only those ids, so a new heading elsewhere
        // does not change its state.
        var citations = Citations(bib: paper.bibliography, options: options, slugger: slugger.taken(prefix: Citations.anchorPrefix))
        prepare(&citations, cited: cited)
        cache?.citations.begin(citations.environment)
        var backlinks: [[Citations.Backlink]] = []
        diagnostics += citations.takeDiagnostics()
        if sideBySide, let done = citeSideBySide(&out, with: &citations, cues: perChapter.map(\.cues)) {
            backlinks = done
        } else {
            rewriteChapters(&out, with: &citations, memo: cache?.citations, state: \.state, rewrite: { $0.cite($1) },
                            diagnostics: { $0.takeDiagnostics() }) { _, cited in
                backlinks.append(cited.backlinks)
                return cited.chapter
            }
        }
        citations.backlinks = cache?.backlinks.value(backlinks, Citations.joined) ?? Citations.joined(backlinks)
        let merge = { (pair: KeyPair<Slugger, Slugger>) -> Slugger in
            var merged = pair.first
            merged.merge(pair.second)
            return merged
        }
        let sluggers = KeyPair(first: slugger, second: citations.slugger)
        slugger = cache?.mergedSlugger.value(sluggers, merge) ?? merge(sluggers)
        guard var list = bibliographyList(citations) else { return citations.anchors }
        list.citedIn = paper.manifest.words.phrase(.citedIn)
        let join = { (made: KeyPair<TreeSet<String>, [BibliographyList.Entry]>) in Set(made.first).union(made.second.lazy.map(\.id)) }
        let made = KeyPair(first: citations.state.anchors, second: list.entries)
        let anchors = cache?.anchors.value(made, join) ?? join(made)
        var placed = false
        for i in out.indices where !placed {
            guard case .chapter(var ch) = out[i],
                  let b = ch.blocks.firstIndex(where: { if case .div(let attrs, _) = $0.kind { attrs.id == "refs" } else { false } }),
                  case .div(let attrs, _) = ch.blocks[b].kind else { continue }
            let range = ch.blocks[b].range
            ch.blocks[b] = Block(.div(attributes: attrs, content: [Block(.bibliography(list), range: range)]), range: range)
            out[i] = .chapter(ch)
            placed = true
        }
        guard !placed else { return anchors }
        // A pandoc paper ends with an empty "# References" heading, under which pandoc puts the list.
        if let e = trailingReferencesHeading(out, title: options.referencesTitle), case .chapter(var ch) = out[e] {
            let at = ch.blocks.last?.range ?? SourceRange(start: ch.titleLocation, endLine: ch.titleLocation.line,
                                                          endColumn: ch.titleLocation.column)
            ch.blocks.append(Block(.bibliography(list), range: at))
            out[e] = .chapter(ch)
            return anchors
        }
        let chapter = generatedChapter(options.referencesTitle, id: "sec:references", matter: .back, entries: out,
                                       at: paper.manifest.location) { [Block(.bibliography(list), range: $0)] }
        let at = out.firstIndex { if case .chapter(let c) = $0 { c.matter == .appendix } else { false } } ?? out.count
        out.insert(.chapter(chapter), at: at)
        return anchors
    }

    /// Formats every chapter's citations side by side, each from the state the plan gives it, and
    /// returns their backlinks. When a chapter's formatting leaves a state other than the plan's (a bug:
    /// tests count `Citations.planMisses`), nothing is changed and nil is returned, so the fold runs.
    private mutating func citeSideBySide(_ entries: inout [ResolvedPaper.Entry], with citations: inout Citations,
                                         cues: [[Citations.Cue]]) -> [[Citations.Backlink]]? {
        let base = citations
        var starts: [Citations.State] = []
        var state = base.state
        for chapterCues in cues {
            starts.append(state)
            base.advance(&state, over: chapterCues)
        }
        starts.append(state)
        let (input, planned) = (entries, starts)
        let done = Parallel.map(input.count, jobs: jobs) { i -> (cited: Citations.Cited, agrees: Bool, found: [Diagnostic])? in
            guard case .chapter(let ch) = input[i] else { return nil }
            var own = base
            own.state = planned[i]
            let cited = own.cite(ch)
            return (cited, Citations.agrees(own.state, with: planned[i + 1], cues: cues[i]), own.takeDiagnostics())
        }
        guard done.allSatisfy({ $0?.agrees ?? true }) else {
            Citations.planMisses.add()
            return nil
        }
        // The plan's state, with the anchors' ids: the chapters made the same ones, each its own.
        var final = state
        let ids = final.slugger.uniqueNumbered(Citations.anchorPrefix, (base.state.anchorCount + 1)..<(final.anchorCount + 1))
        final.anchors.formUnion(ids)
        var backlinks: [[Citations.Backlink]] = []
        for (i, result) in done.enumerated() {
            guard let (cited, _, found) = result else { continue }
            entries[i] = .chapter(cited.chapter)
            backlinks.append(cited.backlinks)
            diagnostics += found
        }
        citations.state = final
        // The chapters as they were are freed on another thread; the rest of the pass does not wait.
        Parallel.release(consume input)
        return backlinks
    }

    /// The keys a chapter cites (cross-references left out).
    private static func citedKeys(_ ch: ResolvedChapter) -> Set<String> {
        var cited = Set<String>()
        func collect(_ node: InPlace<Inline>) {
            if case .citation(let g) = node.kind, Citations.isCitation(g) { for item in g.items { cited.insert(item.key) } }
        }
        ch.blocks.forEachInline(collect)
        for note in ch.footnotes { note.content.forEachInline(collect) }
        return cited
    }

    /// The entries the bibliography lists, or last build's when the same keys are cited.
    private mutating func prepare(_ citations: inout Citations, cited: Set<String>) {
        guard let cache else {
            citations.prepare(cited: cited, manifest: paper.manifest.location, jobs: jobs)
            return
        }
        let key = Citations.PrepareKey(cited: cited, options: citations.options, bib: paper.bibliography)
        if let kept = cache.prepared, kept.key == key {
            citations.parts = kept.parts
            diagnostics += kept.diagnostics
            return
        }
        citations.prepare(cited: cited, manifest: paper.manifest.location, jobs: jobs)
        let found = citations.takeDiagnostics()
        cache.prepared = (key, citations.parts, found)
        diagnostics += found
    }

    /// The formatted bibliography, or last build's when its entries and every citation's state are unchanged.
    private func bibliographyList(_ citations: Citations) -> BibliographyList? {
        guard let cache else { return citations.bibliography(jobs: jobs) }
        let key = Citations.ListKey(environment: citations.environment, state: citations.state, backlinks: citations.backlinks)
        if let kept = cache.list, kept.key == key { return kept.list }
        let list = citations.bibliography(jobs: jobs)
        cache.list = (key, list)
        return list
    }

    /// The last chapter before the appendices when it ends with a heading titled like the reference
    /// list ("References", "Bibliography" or the manifest's title), or is an empty chapter so titled
    /// (a one-file paper's closing "# References").
    private func trailingReferencesHeading(_ entries: [ResolvedPaper.Entry], title: String) -> Int? {
        guard let e = entries.lastIndex(where: { if case .chapter(let c) = $0 { c.matter != .appendix && !c.isGenerated } else { false } }),
              case .chapter(let ch) = entries[e] else { return nil }
        let heading: [Inline]
        if let last = ch.blocks.last {
            guard case .heading(let h) = last.kind else { return nil }
            heading = h.content
        } else {
            heading = ch.title
        }
        let text = heading.plainText.trimmingWhitespace().lowercased()
        return [title.lowercased(), "references", "bibliography"].contains(text) ? e : nil
    }
}
