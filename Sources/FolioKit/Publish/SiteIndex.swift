import Foundation

/// `versions.json` at the top of a published site: every published version, newest first, plus what
/// the root holds (the latest version's copy), so the next publish can replace exactly those files.
public struct SiteIndex: Codable, Sendable, Equatable {
    public struct Version: Codable, Sendable, Equatable {
        /// The commit, 40 hex digits.
        public var commit: String
        /// The commit's date, "2026-12-06T03:13:02Z".
        public var date: String
        public var version: String?
        /// The commit's subject line.
        public var subject: String
        /// The version's folder, "v/<commit>/", relative to the site's top.
        public var path: String
        /// Its PDF, when the version has one.
        public var pdf: String?
        /// Its status page (`folio status`), when it has one.
        public var status: String?
        /// Its changes since the version published before it (`folio diff`), when there was one.
        public var diff: String?
    }

    public var generator: String
    /// The commit the root shows.
    public var latest: String
    /// Files at the root that belong to the latest version (index.html, style.css, paper.pdf, figures).
    public var root: [String]
    public var versions: [Version]

    public static let fileName = "versions.json"
    public static let pageName = "versions.html"

    /// Reads an existing index; one that is not Folio's is an error naming the file, never overwritten.
    static func parse(_ data: Data, file: String) -> Result<SiteIndex, Diagnostic> {
        do {
            return .success(try JSONDecoder().decode(SiteIndex.self, from: data))
        } catch {
            return .failure(.error("publish.index", "'\(file)' is not a version list Folio wrote, so publishing would lose it",
                                   at: SourceLocation(file: file, line: 1, column: 1),
                                   notes: ["move the file aside, or publish to another branch or folder"]))
        }
    }

    /// Adds (or replaces) `version`, newest first by commit date, and makes it the latest.
    mutating func publish(_ version: Version, root files: [String]) {
        versions.removeAll { $0.commit == version.commit }
        versions.insert(version, at: 0)
        // Commits of the same second keep their order, the one just published first.
        versions = versions.enumerated().sorted { a, b in
            a.element.date != b.element.date ? a.element.date > b.element.date : a.offset < b.offset
        }.map(\.element)
        latest = version.commit
        root = files.sorted()
        generator = "Folio \(FolioVersion.string)"
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    /// `versions.html`: a readable list of every version, each linking to its folder and PDF.
    func page(title: String, lang: String, words: PaperWords) -> String {
        let e = HTMLEscaping.text
        let heading = words.phrase(.allVersions)
        var body = "<header class=\"title-block\">\n<h1 class=\"title\">\(e(title))</h1>\n<p class=\"subtitle\">\(e(heading))</p>\n</header>\n"
        body += "<ol class=\"versions\" reversed=\"reversed\">\n"
        for v in versions {
            let short = String(v.commit.prefix(7))
            var line = "<li><a href=\"\(e(v.path))\"><code>\(e(short))</code></a>"
            if let version = v.version { line += " · \(e(words.phrase(.version, version)))" }
            line += " · <time datetime=\"\(e(v.date))\">\(e(String(v.date.prefix(10))))</time>"
            if !v.subject.isEmpty { line += " · \(e(v.subject))" }
            if let pdf = v.pdf { line += " · <a href=\"\(e(pdf))\">\(e(words.phrase(.pdf)))</a>" }
            if let status = v.status { line += " · <a href=\"\(e(status))\">\(e(words.phrase(.status)))</a>" }
            if let diff = v.diff { line += " · <a href=\"\(e(diff))\">\(e(words.phrase(.changes)))</a>" }
            if v.commit == latest { line += " · <strong>\(e(words.phrase(.latest)))</strong>" }
            body += line + "</li>\n"
        }
        body += "</ol>\n"
        return HTMLPage.standalone(title: "\(title): \(heading)", body: body, lang: lang)
    }
}
