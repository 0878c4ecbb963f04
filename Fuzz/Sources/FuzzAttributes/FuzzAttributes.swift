import FolioKit

/// Bytes → attribute parser, both whole blocks and trailing blocks on heading text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAttributes(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.txt") else { return 0 }
    _ = AttributeParser.parse(Substring(text))
    _ = AttributeParser.splitTrailing(text)
    _ = AttributeParser.splitTrailing("Title " + text)
    return 0
}
