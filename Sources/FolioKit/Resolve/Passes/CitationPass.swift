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
    /// Chapters are rewritten in place, so each one's old blocks are freed as soon as it is done.
    private mutating func formatCitations(_ out: inout [ResolvedPaper.Entry]) -> Set<String> {
        if paper.bibliography.hasAliases { out = out.map(citingEntryKeys) }
        let entries = out
        let cache = cache
        let perChapter = Parallel.map(entries.count, jobs: jobs) { i -> Set<String> in
            guard case .chapter(let ch) = entries[i] else { return [] }
            return cache?.citedKeys.value(i, ch) { Self.citedKeys(ch) } ?? Self.citedKeys(ch)
        }
        let union: ([Set<String>]) -> Set<String> = { $0.reduce(into: Set<String>()) { $0.formUnion($1) } }
        let cited = cache?.citedUnion.value(perChapter, union) ?? union(perChapter)
        let options = paper.manifest.citations
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
        rewriteChapters(&out, with: &citations, memo: cache?.citations, state: \.state, rewrite: { $0.cite($1) },
                        diagnostics: { $0.takeDiagnostics() }) { _, cited in
            backlinks.append(cited.backlinks)
            return cited.chapter
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

    /// The keys a chapter cites (cross-references left out).
    private static func citedKeys(_ ch: ResolvedChapter) -> Set<String> {
        var cited = Set<String>()
        func collect(_ node: Inline) {
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
        let text = heading.plainText.trimmingCharacters(in: .whitespaces).lowercased()
        return [title.lowercased(), "references", "bibliography"].contains(text) ? e : nil
    }
}
