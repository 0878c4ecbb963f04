/// Every writer in one table, as pandoc's `Writers.hs` has it: an output format and the files it makes
/// from the resolved paper, by path under the output folder. Writers read only the `ResolvedPaper`.
/// (The PDF is not a writer: `PDFCompiler` compiles the LaTeX writer's files.)
public enum Writers {
    public struct Output: Sendable {
        public var files: [(String, String)]
        public var diagnostics: [Diagnostic] = []
    }

    public static let table: [OutputFormat: @Sendable (ResolvedPaper) -> Output] = [
        .html: { paper in
            Output(files: [("html/index.html", HTMLPage.paper(paper)), ("html/\(HTMLPage.stylesheetName)", Stylesheet.css)])
        },
        .latex: { paper in
            let (tex, diagnostics) = LaTeXDocument.paper(paper)
            var files = [("latex/paper.tex", tex)]
            if paper.manifest.citations.latex == .biblatex {
                files.append(("latex/\(LaTeXDocument.bibliographyFile)", LaTeXDocument.biblatexFile(paper)))
            }
            return Output(files: files, diagnostics: diagnostics)
        },
    ]
}
