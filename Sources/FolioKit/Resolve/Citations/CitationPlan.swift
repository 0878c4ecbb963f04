import Foundation
import HashTreeCollections

/// Planning the citation fold, so that a build formats the chapters side by side: what state each
/// chapter starts from is worked out first, from its citation groups alone, which is cheap; the
/// formatting, which is not, then needs nothing from any other chapter.
extension Citations {
    /// A citation group as the rewrite meets it.
    struct Cue: Sendable {
        var group: CitationGroup
        var inFootnote: Bool
    }

    /// A chapter's citation groups in the order `rewrite` formats them (footnotes at their first
    /// reference, inner lists before the list holding them). It is a dry run of the rewrite itself
    /// (only the lists are read rather than rebuilt), so the order cannot drift from it.
    static func cues(_ chapter: ResolvedChapter, options: CitationOptions) -> [Cue] {
        var dry = Citations(bib: Bibliography(), options: options, slugger: Slugger())
        dry.cues = []
        _ = dry.rewrite(chapter)
        return dry.cues ?? []
    }

    /// `state` after groups `cues`, as formatting them leaves it: numbers in order of first citation,
    /// sources given in full, anchors and generated notes counted. The anchors' ids are left out: anchor
    /// N is `cite-N` made unique against the ids in the text, whatever other anchors were made (they
    /// claim only `cite-M` and `cite-M-k` for their own M), so each chapter can make its own.
    func advance(_ state: inout State, over cues: [Cue]) {
        for cue in cues {
            let items = cue.group.items
            // A group with an unknown key is printed as written: it numbers and anchors nothing.
            guard items.allSatisfy({ parts.index(forKey: $0.key) != nil }) else { continue }
            for item in items where state.numbers[item.key] == nil {
                state.numbers[item.key] = state.numbers.count + 1
            }
            switch options.style {
            case .notes:
                state.anchorCount += items.count
                for item in items { state.fullNoteGiven.insert(item.key) }
                if !cue.inFootnote { state.generatedCount += 1 }
            case .authorDate:
                state.anchorCount += cue.group.inText && !items.isEmpty ? 1 : items.count
            case .numeric:
                if cue.group.inText, !items.isEmpty {
                    state.anchorCount += 1
                } else {
                    // A range prints its first and last numbers.
                    state.anchorCount += Self.numericRuns(items, numbers: state.numbers).runs.reduce(0) { $0 + min($1.count, 2) }
                }
            }
        }
    }

    /// Side-by-side builds whose formatting disagreed with the plan, and so ran the fold (tests read it).
    static let planMisses = MissCount()

    final class MissCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    /// Whether `end`, the state a chapter's formatting left, is the planned `next`: the same counts,
    /// and the same numbers for the keys the chapter cites.
    static func agrees(_ end: State, with next: State, cues: [Cue]) -> Bool {
        guard end.anchorCount == next.anchorCount, end.generatedCount == next.generatedCount,
              end.numbers.count == next.numbers.count, end.fullNoteGiven.count == next.fullNoteGiven.count else { return false }
        return cues.allSatisfy { $0.group.items.allSatisfy { end.numbers[$0.key] == next.numbers[$0.key] } }
    }
}
