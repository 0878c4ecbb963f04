/// Glossary acronyms in the authors' text become abbreviations, expanded at their first use.
extension Resolver {
    mutating func markAbbreviations(_ entries: inout [ResolvedPaper.Entry]) {
        guard let glossary = paper.glossary else { return }
        var abbreviations = Abbreviations(glossary: glossary)
        guard abbreviations.isActive else { return }
        cache?.abbreviations.begin(abbreviations)
        rewriteChapters(&entries, with: &abbreviations, memo: cache?.abbreviations, state: \.expanded,
                        rewrite: { $0.rewrite($1) }, diagnostics: { _ in [] })
    }
}
