/// The chapters Folio writes itself, after everything the authors wrote: the glossary, then the
/// checklist coverage appendix.
extension Resolver {
    mutating func appendGeneratedChapters(_ entries: inout [ResolvedPaper.Entry]) {
        if let glossary = paper.glossary, let ref = paper.manifest.glossary, !glossary.entries.isEmpty {
            let chapter = generatedChapter(paper.manifest.words.phrase(.glossary), id: Abbreviations.id, matter: .appendix,
                                           entries: entries, at: ref.location) { Abbreviations.appendixBlocks(glossary, range: $0) }
            entries.append(.chapter(chapter))
        }
        if let report = coverage, let checklistFile = paper.manifest.checklist {
            let words = paper.manifest.words
            let chapter = generatedChapter(words.phrase(.coverage), id: CoverageAppendix.id, matter: .appendix, entries: entries,
                                           at: checklistFile.location) { CoverageAppendix.blocks(report, words: words, range: $0) }
            entries.append(.chapter(chapter))
        }
    }
}
