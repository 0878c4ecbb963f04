import Foundation

/// An image file from the paper folder, checked before anything is published: a regular file (not a
/// directory, symlink, FIFO or device), no larger than `maxBytes`, whose bytes are what its extension
/// says. SVG is sanitised (`SVGSanitizer`). The checked bytes are what the outputs get: files are
/// copied as bytes, never as trees.
enum ImageFile {
    static let maxBytes = 32 << 20

    /// The bytes to publish, or the errors that stop the image (located at `reference`).
    static func load(_ path: String, from provider: any SourceProvider, source: String,
                     reference: SourceLocation) -> (data: Data?, diagnostics: [Diagnostic]) {
        func refuse(_ id: String, _ message: String) -> (Data?, [Diagnostic]) {
            (nil, [.error(id, message, at: reference)])
        }
        let data: Data
        switch provider.read(path, maxBytes: maxBytes, followLinks: false) {
        case .success(let d): data = Data(d)
        case .failure(.missing): return refuse("image.missing", "image file '\(source)' cannot be read")
        case .failure(.symlink): return refuse("image.not-a-file", "image '\(source)' is a symbolic link; figures must be regular files in the paper folder")
        case .failure(.directory): return refuse("image.not-a-file", "image '\(source)' is a directory, not an image file")
        case .failure(.special): return refuse("image.not-a-file", "image '\(source)' is not a regular file (a FIFO, socket or device)")
        case .failure(.tooLarge(let n)): return refuse("image.too-large", "image '\(source)' is \(n) bytes; the limit is \(maxBytes) (32 MiB)")
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "svg" {
            let text = String(decoding: data, as: UTF8.self)
            let result = SVGSanitizer.sanitize(text, file: provider.display(path))
            if result.diagnostics.contains(where: { $0.severity == .error }) { return (nil, result.diagnostics) }
            return (Data(result.svg.utf8), result.diagnostics)
        }
        guard let found = kind(of: data) else {
            return refuse("image.content", "'\(source)' is not a \(ext.uppercased()) image: its first bytes match no image format")
        }
        guard found == ext || (found == "jpeg" && ext == "jpg") else {
            return refuse("image.content", "'\(source)' holds a \(found.uppercased()) image, not \(ext.uppercased()); rename it to .\(found)")
        }
        return (data, [])
    }

    /// The format the magic bytes name: png, jpeg, gif, webp or pdf.
    static func kind(of data: Data) -> String? {
        let b = [UInt8](data.prefix(12))
        func starts(_ p: [UInt8]) -> Bool { b.count >= p.count && Array(b[0..<p.count]) == p }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "gif" }
        if b.count >= 12 && starts(Array("RIFF".utf8)) && Array(b[8..<12]) == Array("WEBP".utf8) { return "webp" }
        if starts(Array("%PDF-".utf8)) { return "pdf" }
        return nil
    }
}
