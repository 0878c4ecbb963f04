import Foundation

/// Every review mark in the paper's chapter files, read with the preprocessor that builds use, with
/// byte offsets into each file: what `folio review list` prints and `folio review accept|reject` edits.
public struct ReviewMarks: Sendable {
    /// One chapter file: its text as on disk (byte-order mark included) and its marks.
    public struct File: Sendable {
        public var path: String
        public var url: URL
        public var text: String
        /// Offsets are into `text`'s UTF-8 bytes.
        public var marks: [ReviewSyntax]
        /// Malformed marks: the file is not rewritten while it has any.
        public var problems: [Diagnostic]
    }

    public var files: [File]
    /// Problems loading the paper, and every malformed mark.
    public var diagnostics: DiagnosticEngine

    public var all: [ReviewSyntax] { files.flatMap(\.marks) }

    public static func read(_ provider: any SourceProvider) -> ReviewMarks {
        var engine = DiagnosticEngine(profile: .draft)
        let (loaded, problems) = PaperLoader.load(provider, keepText: true)
        engine.emit(contentsOf: problems.filter { $0.severity == .error })
        guard let paper = loaded else { return ReviewMarks(files: [], diagnostics: engine) }
        var files: [File] = []
        for chapter in paper.chapters {
            var file = File(path: chapter.path, url: provider.url(chapter.manifestPath), text: chapter.text, marks: [], problems: [])
            scan(&file, limits: paper.manifest.limits)
            engine.emit(contentsOf: file.problems)
            files.append(file)
        }
        return ReviewMarks(files: files, diagnostics: engine)
    }

    /// Finds the marks of one file, with offsets moved from its body to the whole file.
    static func scan(_ file: inout File, limits: InputLimits) {
        let bytes = Array(file.text.utf8)
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let text = String(decoding: bytes[bom...], as: UTF8.self)
        guard let split = try? FrontMatter.split(text, file: file.path) else { return }
        let body = Array(split.body.utf8)
        let bodyStart = bytes.count - body.count
        guard bodyStart >= bom, bytes[bodyStart...].elementsEqual(body), Placeholder.neutralise(split.body) == split.body else {
            file.problems.append(.error("review.malformed",
                "this file contains characters Folio reserves (U+F0000 to U+F0002), so its review marks cannot be edited in place",
                at: SourceLocation(file: file.path, line: 1, column: 1)))
            return
        }
        let pre = MarkdownPreprocessor.run(split.body, file: file.path, lineOffset: split.bodyLineOffset, limits: limits)
        file.problems += pre.diagnostics
        file.marks = pre.reviews.map { mark in
            var m = mark
            m.start += bodyStart
            m.end += bodyStart
            return m
        }
    }
}
