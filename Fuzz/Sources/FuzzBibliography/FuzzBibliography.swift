import FolioKit

/// Bytes → BibTeX and CSL-JSON parsing, then both exports and every citation style's formatting.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBibliography(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let text = try? SourceText.decode(bytes, file: "fuzz.bib") else { return 0 }
    let (refs, _) = BibliographyLoader.parse(text, file: "fuzz.bib", isJSON: false)
    _ = CSLJSONWriter.json(refs)
    _ = BibLaTeXWriter.bib(refs)
    let (json, _) = BibliographyLoader.parse(text, file: "fuzz.json", isJSON: true)
    _ = CSLJSONWriter.json(json)
    for style in CitationOptions.Style.allCases { _ = CitationFormatting.sample(refs + json, style: style) }
    return 0
}
