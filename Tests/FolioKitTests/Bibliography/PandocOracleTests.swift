import Foundation
import Testing
@testable import FolioKit

/// `folio bib export` against `pandoc -f bibtex -t csljson` (pandoc 3) on the same files. pandoc is the
/// oracle, not the law: the differences below are where Folio follows BibTeX's documented name rules or
/// BibLaTeX's crossref rules instead, and every one is listed.
@Suite struct PandocOracleTests {
    /// Known differences: entry id and field → why Folio differs.
    static let differences: [String: String] = [
        // BibTeX: a special character `{\'E}` takes the case of its letter, so "Émile" is a first name;
        // pandoc reads it as a lower-case "von" part.
        "zola2019/author": "names that begin with an accented letter in braces",
        // BibLaTeX's crossref maps the parent book's title (and subtitle) to the child's booktitle; pandoc
        // appends the parent's subtitle to the chapter title and gives no container title.
        "lee2021ch/title": "crossref: the parent's subtitle is the book's, not the chapter's",
        "lee2021ch/container-title": "crossref: the parent's title becomes the booktitle",
        // A `howpublished` that is a URL is the entry's URL (BibLaTeX's `url`); pandoc makes it the publisher.
        "untitled/URL": "howpublished holding a URL",
    ]

    static let comparedFields = ["title", "container-title", "page", "DOI", "URL"]

    func json(_ text: String) throws -> [String: [String: Any]] {
        let items = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
        return Dictionary(items.compactMap { item in (item["id"] as? String).map { ($0, item) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Titles compared without case (pandoc sentence-cases English titles), markup or spacing differences.
    func normal(_ value: Any?) -> String {
        guard let s = value as? String else { return "" }
        let plain = s.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{A0}", with: " ")
        return plain.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping.lowercased()
    }

    /// A name as comparable parts; pandoc's "dropping-particle" and Folio's "non-dropping-particle" are one "von" part.
    func names(_ value: Any?) -> [String] {
        (value as? [[String: Any]] ?? []).map { n in
            ["literal", "family", "given", "particle", "suffix"].map { key -> String in
                key == "particle" ? ((n["dropping-particle"] as? String) ?? (n["non-dropping-particle"] as? String) ?? "")
                    : (n[key] as? String ?? "")
            }.joined(separator: "|")
        }
    }

    func dates(_ value: Any?) -> [Int] {
        ((value as? [String: Any])?["date-parts"] as? [[Any]])?.first?.compactMap { ($0 as? NSNumber)?.intValue } ?? []
    }

    @Test(.requires(.pandoc), arguments: ["Tests/FolioKitTests/Fixtures/papers/citations/refs.bib", "Paper/references.bib"])
    func exportAgreesWithPandoc(_ file: String) throws {
        try Requirement.pandoc.check()
        let pandoc = try #require(PandocPath.find())
        let path = TestPaths.packageRoot.appendingPathComponent(file).path
        let theirs = try ProcessRunner.run(pandoc, ["-f", "bibtex", "-t", "csljson", path], in: TestPaths.packageRoot.path)
        try #require(theirs.status == 0, "pandoc failed: \(theirs.output)")
        let (bib, diagnostics) = BibliographyLoader.load([(URL(fileURLWithPath: path), nil)])
        #expect(!diagnostics.contains { $0.severity == .error })
        let ours = try json(CSLJSONWriter.json(bib.references))
        let reference = try json(theirs.output)
        #expect(Set(ours.keys) == Set(reference.keys))
        var seen: Set<String> = []
        for (id, theirItem) in reference {
            let ourItem = ours[id] ?? [:]
            func check(_ field: String, _ same: Bool) {
                let key = "\(id)/\(field)"
                if Self.differences[key] != nil {
                    seen.insert(key)
                    #expect(!same, "\(key) is listed as a difference but now agrees with pandoc; remove it from the list")
                } else {
                    #expect(same, "\(key): folio \(String(describing: ourItem[field])) ≠ pandoc \(String(describing: theirItem[field]))")
                }
            }
            for field in ["author", "editor"] { check(field, names(ourItem[field]) == names(theirItem[field])) }
            check("issued", dates(ourItem["issued"]) == dates(theirItem["issued"]))
            for field in Self.comparedFields { check(field, normal(ourItem[field]) == normal(theirItem[field])) }
        }
        if file.contains("citations") { #expect(seen == Set(Self.differences.keys)) }
    }
}
