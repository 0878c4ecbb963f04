import Testing
@testable import FolioKit

@Test func parsesHeading() {
    let (doc, _) = CmarkParser.parse("# Hi {#x}\n", file: "t.md")
    #expect(doc.blocks.count == 1)
}
