import Foundation

/// Two analyses of one paper compared: chapters matched by id (added, removed and moved chapters are
/// said as such), each matched chapter compared block by block (`BlockDiff`), and the new paper with
/// every change marked, behind a summary chapter that lists the changes and links to each.
public struct PaperDiff: Sendable {
    public struct Change: Sendable {
        public var anchor: String?
        public var chapter: String
        public var description: String
        public var added: Int
        public var removed: Int
    }

    public var changes: [Change] = []
    public var added: [String] = []
    public var removed: [String] = []
    public var moved: [String] = []
    /// Chapters with any change (added, removed, moved or edited).
    public var chaptersChanged = 0
    public var wordsAdded: Int { changes.reduce(0) { $0 + $1.added } }
    public var wordsRemoved: Int { changes.reduce(0) { $0 + $1.removed } }
    public var isEmpty: Bool { changes.isEmpty && added.isEmpty && removed.isEmpty && moved.isEmpty }
    /// The new paper with the changes marked and the summary chapter first.
    var paper: Paper

    /// `oldName` and `newName` say what is compared ("a1b2c3d", "the working tree").
    static func make(old: Paper, oldIDs: [String: String], new: Paper, newIDs: [String: String], newLabels: LabelRegistry,
                     oldName: String, newName: String) -> PaperDiff {
        let oldByID = byID(old, oldIDs)
        let newIDList = new.chapters.map { newIDs[$0.path] ?? $0.path }
        let newSet = Set(newIDList)
        var diff = PaperDiff(paper: new)
        // Moved: matched chapters out of their old order.
        let oldOrder = old.chapters.map { oldIDs[$0.path] ?? $0.path }.filter(newSet.contains)
        let newOrder = newIDList.filter { oldByID[$0] != nil }
        var inPlace: Set<String> = []
        for op in SequenceDiff.diff(oldOrder, newOrder) { if case .equal(_, let r) = op { inPlace.formUnion(newOrder[r]) } }

        let oldContext = context(old), newContext = context(new)
        let resolvable: (CitationGroup) -> Bool = { g in
            g.items.allSatisfy { new.bibliography[$0.key] != nil || newLabels.target($0.key) != nil }
        }
        var counter = 0
        func chapter(_ ch: Chapter) -> Chapter {
            let id = newIDs[ch.path] ?? ch.path
            let title = ch.title.plainText
            var out = ch
            var differ = BlockDiff(old: oldContext(oldByID[id]), new: newContext(ch), counter: counter, resolvable: resolvable)
            if let before = oldByID[id] {
                if !inPlace.contains(id) {
                    diff.moved.append(title)
                    differ.record("chapter moved", added: 0, removed: 0)
                    differ.changes[differ.changes.count - 1].anchor = id
                }
                let blocks = differ.blocks(before.document.blocks, ch.document.blocks)
                let oldNotes = Dictionary(before.document.footnotes.map { ($0.label, $0.content) }, uniquingKeysWith: { a, _ in a })
                let notes = ch.document.footnotes.map { note in
                    var n = note
                    n.content = oldNotes[note.label].map { differ.blocks($0, note.content) } ?? note.content.map { differ.inserted($0) }
                    return n
                }
                if before.title.plainText != title {
                    differ.record("chapter title changed", added: 0, removed: 0)
                    differ.changes[differ.changes.count - 1].anchor = id
                    out.title = [Inline(.review(ReviewMark(kind: .substitution), old: before.title, new: ch.title),
                                        range: ch.title.first?.range ?? SourceRange(file: ch.path, line: 1, column: 1))]
                }
                out.document = MarkdownDocument(file: ch.document.file, blocks: blocks, footnotes: notes)
            } else {
                diff.added.append(title)
                differ.record("chapter added", added: ch.document.blocks.reduce(0) { $0 + DiffAtoms.words($1) }, removed: 0)
                differ.changes[differ.changes.count - 1].anchor = id
                out.document = MarkdownDocument(file: ch.document.file, blocks: ch.document.blocks.map { differ.inserted($0, recorded: true) },
                                                footnotes: ch.document.footnotes)
                out.title = [Inline(.review(ReviewMark(kind: .insertion), old: [], new: ch.title),
                                    range: ch.title.first?.range ?? SourceRange(file: ch.path, line: 1, column: 1))]
            }
            counter = differ.counter
            // Resolve keeps marks only in chapters that say they have some.
            out.document.reviewMarks = differ.changes.count + (out.title == ch.title ? 0 : 1)
            if !differ.changes.isEmpty { diff.chaptersChanged += 1 }
            diff.changes += differ.changes.map { Change(anchor: $0.anchor, chapter: title, description: $0.description, added: $0.added, removed: $0.removed) }
            return out
        }
        var paper = new.mapChapters(chapter)
        // Removed chapters: listed, and their text shown struck through in the summary.
        var removedBlocks: [Block] = []
        for ch in old.chapters where !newSet.contains(oldIDs[ch.path] ?? ch.path) {
            let title = ch.title.plainText
            diff.removed.append(title)
            diff.chaptersChanged += 1
            var differ = BlockDiff(old: oldContext(ch), new: newContext(nil), counter: counter, resolvable: resolvable)
            let words = ch.document.blocks.reduce(0) { $0 + DiffAtoms.words($1) }
            let anchor = differ.record("chapter removed", added: 0, removed: words)
            let range = SourceRange(file: ch.path, line: 1, column: 1)
            removedBlocks.append(Block(.paragraph([Inline(.span(Attributes(id: anchor), [Inline(.strong([Inline(.review(
                ReviewMark(kind: .deletion), old: ch.title, new: []), range: range)]), range: range)]), range: range)]), range: range))
            removedBlocks += ch.document.blocks.map { differ.deleted($0, recorded: true) }
            counter = differ.counter
            diff.changes += differ.changes.map { Change(anchor: $0.anchor, chapter: title, description: $0.description, added: $0.added, removed: $0.removed) }
        }
        paper.frontMatter.insert(summary(diff, removedBlocks: removedBlocks, oldName: oldName, newName: newName, manifest: new.manifest), at: 0)
        diff.paper = paper
        return diff
    }

    /// A paper's chapters by id (`ids` maps each file to its resolved id; the file stands in without one).
    static func byID(_ paper: Paper, _ ids: [String: String]) -> [String: Chapter] {
        Dictionary(paper.chapters.map { (ids[$0.path] ?? $0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The first chapter of the rendered diff: what changed, with a link to each change.
    private static func summary(_ diff: PaperDiff, removedBlocks: [Block], oldName: String, newName: String, manifest: Manifest) -> Chapter {
        let location = SourceLocation(file: "diff", line: 1, column: 1)
        let range = SourceRange(start: location, endLine: 1, endColumn: 1)
        func text(_ s: String) -> Inline { Inline(.text(s), range: range) }
        func para(_ c: [Inline]) -> Block { Block(.paragraph(c), range: range) }
        var blocks = [para([text("Changes from \(oldName) to \(newName): \(diff.chaptersChanged) chapter\(diff.chaptersChanged == 1 ? "" : "s") changed, "
                                 + "\(diff.wordsAdded) word\(diff.wordsAdded == 1 ? "" : "s") added and \(diff.wordsRemoved) removed.")])]
        if !diff.added.isEmpty { blocks.append(para([text("Chapters added: " + diff.added.joined(separator: "; ") + ".")])) }
        if !diff.removed.isEmpty { blocks.append(para([text("Chapters removed: " + diff.removed.joined(separator: "; ") + ".")])) }
        if !diff.moved.isEmpty { blocks.append(para([text("Chapters moved: " + diff.moved.joined(separator: "; ") + ".")])) }
        let items = diff.changes.map { c -> ListItem in
            let counts = c.added + c.removed > 0 ? " (+\(c.added) −\(c.removed) words)" : ""
            let label = text("\(c.chapter): \(c.description)\(counts)")
            let content = c.anchor.map { [Inline(.link(destination: "#" + $0, title: "", content: [label]), range: range)] } ?? [label]
            return ListItem(task: nil, content: [para(content)], range: range)
        }
        if !items.isEmpty { blocks.append(Block(.list(ListBlock(ordered: true, start: 1, tight: true, items: items)), range: range)) }
        blocks += removedBlocks
        var document = MarkdownDocument(file: "diff", blocks: blocks, footnotes: [])
        document.reviewMarks = removedBlocks.count
        return Chapter(path: "diff", manifestPath: "diff", matter: .front, title: [text("Changes")], titleLocation: location,
                       explicitID: "folio-diff-summary", owners: [], reviewers: [], status: nil, document: document)
    }

    /// What the comparison needs of one chapter: its footnotes, and its images' bytes.
    private static func context(_ paper: Paper) -> (Chapter?) -> DiffContext {
        let provider = paper.provider
        let cache = DigestCache()
        return { chapter in
            var c = DiffContext()
            c.footnotes = Dictionary((chapter?.document.footnotes ?? []).map { ($0.label, $0.content) }, uniquingKeysWith: { a, _ in a })
            c.imageDigest = { src in
                if let d = cache.values[src] { return d }
                let path = provider.inside(src) ?? src
                let digest: String
                switch provider.read(path, maxBytes: 64 << 20, followLinks: true) {
                case .success(let bytes): digest = fnv1a(bytes)
                case .failure: digest = "missing"
                }
                cache.values[src] = digest
                return digest
            }
            return c
        }
    }

    private final class DigestCache: @unchecked Sendable { var values: [String: String] = [:] }

    static func fnv1a(_ bytes: [UInt8]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return String(h, radix: 16)
    }
}
