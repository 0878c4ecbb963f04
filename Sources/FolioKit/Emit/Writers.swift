import Foundation

/// The writers of a build, by output format. Each writes its files through `open` (a sink for a
/// path relative to the output folder), a chapter at a time, and returns the paths and its diagnostics.
public enum Writers {
    public struct Output: Sendable {
        public var files: [String]
        public var diagnostics: [Diagnostic] = []
    }

    /// Opens the file at a path relative to the output folder, such as `html/index.html`.
    public typealias Open = @Sendable (String) throws -> TextSink

    /// Each writer: the paper, where to write, the chapters kept from the last build (`folio serve`),
    /// and the threads it may use.
    public static let table: [OutputFormat: @Sendable (ResolvedPaper, Open, EmitCache?, Int) throws -> Output] = [
        .html: { paper, open, cache, jobs in
            let page = try open("html/index.html")
            HTMLPage.paper(paper, to: page, cache: cache, jobs: jobs)
            try page.close()
            try write(Stylesheet.css, to: "html/\(HTMLPage.stylesheetName)", open)
            return Output(files: ["html/index.html", "html/\(HTMLPage.stylesheetName)"])
        },
        .latex: { paper, open, _, jobs in
            let tex = try open("latex/paper.tex")
            let diagnostics = LaTeXDocument.paper(paper, to: tex, jobs: jobs)
            try tex.close()
            var files = ["latex/paper.tex"]
            if paper.manifest.citations.latex == .biblatex {
                let bib = "latex/\(LaTeXDocument.bibliographyFile)"
                try write(LaTeXDocument.biblatexFile(paper), to: bib, open)
                files.append(bib)
            }
            return Output(files: files, diagnostics: diagnostics)
        },
    ]

    private static func write(_ text: String, to path: String, _ open: Open) throws {
        let sink = try open(path)
        sink.write(text)
        try sink.close()
    }
}
