import Foundation

/// Parsed chapters kept between builds (the live preview): a chapter whose text, path, place in the
/// paper and parse settings are unchanged is not parsed again. A hit compares the whole text, not
/// just a hash, so a cached chapter is always exactly what parsing would give.
public final class ParseCache: @unchecked Sendable {
    struct Key: Hashable {
        var path: String
        var manifestPath: String
        var matter: Chapter.Matter
        var limits: InputLimits
    }

    struct Entry {
        var text: String
        var chapter: Chapter
        var diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var used: Set<Key> = []
    /// How many chapters were parsed, and how many came from the cache (tests count them).
    public private(set) var parses = 0
    public private(set) var hits = 0
    /// How many times the bibliography files were parsed.
    public private(set) var bibliographyLoads = 0

    public init() {}

    /// The chapter for `text`, parsed now or taken from the last build.
    func chapter(_ text: String, path: String, manifestPath: String, matter: Chapter.Matter, limits: InputLimits,
                 parse: () throws(Diagnostic) -> (Chapter, [Diagnostic])) throws(Diagnostic) -> (Chapter, [Diagnostic]) {
        // Keyed by where the chapter is and how it is parsed; its text is compared byte for byte (a
        // memcmp), which costs less than hashing every chapter of the paper on every rebuild.
        let key = Key(path: path, manifestPath: manifestPath, matter: matter, limits: limits)
        if let entry = lock.withLock({ entries[key] }), Self.sameBytes(entry.text, text) {
            lock.withLock {
                hits += 1
                used.insert(key)
            }
            return (entry.chapter, entry.diagnostics)
        }
        let (chapter, diagnostics) = try parse()
        lock.withLock {
            parses += 1
            entries[key] = Entry(text: text, chapter: chapter, diagnostics: diagnostics)
            used.insert(key)
        }
        return (chapter, diagnostics)
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let compared = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return true }
                return memcmp(p, q, x.count) == 0
            }
        }
        return (compared ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    private var bibliography: (files: [String: [UInt8]], value: (Bibliography, [Diagnostic]))?

    /// The bibliography, parsed again only when one of its files changed (compared byte for byte).
    func bibliography(_ refs: [Manifest.FileRef], provider: any SourceProvider,
                      load: () -> (Bibliography, [Diagnostic])) -> (Bibliography, [Diagnostic]) {
        var files: [String: [UInt8]] = [:]
        for ref in refs {
            guard let path = provider.inside(ref.path), case .success(let bytes) = provider.read(path, maxBytes: BibliographyLoader.maxFileBytes,
                                                                                                 followLinks: true) else {
                return load()
            }
            files[ref.path + "\u{0}" + ref.location.description] = bytes
        }
        if let cached = lock.withLock({ bibliography }), cached.files == files { return cached.value }
        let value = load()
        lock.withLock {
            bibliographyLoads += 1
            bibliography = (files, value)
        }
        return value
    }

    /// Forgets the chapters the last build did not use (old versions of edited files), so that the
    /// cache holds one copy of the paper.
    public func endBuild() {
        lock.withLock {
            entries = entries.filter { used.contains($0.key) }
            used = []
        }
    }

    public var count: Int { lock.withLock { entries.count } }
}
