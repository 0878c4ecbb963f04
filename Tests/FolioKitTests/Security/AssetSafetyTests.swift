import Foundation
import Testing
@testable import FolioKit

/// Only validated regular files are published: images are checked by type and bytes, SVG is sanitised.
@Suite struct AssetSafetyTests {
    func attack(_ setUp: (AttackPaper) throws -> Void, image: String = "pic.png") throws -> (AttackPaper, BuildPipeline.Outcome) {
        let a = try AttackPaper(chapter: "# C\n\n![A figure](\(image)){#fig:a}\n")
        try setUp(a)
        return (a, a.build())
    }

    func expectRefused(_ a: AttackPaper, _ outcome: BuildPipeline.Outcome, _ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let d = outcome.diagnostics.diagnostics.first { $0.id == id }
        #expect(d?.location?.line == 3, "expected \(id) at c.md:3, got \(a.ids(outcome))", sourceLocation: sourceLocation)
        #expect(outcome.diagnostics.hasErrors, sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: a.out.appendingPathComponent("html").path), sourceLocation: sourceLocation)
        a.expectCanaryUntouched(sourceLocation: sourceLocation)
    }

    @Test func directoryNamedLikeAnImage() throws {
        let (a, outcome) = try attack { a in
            try a.scratch.write("Paper/pic.png/index.html", "<script>alert(1)</script>")
            try FileManager.default.createSymbolicLink(at: a.paper.appendingPathComponent("pic.png/leak.txt"), withDestinationURL: a.secret)
        }
        defer { a.remove() }
        expectRefused(a, outcome, "image.not-a-file")
    }

    @Test func symlinkToAFileOutside() throws {
        let (a, outcome) = try attack { a in
            try FileManager.default.createSymbolicLink(at: a.paper.appendingPathComponent("pic.png"), withDestinationURL: a.secret)
        }
        defer { a.remove() }
        #expect(outcome.diagnostics.diagnostics.contains { $0.id == "image.not-a-file" || $0.id == "image.outside" || $0.id.hasPrefix("image") },
                "\(a.ids(outcome))")
        #expect(outcome.diagnostics.hasErrors)
        a.expectCanaryUntouched()
    }

    @Test func symlinkInsideThePaperIsRefusedToo() throws {
        let (a, outcome) = try attack { a in
            try a.scratch.writePNG("Paper/real.png")
            try FileManager.default.createSymbolicLink(at: a.paper.appendingPathComponent("pic.png"),
                                                       withDestinationURL: a.paper.appendingPathComponent("real.png"))
        }
        defer { a.remove() }
        expectRefused(a, outcome, "image.not-a-file")
    }

    @Test func fifoNamedLikeAnImage() throws {
        let (a, outcome) = try attack { a in
            #expect(mkfifo(a.paper.appendingPathComponent("pic.png").path, 0o644) == 0)
        }
        defer { a.remove() }
        expectRefused(a, outcome, "image.not-a-file")
    }

    @Test func contentThatIsNotTheImageType() throws {
        let (a, outcome) = try attack { a in try a.scratch.write("Paper/pic.png", "<html><script>alert(1)</script></html>") }
        defer { a.remove() }
        expectRefused(a, outcome, "image.content")
    }

    @Test func gifRenamedToPNG() throws {
        let (a, outcome) = try attack { a in try a.scratch.write("Paper/pic.png", "GIF89a\u{1}\u{0}\u{1}\u{0}") }
        defer { a.remove() }
        expectRefused(a, outcome, "image.content")
        #expect(outcome.diagnostics.diagnostics.first { $0.id == "image.content" }?.message.contains("rename it to .gif") == true)
    }

    @Test func realPNGIsCopiedAsBytes() throws {
        let (a, outcome) = try attack { a in try a.scratch.writePNG("Paper/pic.png") }
        defer { a.remove() }
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.diagnostics)")
        let copies = try FileManager.default.contentsOfDirectory(atPath: a.out.appendingPathComponent("html/assets").path)
        #expect(copies.count == 1)
        let data = try Data(contentsOf: a.out.appendingPathComponent("html/assets").appendingPathComponent(copies.first ?? ""))
        #expect(data == Scratch.png)
    }

    /// Known SVG script vectors: none survives into the published copy, and each removal is located.
    static let svgVectors: [(name: String, body: String)] = [
        ("script element", #"<script>alert(1)</script>"#),
        ("script in CDATA", #"<script><![CDATA[alert(1)]]></script>"#),
        ("onload on root child", #"<rect width="1" height="1" onload="alert(1)"/>"#),
        ("onclick upper case", #"<rect width="1" height="1" ONCLICK="alert(1)"/>"#),
        ("javascript href", #"<a href="javascript:alert(1)"><text>x</text></a>"#),
        ("xlink javascript", #"<a xlink:href="javascript:alert(1)"><text>x</text></a>"#),
        ("entity-hidden scheme", #"<a href="jav&#x09;ascript&colon;alert(1)"><text>x</text></a>"#),
        ("foreignObject", #"<foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject>"#),
        ("external use", #"<use href="https://evil.example/x.svg#a"/>"#),
        ("set to javascript", #"<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>"#),
        ("animate href", #"<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a>"#),
        ("style import", #"<style>@import url(https://evil.example/x.css);</style>"#),
        ("style url", #"<rect width="1" height="1" style="fill:url(https://evil.example/t)"/>"#),
        ("external image", #"<image href="https://evil.example/track.png" width="1" height="1"/>"#),
        ("iframe", #"<iframe src="https://evil.example"/>"#),
        ("handler with entity", #"<rect width="1" height="1" on&#x6c;oad="alert(1)"/>"#),
    ]

    @Test(arguments: svgVectors.indices) func svgVectorIsRemoved(_ i: Int) throws {
        let vector = Self.svgVectors[i]
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 1 1\">\n\(vector.body)\n</svg>\n"
        let result = SVGSanitizer.sanitize(svg, file: "pic.svg")
        let out = result.svg.lowercased()
        for bad in ["<script", "onload", "onclick", "javascript", "foreignobject", "<iframe", "evil.example", "@import", "<set", "<animate"] {
            #expect(!out.contains(bad), "\(vector.name): '\(bad)' survived in \(result.svg)")
        }
        #expect(!result.diagnostics.isEmpty || result.svg.isEmpty, "\(vector.name) was changed without a word")
        #expect(result.diagnostics.allSatisfy { $0.location?.file == "pic.svg" })
    }

    @Test func svgWithEntityDefinitionsIsRefused() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>\n"
        let result = SVGSanitizer.sanitize(svg, file: "pic.svg")
        #expect(result.diagnostics.contains { $0.id == "svg.doctype" && $0.location?.line == 2 })
    }

    @Test func sanitisedSVGIsWhatIsPublished() throws {
        let (a, outcome) = try attack({ a in
            try a.scratch.write("Paper/pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"><script>alert(1)</script><rect width=\"1\" height=\"1\"/></svg>\n")
        }, image: "pic.svg")
        defer { a.remove() }
        #expect(outcome.diagnostics.diagnostics.contains { $0.id == "svg.removed" && $0.location?.file.hasSuffix("pic.svg") == true })
        let assets = a.out.appendingPathComponent("html/assets")
        let names = try FileManager.default.contentsOfDirectory(atPath: assets.path)
        let published = try String(contentsOf: assets.appendingPathComponent(names.first ?? ""), encoding: .utf8)
        #expect(!published.contains("script"))
        #expect(published.contains("<rect"))
    }
}
