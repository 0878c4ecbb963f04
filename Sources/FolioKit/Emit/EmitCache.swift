import Foundation

/// Chapters written by an earlier build (`folio serve`): a chapter whose resolved content and page
/// settings are what they were last time is not rendered again. Equality is checked on the whole
/// resolved chapter, so a cached chapter is always the one a fresh render would write.
public final class EmitCache: @unchecked Sendable {
    /// Everything `HTMLPage.chapter` reads.
    struct Key: Equatable {
        var title: [Inline]
        var ordinal: Int?
        var id: String
        var matter: Chapter.Matter
        var blocks: [Block]
        var footnotes: [MarkdownDocument.Footnote]
        var footnoteNumbers: [String: Int]
        var footnotePrefix: String
        var rawHTML: Bool
        var words: PaperWords
        var assets: [String: Asset]

        init(_ ch: ResolvedChapter, rawHTML: Bool, words: PaperWords, assets: [String: Asset]) {
            (title, ordinal, id, matter, blocks) = (ch.title, ch.ordinal, ch.id, ch.matter, ch.blocks)
            (footnotes, footnoteNumbers, footnotePrefix) = (ch.footnotes, ch.footnoteNumbers, ch.footnotePrefix)
            (self.rawHTML, self.words, self.assets) = (rawHTML, words, assets)
        }
    }

    /// Everything a chapter's line in the contents reads.
    struct ContentsKey: Equatable {
        var title: [Inline]
        var number: String?
        var id: String
        var matter: Chapter.Matter
        var sections: [Heading]
        var words: PaperWords

        init(_ ch: ResolvedChapter, sections: [Heading], words: PaperWords) {
            (title, number, id, matter) = (ch.title, ch.number, ch.id, ch.matter)
            (self.sections, self.words) = (sections, words)
        }
    }

    private let lock = NSLock()
    private var html: [Int: (key: Key, text: String)] = [:]
    private var contents: [Int: (key: ContentsKey, text: String)] = [:]
    /// Chapters rendered, and taken from the last build (tests count them).
    public private(set) var renders = 0
    public private(set) var hits = 0

    public init() {}

    /// The contents line of the chapter at `index`, rendered now or kept from the last build.
    func contentsItem(at index: Int, key: ContentsKey, render: () -> String) -> String {
        kept(\.contents, at: index, key: key, render: render).text
    }

    /// The HTML of the chapter at `index`, rendered now or kept from the last build.
    func chapterHTML(at index: Int, key: Key, render: () -> String) -> String {
        let (text, wasKept) = kept(\.html, at: index, key: key, render: render)
        lock.withLock { if wasKept { hits += 1 } else { renders += 1 } }
        return text
    }

    /// The text `table` keeps at `index` while its key is `key`, else `render()`, kept from now on.
    private func kept<K: Equatable>(_ table: ReferenceWritableKeyPath<EmitCache, [Int: (key: K, text: String)]>, at index: Int,
                                    key: K, render: () -> String) -> (text: String, kept: Bool) {
        if let kept = lock.withLock({ self[keyPath: table][index] }), kept.key == key { return (kept.text, true) }
        let text = render()
        lock.withLock { self[keyPath: table][index] = (key, text) }
        return (text, false)
    }
}
