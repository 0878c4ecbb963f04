import FolioKit

/// Bytes → front matter split and chapter loading, and the same bytes as a manifest.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.yaml") else { return 0 }
    _ = try? ManifestLoader.load(text, file: "folio.yaml")
    _ = try? ChapterLoader.load(text, path: "fuzz.md", manifestPath: "fuzz.md", matter: .main)
    _ = try? ChapterLoader.load("---\n" + text + "\n---\n# T\n", path: "fuzz.md", manifestPath: "fuzz.md", matter: .front)
    return 0
}
