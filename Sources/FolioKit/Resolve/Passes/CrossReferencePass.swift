import HashTreeCollections

/// Cross-references become links whose text is the computed number ("Figures 1.2–1.4").
extension Resolver {
    mutating func resolveCrossReferences(_ entries: inout [ResolvedPaper.Entry]) {
        let prefixes = cache?.labelPrefixes.value(labels, CrossReferences.labelPrefixes)
        var references = CrossReferences(labels: labels, words: paper.manifest.words, sort: paper.manifest.sortCrossReferences,
                                         citationKeys: paper.bibliography.allKeys, labelPrefixes: prefixes)
        if cache == nil && jobs > 1 {
            rewriteSideBySide(&entries, with: &references)
        } else {
            cache?.crossReferences.begin(references)
            rewriteChapters(&entries, with: &references, memo: cache?.crossReferences, state: \.referenced,
                            rewrite: { $0.rewrite($1) }, diagnostics: { $0.takeDiagnostics() })
        }
        diagnostics += cache?.unreferenced(references) ?? references.unreferenced()
    }

    /// No chapter's rewrite reads what another chapter referenced (the set is read only at the end, for
    /// unreferenced labels), so a build without the preview's cache rewrites the chapters side by side
    /// and joins their referenced ids and diagnostics in reading order, as the fold would.
    private mutating func rewriteSideBySide(_ entries: inout [ResolvedPaper.Entry], with references: inout CrossReferences) {
        let base = references
        let input = entries
        let done = Parallel.map(input.count, jobs: jobs) { i -> (ResolvedChapter, TreeSet<String>, [Diagnostic])? in
            guard case .chapter(let ch) = input[i] else { return nil }
            var own = base
            let out = own.rewrite(ch)
            return (out, own.referenced, own.takeDiagnostics())
        }
        for (i, result) in done.enumerated() {
            guard let (chapter, referenced, found) = result else { continue }
            entries[i] = .chapter(chapter)
            references.referenced.formUnion(referenced)
            diagnostics += found
        }
    }
}

extension CrossReferences {
    /// Rewrites one chapter: only blocks that hold a citation or an internal link are rebuilt.
    mutating func rewrite(_ chapter: ResolvedChapter) -> ResolvedChapter {
        var ch = chapter
        func rewrite(_ b: Block) -> Block {
            var needed = false
            b.forEachInline { node in
                switch node.kind {
                case .citation: needed = true
                case .link(let d, _, _): needed = needed || d.hasPrefix("#")
                default: break
                }
            }
            return needed ? b.mapInlines { self.rewrite($0) } : b
        }
        // A reference in a chapter's title ("# About @sec:x") reads as in the text.
        if ch.title.contains(where: { if case .citation = $0.kind { true } else { false } }) {
            ch.title = ch.title.mapInlines { self.rewrite($0) }
        }
        ch.blocks = ch.blocks.map(rewrite)
        ch.footnotes = ch.footnotes.map { note in
            var n = note
            n.content = n.content.map(rewrite)
            return n
        }
        return ch
    }
}
