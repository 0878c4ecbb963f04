import HashTreeCollections

/// What the last build resolved, chapter by chapter (`folio serve`). Each pass that carries state from
/// chapter to chapter (numbering, cross-references, citations, abbreviations) is a fold: a chapter's output and the
/// state it hands on depend only on its input, the state it receives and the pass's environment. When
/// all three equal last time's, last time's output, state and diagnostics are taken, so a kept chapter
/// is always what a fresh resolve would make. After an edited chapter the state is compared once; when
/// the edit changed nothing later chapters depend on, they are kept again.
public final class ResolveCache: @unchecked Sendable {
    let numbering = FoldMemo<Manifest, Resolver.NumberingInput, Resolver.NumberingState, Resolver.NumberingOutput>()
    let crossReferences = FoldMemo<CrossReferences, ResolvedChapter, TreeSet<String>, ResolvedChapter>()
    let citations = FoldMemo<Citations.Environment, ResolvedChapter, Citations.State, Citations.Cited>()
    let abbreviations = FoldMemo<Abbreviations, ResolvedChapter, TreeSet<String>, ResolvedChapter>()
    /// Per chapter: the explicit ids it claims, and the keys it cites.
    let explicitIDs = ChapterMemo<Chapter, [Resolver.ExplicitID]>()
    let citedKeys = ChapterMemo<ResolvedChapter, Set<String>>()
    /// Per numbered chapter: its images and lists of floats.
    let held = ChapterMemo<ResolvedChapter, Resolver.Held>()
    /// The slugger and duplicate-id errors once every chapter's explicit ids are claimed.
    let claimedIDs = KeptValue<[[Resolver.ExplicitID]], (Slugger, [Diagnostic])>()
    /// The union of every chapter's cited keys, and the join of their backlinks.
    let citedUnion = KeptValue<[Set<String>], Set<String>>()
    let backlinks = KeptValue<[[Citations.Backlink]], [String: [BibliographyList.Backlink]]>()
    /// Per chapter: its checklist claims, measured.
    let coverage = ChapterMemo<Coverage.Region, Coverage.Collected>()
    /// The bibliography's entries for the set of cited keys, and the formatted list for the final state.
    var prepared: (key: Citations.PrepareKey, parts: [String: ReferenceParts], diagnostics: [Diagnostic])?
    var list: (key: Citations.ListKey, list: BibliographyList?)?
    /// Numbered targets' id prefixes, while the targets are last build's; the unreferenced figures,
    /// tables and equations, while the targets and what was referenced are.
    let labelPrefixes = KeptValue<LabelRegistry, Set<String>>()
    private var unreferenced: (references: CrossReferences, found: [Diagnostic])?
    /// The slugger with the citations' anchors merged in.
    let mergedSlugger = KeptValue<KeyPair<Slugger, Slugger>, Slugger>()
    /// The citations' anchors joined with the list's ids.
    let anchors = KeptValue<KeyPair<TreeSet<String>, [BibliographyList.Entry]>, Set<String>>()

    public init() {}

    /// `references.unreferenced()`, or last build's while the targets, their places and what was referenced are.
    func unreferenced(_ references: CrossReferences) -> [Diagnostic] {
        if let kept = unreferenced, kept.references == references, kept.references.labels.samePlaces(as: references.labels) {
            return kept.found
        }
        let found = references.unreferenced()
        unreferenced = (references, found)
        return found
    }

    /// Chapter steps computed afresh in the last build, over every pass (tests count them).
    public var steps: Int { numbering.runs + crossReferences.runs + citations.runs + abbreviations.runs }
}

/// A value made from a key (every chapter's part, or what a pass joins), kept while the key is last
/// build's. Kept chapters hand on last build's parts, whose storage is shared, so the check is mostly
/// pointer comparisons; the value handed on is last build's too, so what is compared with it next is
/// as cheap.
final class KeptValue<Key: Equatable, Value> {
    private var kept: (key: Key, value: Value)?

    func value(_ key: Key, _ make: (Key) -> Value) -> Value {
        if let kept, kept.key == key { return kept.value }
        let value = make(key)
        kept = (key, value)
        return value
    }
}

/// Two values as one key.
struct KeyPair<First: Equatable, Second: Equatable>: Equatable {
    var first: First
    var second: Second
}

/// One pass's steps from the last build, by position.
final class FoldMemo<Environment: Equatable, Input: Equatable, State: Equatable, Output: Equatable> {
    private struct Step {
        var input: Input
        var before: State
        var after: State
        var output: Output
        var diagnostics: [Diagnostic]
    }

    private var environment: Environment?
    /// Whether this build's environment differs from the last one's: every step is computed again.
    private var changed = true
    private var steps: [Int: Step] = [:]
    /// Steps computed (not kept) since `begin`.
    private(set) var runs = 0

    /// Starts a build: in a different environment no step is kept, though their outputs still are when equal.
    func begin(_ environment: Environment) {
        changed = self.environment != environment
        self.environment = environment
        runs = 0
    }

    /// Step `index`: last time's output, state and diagnostics when its input and incoming state are equal,
    /// else `body` (which returns the output, the outgoing state and the diagnostics it made).
    func step(_ index: Int, input: Input, state: State, _ body: () -> (Output, State, [Diagnostic])) -> (Output, State, [Diagnostic]) {
        if !changed, let kept = steps[index], kept.input == input, kept.before == state {
            return (kept.output, kept.after, kept.diagnostics)
        }
        runs += 1
        var (output, after, diagnostics) = body()
        // The same state or output as last time is handed on as last time's value, whose storage the
        // next step's (or pass's) record shares: comparing it there is then a pointer check.
        if let kept = steps[index] {
            if kept.after == after { after = kept.after }
            if kept.output == output { output = kept.output }
        }
        steps[index] = Step(input: input, before: state, after: after, output: output, diagnostics: diagnostics)
        return (output, after, diagnostics)
    }
}

extension Resolver {
    /// Rewrites each chapter in reading order with `host` (which carries `state` from chapter to chapter
    /// and collects diagnostics); with a memo, a chapter whose input and incoming state are last time's is
    /// kept. `apply` takes each output, kept or made, and gives the chapter that replaces the input.
    mutating func rewriteChapters<Host, State: Equatable, Output: Equatable>(
        _ entries: inout [ResolvedPaper.Entry], with host: inout Host, memo: FoldMemo<some Equatable, ResolvedChapter, State, Output>?,
        state: WritableKeyPath<Host, State>, rewrite: (inout Host, ResolvedChapter) -> Output,
        diagnostics take: (inout Host) -> [Diagnostic], apply: (inout Host, Output) -> ResolvedChapter
    ) {
        for i in entries.indices {
            guard case .chapter(let ch) = entries[i] else { continue }
            guard let memo else {
                let out = rewrite(&host, ch)
                entries[i] = .chapter(apply(&host, out))
                continue
            }
            let (out, after, found) = memo.step(i, input: ch, state: host[keyPath: state]) {
                let out = rewrite(&host, ch)
                return (out, host[keyPath: state], take(&host))
            }
            host[keyPath: state] = after
            diagnostics += found
            entries[i] = .chapter(apply(&host, out))
        }
        diagnostics += take(&host)
    }

    /// `rewriteChapters` for passes whose output is the chapter itself.
    mutating func rewriteChapters<Host, State: Equatable>(
        _ entries: inout [ResolvedPaper.Entry], with host: inout Host, memo: FoldMemo<some Equatable, ResolvedChapter, State, ResolvedChapter>?,
        state: WritableKeyPath<Host, State>, rewrite: (inout Host, ResolvedChapter) -> ResolvedChapter,
        diagnostics take: (inout Host) -> [Diagnostic]
    ) {
        rewriteChapters(&entries, with: &host, memo: memo, state: state, rewrite: rewrite, diagnostics: take, apply: { $1 })
    }
}
