import FolioKit

/// Bytes → UTF-8 check → parse → HTML and LaTeX writers (fragment and standalone).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.md") else { return 0 }
    for format in [RenderPipeline.Format.html, .latex] {
        _ = RenderPipeline.render(text, file: "fuzz.md", format: format, standalone: size % 2 == 0, rawHTML: size % 3 == 0)
    }
    return 0
}
