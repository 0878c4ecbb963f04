/// Glossary acronyms in the authors' text become abbreviations, expanded at their first use.
extension Resolver {
    mutating func markAbbreviations(_ entries: inout [ResolvedPaper.Entry]) {
        guard let glossary = paper.glossary else { return }
        var abbreviations = Abbreviations(glossary: glossary)
        entries = abbreviations.apply(entries)
    }
}
