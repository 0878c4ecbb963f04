import HashTreeCollections

/// Turns cross-reference citations (`@sec:x`, `[@fig:a; @fig:b]`, `[-@tbl:t]`, `@Fig:x`) into links whose
/// text is the number Folio computed, and reports undefined and unreferenced labels.
struct CrossReferences: Equatable {
    let labels: LabelRegistry
    let words: PaperWords
    /// References of one kind in the order of their numbers (`crossref: sort: true`).
    let sort: Bool
    private(set) var diagnostics: [Diagnostic] = []
    /// Canonical ids referenced so far: the state handed from chapter to chapter.
    var referenced: TreeSet<String> = []

    /// Keys of the bibliography: a key that is no label's is a citation.
    let citationKeys: Set<String>

    /// Prefixes of numbered targets' ids that are not reserved (`eqn` for `{#eqn:0}`): a key with one is a
    /// reference, so `@eqn:none` is an undefined reference rather than an unknown citation.
    let labelPrefixes: Set<String>

    /// `labelPrefixes`, when given, must be `Self.labelPrefixes(labels)` (the preview keeps it between builds).
    init(labels: LabelRegistry, words: PaperWords, sort: Bool = false, citationKeys: Set<String> = [],
         labelPrefixes: Set<String>? = nil) {
        self.labels = labels
        self.words = words
        self.sort = sort
        self.citationKeys = citationKeys
        self.labelPrefixes = labelPrefixes ?? Self.labelPrefixes(labels)
    }

    /// The prefixes of numbered targets' ids that are not reserved ones (`eqn` for `{#eqn:0}`).
    static func labelPrefixes(_ labels: LabelRegistry) -> Set<String> {
        Set(labels.targets.compactMap { t in
            guard t.kind.word != nil, t.number != nil, LabelRegistry.reservedPrefix(t.id) == nil,
                  let colon = t.id.firstIndex(of: ":") else { return nil }
            return String(t.id[..<colon]).lowercased()
        })
    }

    /// The diagnostics made so far, handed over once.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    private static func prefix(_ key: String) -> String? {
        key.firstIndex(of: ":").map { String(key[..<$0]).lowercased() }
    }

    /// A key that refers to a label: one with a reserved prefix (`@fig:x`), or the id of a numbered
    /// target that no bibliography entry has (`@eqn:0` for `{#eqn:0}`, as pandoc-crossref allows).
    private func isReference(_ key: String) -> Bool {
        if LabelRegistry.reservedPrefix(key) != nil { return true }
        guard !citationKeys.contains(key) else { return false }
        if let p = Self.prefix(key), labelPrefixes.contains(p) { return true }
        guard let t = labels.target(key) else { return false }
        return t.kind.word != nil && t.number != nil
    }

    mutating func rewrite(_ list: [Inline]) -> [Inline] {
        // One look at the list in place notes its internal links; a list without a citation changes
        // in nothing, and is handed back as it is.
        var cites = false
        list.forEachInPlace { node in
            switch node.kind {
            case .citation: cites = true
            case .link(let dest, _, _) where dest.hasPrefix("#"): referenced.insert(LabelRegistry.canonical(String(dest.dropFirst())))
            default: break
            }
        }
        guard cites else { return list }
        var out: [Inline] = []
        for node in list {
            if case .citation(let group) = node.kind {
                out += resolve(group, range: node.range) ?? [node]
            } else {
                out.append(node)
            }
        }
        return out
    }

    private struct Resolved {
        var item: CitationGroup.Item
        var target: LabelRegistry.Target
        var word: PaperWords.Kind
    }

    /// The inlines for a group of cross-references, or nil when it is not one (errors are recorded).
    private mutating func resolve(_ group: CitationGroup, range: SourceRange) -> [Inline]? {
        let isCrossref = group.items.map { isReference($0.key) }
        // Citations are the `Citations` pass's job.
        guard isCrossref.contains(true) else { return nil }
        guard !isCrossref.contains(false) else {
            diagnostics.append(.error("crossref.mixed-group", "a group mixes cross-references and citations; write them separately",
                                      at: group.items.first?.location))
            return nil
        }
        // Checklist items read "DS-3 (Access tiers and eligibility)".
        if group.items.allSatisfy({ labels.target($0.key)?.kind == .checklistItem }) {
            var out: [Inline] = []
            for (n, item) in group.items.enumerated() {
                guard let target = labels.target(item.key) else { continue }
                referenced.insert(LabelRegistry.canonical(target.id))
                if n > 0 { out.append(text(n == group.items.count - 1 ? " \(words.and) " : ", ", range)) }
                if !item.prefix.isEmpty { out.append(text(item.prefix + " ", range)) }
                let itemID = String(target.id.dropFirst("item:".count))
                let label = item.suppressAuthor ? itemID : "\(itemID) (\(target.title ?? itemID))"
                out.append(link(target, label, range))
                if !item.suffix.isEmpty { out.append(text(item.suffix.hasPrefix(",") ? item.suffix : " " + item.suffix, range)) }
            }
            return out
        }
        var resolved: [Resolved] = []
        for item in group.items {
            guard let target = labels.target(item.key), let word = target.kind.word else {
                diagnostics.append(undefined(item, in: group))
                continue
            }
            referenced.insert(LabelRegistry.canonical(target.id))
            resolved.append(Resolved(item: item, target: target, word: word))
        }
        // An undefined reference is an error already; its group is no citation for the next pass either.
        guard resolved.count == group.items.count else { return [Inline(.text(group.source), range: range)] }
        return format(resolved, range: range)
    }

    private func undefined(_ item: CitationGroup.Item, in group: CitationGroup) -> Diagnostic {
        let prefix = LabelRegistry.reservedPrefix(item.key) ?? Self.prefix(item.key) ?? ""
        let candidates = labels.keys.filter { $0.hasPrefix(prefix + ":") }.sorted()
        var notes: [Diagnostic.Note] = []
        if let near = Spelling.nearest(to: LabelRegistry.canonical(item.key), in: candidates) { notes.append("did you mean '@\(near)'?") }
        // `\autoref{fig:x}` is quoted as written, not as the `@fig:x` Folio reads it as.
        let written = group.source.hasPrefix("\\") ? "'\(item.key)' in '\(group.source)'" : "'@\(item.key)'"
        return .error("crossref.undefined", "undefined cross-reference \(written)", at: item.location, notes: notes)
    }

    // MARK: Text

    private func format(_ items: [Resolved], range: SourceRange) -> [Inline] {
        // Runs of the same kind without their own prefix share one word: "Figures 1.2 and 1.3".
        var runs: [[Resolved]] = []
        for r in items {
            if let last = runs.last?.last, last.word == r.word, r.item.prefix.isEmpty, last.item.suffix.isEmpty,
               last.item.suppressAuthor == r.item.suppressAuthor {
                runs[runs.count - 1].append(r)
            } else {
                runs.append([r])
            }
        }
        if sort { runs = runs.map { $0.sorted { Self.precedes($0.target.number, $1.target.number) } } }
        // The same target twice in a run is named once ("Equation (1)", not "Equations (1) and (1)").
        runs = runs.map { run in
            var seen = Set<String>()
            return run.filter { seen.insert($0.target.id).inserted }
        }
        // Several kinds: "Figures 1.1, 1.2 and Table 1.3", one "and" for the whole group.
        let single = runs.count == 1
        var out: [Inline] = []
        for (i, run) in runs.enumerated() {
            if i > 0 { out.append(text(i == runs.count - 1 ? " \(words.and) " : ", ", range)) }
            out += format(run: run, range: range, lastAnd: single)
        }
        return out
    }

    /// Number order: "1.2" before "1.10", "2" before "A.1" (appendices last), "3.1a" before "3.1b".
    static func precedes(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a != nil && b == nil }
        func parts(_ s: String) -> [(Int, String)] {
            s.split(separator: ".").map { p in
                let digits = p.prefix(while: \.isNumber)
                return (Int(digits) ?? Int.max, String(p.dropFirst(digits.count)))
            }
        }
        let (x, y) = (parts(a), parts(b))
        for (p, q) in zip(x, y) where p != q {
            return p.0 != q.0 ? p.0 < q.0 : p.1 < q.1
        }
        return x.count < y.count
    }

    private func format(run: [Resolved], range: SourceRange, lastAnd: Bool = true) -> [Inline] {
        guard let first = run.first else { return [] }
        var out: [Inline] = []
        if !first.item.prefix.isEmpty { out.append(text(first.item.prefix + " ", range)) }
        var word = run.count == 1 ? words.singular(first.word) : words.plural(first.word)
        if first.item.key.first?.isUppercase == true { word = word.prefix(1).uppercased() + word.dropFirst() }
        // Unnumbered targets (front matter, sections below the numbering depth) are named by their titles.
        // A capitalised prefix names the targets itself and replaces the word ([Equation @eq:a; @eq:b],
        // as pandoc-crossref); a lower-case one leads in to it ([see @tbl:a] is "see Table 1").
        let named = first.item.prefix.first?.isUppercase == true
        let showWord = !named && !first.item.suppressAuthor && run.allSatisfy { $0.target.number != nil }
        let numbers = run.map { ($0.target, display($0.target)) }
        if run.count == 1, let (target, number) = numbers.first {
            out.append(link(target, (showWord ? word + " " : "") + number, range))
        } else {
            if showWord { out.append(text(word + " ", range)) }
            let pieces = compress(numbers)
            for (i, piece) in pieces.enumerated() {
                if i > 0 { out.append(text(i == pieces.count - 1 && lastAnd ? " \(words.and) " : ", ", range)) }
                switch piece {
                case .single(let t, let n): out.append(link(t, n, range))
                case .range(let a, let na, let b, let nb):
                    out.append(link(a, na, range))
                    out.append(text("–", range))
                    out.append(link(b, nb, range))
                }
            }
        }
        if let last = run.last, !last.item.suffix.isEmpty {
            let s = last.item.suffix
            out.append(text(s.hasPrefix(",") || s.hasPrefix(";") ? s : " " + s, range))
        }
        return out
    }

    private func display(_ t: LabelRegistry.Target) -> String {
        guard let n = t.number else { return t.title ?? t.id }
        return t.kind == .equation ? "(\(n))" : n
    }

    private enum Piece {
        case single(LabelRegistry.Target, String)
        case range(LabelRegistry.Target, String, LabelRegistry.Target, String)
    }

    /// Three or more consecutive numbers with the same stem become a range: 1.2, 1.3, 1.4 → 1.2–1.4.
    private func compress(_ numbers: [(LabelRegistry.Target, String)]) -> [Piece] {
        func split(_ t: LabelRegistry.Target) -> (String, Int)? {
            guard let n = t.number else { return nil }
            let parts = n.split(separator: ".", omittingEmptySubsequences: false)
            guard let last = parts.last, let value = Int(last) else { return nil }
            return (parts.dropLast().joined(separator: "."), value)
        }
        var pieces: [Piece] = []
        var i = 0
        while i < numbers.count {
            var j = i
            if let (stem, value) = split(numbers[i].0) {
                while j + 1 < numbers.count, let (s, v) = split(numbers[j + 1].0), s == stem, v == value + (j + 1 - i) { j += 1 }
            }
            if j - i >= 2 {
                pieces.append(.range(numbers[i].0, numbers[i].1, numbers[j].0, numbers[j].1))
            } else {
                for k in i...j { pieces.append(.single(numbers[k].0, numbers[k].1)) }
            }
            i = j + 1
        }
        return pieces
    }

    private func text(_ s: String, _ range: SourceRange) -> Inline { Inline(.text(s), range: range) }

    private func link(_ target: LabelRegistry.Target, _ label: String, _ range: SourceRange) -> Inline {
        Inline(.link(destination: "#" + target.id, title: "", content: [text(label, range)]), range: range)
    }

    // MARK: Unreferenced

    /// Figures, tables and equations that nothing refers to.
    func unreferenced() -> [Diagnostic] {
        labels.targets.filter { t in
            [.figure, .table, .equation].contains(t.kind) && !referenced.contains(LabelRegistry.canonical(t.id))
        }.sorted { $0.location < $1.location }.map { t in
            let word = t.kind.word.map(words.singular) ?? "Target"
            return .warning("crossref.unreferenced", "\(word) \(display(t)) ('\(t.id)') is never referenced", at: t.location,
                            notes: ["refer to it with @\(t.id), or remove it"])
        }
    }
}
