import Foundation

/// Checks local images and gives each a safe output name under `assets/`, so no file from a pull
/// request can land on a generated path (such as `latex/paper.tex`) or carry TeX-special characters.
struct AssetCatalog {
    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "pdf"]
    private(set) var assets: [String: Asset] = [:]
    private var namesBySource: [String: String] = [:]
    private var usedNames: Set<String> = []
    let provider: any SourceProvider

    init(provider: any SourceProvider) {
        self.provider = provider
    }

    /// Registers the image a node uses, with its checked bytes (`ImageFile`); returns what stops it or
    /// what was removed from it.
    mutating func register(_ node: Inline) -> [Diagnostic] {
        guard case .image(let src, _, _) = node.kind, assets[src] == nil, !Resolver.isRemote(src) else { return [] }
        let relative = src.removingPercentEncoding ?? src
        guard let path = provider.inside(relative) else {
            return [.error("image.outside", "image '\(src)' must be a relative path inside the paper folder", at: node.range.start)]
        }
        let ext = (path as NSString).pathExtension.lowercased()
        guard Self.imageExtensions.contains(ext) else {
            return [.error("image.type", "'\(src)' is not an image Folio can use (\(Self.imageExtensions.sorted().joined(separator: ", ")))",
                           at: node.range.start)]
        }
        guard provider.exists(path) else {
            return [.error("image.missing", "image file '\(src)' does not exist", at: node.range.start,
                           notes: ["looked for \(provider.display(path))"])]
        }
        let (data, diagnostics) = ImageFile.load(path, from: provider, source: src, reference: node.range.start)
        guard let data else { return diagnostics }
        let name = safeName(for: path)
        // LaTeX takes PDF, not SVG; browsers take SVG, not PDF (a PDF figure's first page is converted).
        let latexName = ext == "svg" ? String(name.dropLast(3)) + "pdf" : name
        let htmlName = ext == "pdf" ? String(name.dropLast(3)) + "svg" : name
        // The converted names are taken too, so `a/plot.svg` and `b/plot.pdf` never share a file.
        usedNames.formUnion([latexName, htmlName])
        assets[src] = Asset(sourcePath: provider.display(path), htmlPath: "assets/" + htmlName, latexPath: "assets/" + latexName, data: data)
        return diagnostics
    }

    /// `figures/Access Tiers (v2).svg` → `access-tiers-v2.svg`; a clash adds `-2`, `-3`...
    private mutating func safeName(for path: String) -> String {
        if let known = namesBySource[path] { return known }
        let file = (path as NSString).lastPathComponent as NSString
        let ext = file.pathExtension.lowercased()
        var stem = ""
        for ch in file.deletingPathExtension.lowercased().unicodeScalars {
            if ch.isASCII && (CharacterSet.alphanumerics.contains(ch) || ch == "-" || ch == "_") {
                stem.unicodeScalars.append(ch)
            } else if !stem.hasSuffix("-") {
                stem += "-"
            }
        }
        stem = stem.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        if stem.isEmpty { stem = "image" }
        var name = "\(stem).\(ext)"
        var n = 1
        while usedNames.contains(name) {
            n += 1
            name = "\(stem)-\(n).\(ext)"
        }
        usedNames.insert(name)
        namesBySource[path] = name
        return name
    }
}
