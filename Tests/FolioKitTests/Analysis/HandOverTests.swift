import Foundation
import Testing
@testable import FolioKit

/// A build hands its parsed paper to the resolver, which lets each chapter go once it is numbered
/// (`Analyzer.Options.keepsParsedPaper`). What the writers get must not change.
@Suite struct HandOverTests {
    @Test(arguments: AnalysisAgreementTests.papers)
    func aHandedOverPaperResolvesAsAKeptOne(paper: String) {
        var handed = Analyzer.Options()
        handed.keepsParsedPaper = false
        let kept = Analyzer.run(DiskProvider(directory: paper), Analyzer.Options())
        let given = Analyzer.run(DiskProvider(directory: paper), handed)
        #expect(kept.paper != nil && given.paper == nil)
        #expect(kept.diagnostics == given.diagnostics)
        guard let a = kept.resolved, let b = given.resolved else {
            Issue.record("\(paper) did not resolve")
            return
        }
        #expect(HTMLPage.paper(a) == HTMLPage.paper(b), "\(paper): HTML")
        #expect(LaTeXDocument.paper(a).output == LaTeXDocument.paper(b).output, "\(paper): LaTeX")
    }

    @Test func theLintRulesKeepTheParsedPaper() {
        var options = Analyzer.Options(lint: true)
        options.keepsParsedPaper = false
        let paper = TestPaths.fixtures.appendingPathComponent("papers/mini").path
        let analysis = Analyzer.run(DiskProvider(directory: paper), options)
        #expect(analysis.paper?.chapters.isEmpty == false)
        #expect(!analysis.sources.isEmpty)
    }

    @Test func handingOverLeavesTheCopyWithoutChapters() throws {
        guard var paper = PaperLoader.load(DiskProvider(directory: TestPaths.fixtures.appendingPathComponent("papers/mini").path)).0 else {
            Issue.record("the mini paper did not load")
            return
        }
        let count = paper.chapters.count
        let whole = paper.handOver()
        #expect(count > 0 && whole.chapters.count == count)
        #expect(paper.chapters.isEmpty && paper.manifest.title == whole.manifest.title)
        #expect(paper.parts.map(\.title) == whole.parts.map(\.title))
    }
}
