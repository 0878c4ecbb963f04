import HashTreeCollections

/// The citation pass of the Resolve stage: every citation group whose keys are not cross-references
/// becomes formatted text (or, in the notes style, a footnote) linking to its bibliography entry,
/// and the bibliography is built with links back to each citation. Runs after `CrossReferences`.
struct Citations {
    let bib: Bibliography
    let options: CitationOptions
    private(set) var diagnostics: [Diagnostic] = []
    /// Entries in the bibliography, with the facts every style reads.
    var parts: [String: ReferenceParts] = [:]
    /// "Did you mean" answers, once per unknown key.
    private var suggestions: [String: String?] = [:]

    /// What one chapter hands the next: numbers in order of first citation, sources already given in
    /// full, and the anchors made so far. Persistent trees, so the copies the preview keeps of each
    /// chapter's state share what they have in common (`ResolveCache`). Backlinks are not state: no
    /// chapter's text depends on them, so each chapter's are collected apart (`Cited.backlinks`).
    struct State: Equatable {
        var numbers: TreeDictionary<String, Int> = [:]
        var fullNoteGiven: TreeSet<String> = []
        var anchorCount = 0
        /// Keeps citation anchors distinct from every other id on the page.
        var slugger: Slugger
        /// Every anchor made here (entries and citations), for writers that link to them differently.
        var anchors: TreeSet<String> = []
        /// Footnotes made for citations in the notes style.
        var generatedCount = 0
    }

    var state: State

    /// A backlink from an entry to one citation of it.
    struct Backlink: Equatable, Sendable {
        var key: String
        var link: BibliographyList.Backlink
    }

    /// A chapter with its citations formatted, and its backlinks: the first citation of each entry in
    /// each section, in reading order.
    struct Cited: Equatable, Sendable {
        var chapter: ResolvedChapter
        var backlinks: [Backlink]
    }

    /// The backlinks of the chapter being rewritten, and the sections each entry already has one from.
    private var chapterBacklinks: [Backlink] = []
    private var chapterBacklinkLabels: [String: Set<String>] = [:]
    /// Every chapter's backlinks, once each entry has one per section label (`joined`).
    var backlinks: [String: [BibliographyList.Backlink]] = [:]

    /// What every chapter's citations are formatted from.
    struct Environment: Equatable {
        var parts: [String: ReferenceParts]
        var options: CitationOptions
        var bib: Bibliography
    }

    /// What `prepare` reads.
    struct PrepareKey: Equatable {
        var cited: Set<String>
        var options: CitationOptions
        var bib: Bibliography
    }

    /// What `bibliography()` reads.
    struct ListKey: Equatable {
        var environment: Environment
        var state: State
        var backlinks: [String: [BibliographyList.Backlink]]
    }

    var environment: Environment { Environment(parts: parts, options: options, bib: bib) }
    var slugger: Slugger { state.slugger }
    var anchors: Set<String> { Set(state.anchors) }
    /// Where citations currently being rewritten sit: the number of the enclosing section.
    private var section = ""
    private var inFootnote = false
    // Per chapter: the author's footnotes (rewritten when first referenced) and generated notes.
    private var pendingNotes: [String: MarkdownDocument.Footnote] = [:]
    private var doneNotes: [String: MarkdownDocument.Footnote] = [:]
    private var noteOrder: [String] = []
    /// Author footnotes referenced but not yet rewritten (a queue, so chains of notes never recurse).
    private var noteQueue: [String] = []
    /// In a dry run (`cues(_:options:)`), the groups met so far; nothing is rewritten.
    var cues: [Cue]?

    init(bib: Bibliography, options: CitationOptions, slugger: Slugger) {
        self.bib = bib
        self.options = options
        self.state = State(slugger: slugger)
    }

    /// The diagnostics made so far, handed over once.
    mutating func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }

    /// Whether a group is a citation (no key has a cross-reference prefix).
    static func isCitation(_ group: CitationGroup) -> Bool {
        group.items.allSatisfy { LabelRegistry.reservedPrefix($0.key) == nil }
    }

    /// What every citation anchor's id starts with.
    static let anchorPrefix = "cite-"

    static func anchorID(_ key: String) -> String {
        // Keys rarely hold spaces: only those are rebuilt character by character.
        let plain = key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x80 }
        return "ref-" + (plain ? key : String(key.map { $0.isWhitespace ? "_" : $0 }))
    }

    // MARK: Setup

    /// Decides which entries the bibliography lists (cited, `nocite`d) and their year suffixes.
    mutating func prepare(cited: Set<String>, manifest: SourceLocation, jobs: Int = 1) {
        var included = cited
        for (key, location) in options.nocite where key != "*" {
            if bib[key] == nil {
                diagnostics.append(unknown(key, at: location, what: "nocite key"))
            } else {
                included.insert(bib.canonical(key))
            }
        }
        // Each entry's parts are its own: made side by side, stored in file order.
        let chosen = bib.references.filter { options.nociteAll || included.contains($0.id) }
        for (r, p) in zip(chosen, Parallel.map(chosen.count, jobs: jobs) { ReferenceParts(r: chosen[$0]) }) {
            parts[r.id] = p
        }
        for r in bib.references where parts[r.id] == nil {
            diagnostics.append(.warning("citation.uncited", "bibliography entry '\(r.id)' is never cited", at: r.location,
                                        notes: ["cite it with [@\(r.id)], list it under 'nocite' in folio.yaml, or remove it"]))
        }
        guard options.style == .authorDate else { return }
        // Same authors and year: 2023a, 2023b, in the order of their titles.
        var groups: [String: [String]] = [:]
        for (id, p) in parts { groups[label(p) + "\u{1}" + p.year, default: []].append(id) }
        for ids in groups.values where ids.count > 1 {
            let sorted = ids.map { ($0, parts[$0]?.sortKey ?? "") }.sorted { $0.1 < $1.1 }.map(\.0)
            for (n, id) in sorted.enumerated() where n < 26 {
                parts[id]?.yearSuffix = String(UnicodeScalar(UInt8(97 + n)))
            }
        }
    }

    private mutating func unknown(_ key: String, at location: SourceLocation?, what: String = "citation key") -> Diagnostic {
        var notes: [Diagnostic.Note] = []
        let near = suggestions[key] ?? Spelling.nearest(to: key, in: bib.references.map(\.id))
        suggestions[key] = near
        if let near { notes.append("did you mean '@\(near)'?") }
        // `@cl:x`: pandoc-crossref's custom prefixes look like keys; say so rather than blame the bibliography.
        // `Pearson:2017` and `smith:2020a` are author-year keys, not prefixes: the note is for lower-case
        // prefixes before a name.
        if let colon = key.firstIndex(of: ":"), key[..<colon].allSatisfy({ $0.isLetter && $0.isLowercase }), !key[..<colon].isEmpty,
           !(key[key.index(after: colon)...].first?.isNumber ?? true),
           !["url", "doi", "arxiv", "pmid", "pmcid", "isbn", "wikidata", "raw", "tag"].contains(key[..<colon].lowercased()) {
            notes.append("'\(key[..<colon]):' is not a cross-reference prefix Folio reads (fig, tbl, eq, lst, sec and the others in docs/CROSSREFS.md); pandoc-crossref's custom prefixes are not supported, so label the target with one of those")
        }
        notes.append(bib.isEmpty ? "the manifest names no bibliography (add 'bibliography: [references.bib]')"
                                 : "no bibliography entry has this key")
        return .error("citation.unknown-key", "unknown \(what) '\(key)'", at: location, notes: notes)
    }

    /// The author part used in citations: "Tan, Smith, and Kumar", or the short title when there is no author.
    private func label(_ p: ReferenceParts) -> String {
        p.creators.names.isEmpty ? p.shortTitle : p.shortNames
    }

    /// `label` as inlines: a title standing in for the author is italic or quoted, as in the entry.
    private func labelNodes(_ p: ReferenceParts, _ range: SourceRange) -> [Inline] {
        var t = RichText(range: range)
        if !p.creators.names.isEmpty {
            t.text(p.shortNames)
        } else if p.isQuoted {
            t.quoted(p.shortTitle, closing: "")
        } else {
            t.italic(p.shortTitle)
        }
        return t.nodes
    }

    // MARK: Chapters

    /// Rewrites one chapter's citations (in the notes style, adding a footnote per citation) and
    /// collects its backlinks.
    mutating func cite(_ chapter: ResolvedChapter) -> Cited {
        chapterBacklinks = []
        chapterBacklinkLabels = [:]
        let out = rewrite(chapter)
        return Cited(chapter: out, backlinks: chapterBacklinks)
    }

    /// Every chapter's backlinks joined by entry, in reading order; an entry links back once per section label.
    static func joined(_ chapters: [[Backlink]]) -> [String: [BibliographyList.Backlink]] {
        var joined: [String: [BibliographyList.Backlink]] = [:]
        var labels: [String: Set<String>] = [:]
        for links in chapters {
            for b in links where labels[b.key, default: []].insert(b.link.label).inserted {
                joined[b.key, default: []].append(b.link)
            }
        }
        return joined
    }

    mutating func rewrite(_ ch: ResolvedChapter) -> ResolvedChapter {
        var ch = ch
        let chapterLabel = ch.number.map { "§" + $0 } ?? ch.title.plainText
        section = chapterLabel
        pendingNotes = Dictionary(ch.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        doneNotes = [:]
        noteOrder = []
        ch.blocks = ch.blocks.map { block in
            if case .heading(let h) = block.kind { section = h.number.map { "§" + $0 } ?? chapterLabel }
            let out = rewrite(block)
            // The notes this block references, before the next block: "first citation" follows reading order.
            drainNotes()
            return out
        }
        // Footnotes nothing references keep their place at the end.
        for note in ch.footnotes where doneNotes[note.label] == nil {
            enqueueNote(note.label)
            drainNotes()
        }
        ch.footnotes = noteOrder.compactMap { doneNotes[$0] }
        return ch
    }

    private mutating func rewrite(_ block: Block) -> Block {
        if cues != nil {
            block.forEachInlineList { cue($0) }
            return block
        }
        var needed = false
        block.forEachInline { node in
            switch node.kind {
            case .citation, .footnoteReference: needed = true
            default: break
            }
        }
        return needed ? block.mapInlines { rewrite($0) } : block
    }

    private mutating func rewrite(_ list: [Inline]) -> [Inline] {
        // A list without a citation changes in nothing: its notes are taken in order, and it is handed back.
        var cites = false
        list.forEachInPlace { node in
            switch node.kind {
            case .citation(let group) where Self.isCitation(group): cites = true
            default: break
            }
        }
        guard cites else {
            list.forEachInPlace { node in if case .footnoteReference(let label) = node.kind { enqueueNote(label) } }
            return list
        }
        var out: [Inline] = []
        var notePending = false
        for var node in list {
            // Chicago puts the note number after punctuation: "access.¹", not "access¹."
            if notePending, case .text(let s) = node.kind, let first = s.first, ".,;:?!".contains(first),
               let mark = out.popLast() {
                out.append(Inline(.text(String(first)), range: node.range))
                out.append(mark)
                node.kind = .text(String(s.dropFirst()))
            }
            notePending = false
            switch node.kind {
            case .citation(let group) where Self.isCitation(group):
                let becomesNote = options.style == .notes && !inFootnote
                if becomesNote, !group.inText { trimTrailingSpace(&out) }
                out += cite(group, range: node.range)
                notePending = becomesNote
            case .footnoteReference(let label):
                enqueueNote(label)
                out.append(node)
            default:
                out.append(node)
            }
        }
        return out
    }

    /// The dry run's `rewrite(_ list:)`: the groups it would format and the notes it would take, in order.
    private mutating func cue(_ list: [Inline]) {
        for node in list {
            switch node.kind {
            case .citation(let group) where Self.isCitation(group):
                cues?.append(Cue(group: group, inFootnote: inFootnote))
            case .footnoteReference(let label):
                enqueueNote(label)
            default: break
            }
        }
    }

    /// Drops the space (or line break) before a note mark.
    private func trimTrailingSpace(_ out: inout [Inline]) {
        while let last = out.last {
            switch last.kind {
            case .softBreak: out.removeLast()
            case .text(let s) where s.last?.isWhitespace == true:
                let trimmed = String(s.reversed().drop(while: \.isWhitespace).reversed())
                out.removeLast()
                if !trimmed.isEmpty { out.append(Inline(.text(trimmed), range: last.range)) }
                if !trimmed.isEmpty { return }
            default: return
            }
        }
    }

    /// Takes an author's footnote at its first reference: its number follows reading order.
    private mutating func enqueueNote(_ label: String) {
        guard doneNotes[label] == nil, let note = pendingNotes[label] else { return }
        doneNotes[label] = note
        noteOrder.append(label)
        noteQueue.append(label)
    }

    /// Rewrites queued notes; notes they reference join the queue.
    private mutating func drainNotes() {
        var next = 0
        while next < noteQueue.count {
            let label = noteQueue[next]
            next += 1
            guard var note = doneNotes[label] else { continue }
            let saved = inFootnote
            inFootnote = true
            note.content = note.content.map { rewrite($0) }
            inFootnote = saved
            doneNotes[label] = note
        }
        noteQueue.removeAll()
    }

    // MARK: Citations

    private mutating func cite(_ written: CitationGroup, range: SourceRange) -> [Inline] {
        let group = written
        var known: [(CitationGroup.Item, ReferenceParts)] = []
        for item in group.items {
            guard let p = parts[item.key] else {
                diagnostics.append(unknown(item.key, at: item.location))
                continue
            }
            known.append((item, p))
        }
        guard known.count == group.items.count else { return [Inline(.text(group.source), range: range)] }
        for (item, _) in known where state.numbers[item.key] == nil {
            state.numbers[item.key] = state.numbers.count + 1
        }
        let content: [Inline]
        switch options.style {
        case .authorDate: content = authorDate(known, inText: group.inText, range: range)
        case .numeric: content = numeric(known, inText: group.inText, range: range)
        case .notes: content = notes(known, inText: group.inText, range: range)
        }
        return [Inline(.formattedCitation(group, content), range: range)]
    }

    /// A link to the entry, wrapped in an anchor the entry links back to.
    private mutating func anchored(_ key: String, _ content: [Inline], range: SourceRange) -> Inline {
        state.anchorCount += 1
        let id = state.slugger.unique(Self.anchorPrefix + "\(state.anchorCount)")
        state.anchors.insert(id)
        if chapterBacklinkLabels[key, default: []].insert(section).inserted {
            chapterBacklinks.append(Backlink(key: key, link: .init(id: id, label: section)))
        }
        let link = Inline(.link(destination: "#" + Self.anchorID(key), title: "", content: content), range: range)
        var attrs = Attributes()
        attrs.id = id
        attrs.classes = ["citation"]
        return Inline(.span(attrs, [link]), range: range)
    }

    private func text(_ s: String, _ range: SourceRange) -> Inline { Inline(.text(s), range: range) }

    /// The prefix, locator and rest of an item, in the style's words.
    private func affixes(_ item: CitationGroup.Item, ieee: Bool) -> (prefix: String, locator: String?) {
        let prefix = item.prefix.isEmpty ? "" : item.prefix + " "
        guard !item.suffix.isEmpty else { return (prefix, nil) }
        if let loc = item.locator {
            let main = ieee ? loc.ieee : loc.chicago
            return (prefix, loc.rest.isEmpty ? main : main + (loc.rest.hasPrefix(",") ? "" : " ") + loc.rest)
        }
        var rest = item.suffix
        if rest.hasPrefix(",") { rest = String(rest.dropFirst()).trimmingWhitespace() }
        return (prefix, rest)
    }

    /// (Tan, Smith, and Kumar 2023, 33; Lee 2021) or, in the text, Tan, Smith, and Kumar (2023, 33).
    private mutating func authorDate(_ items: [(CitationGroup.Item, ReferenceParts)], inText: Bool, range: SourceRange) -> [Inline] {
        var out: [Inline] = []
        if inText, let (item, p) = items.first {
            let (prefix, locator) = affixes(item, ieee: false)
            out.append(text(prefix, range))
            var inner = p.year
            if let locator { inner += ", " + locator }
            out.append(anchored(item.key, labelNodes(p, range) + [text(" (" + inner + ")", range)], range: range))
            return out
        }
        out.append(text("(", range))
        for (n, (item, p)) in items.enumerated() {
            if n > 0 { out.append(text("; ", range)) }
            let (prefix, locator) = affixes(item, ieee: false)
            if !prefix.isEmpty { out.append(text(prefix, range)) }
            var s = item.suppressAuthor ? p.year : " " + p.year
            if let locator { s += ", " + locator }
            let who = item.suppressAuthor ? [] : labelNodes(p, range)
            out.append(anchored(item.key, who + [text(s, range)], range: range))
        }
        out.append(text(")", range))
        return out
    }

    /// [3], [3, p. 33], [1]–[4]; in the text, Tan et al. [3].
    private mutating func numeric(_ items: [(CitationGroup.Item, ReferenceParts)], inText: Bool, range: SourceRange) -> [Inline] {
        var out: [Inline] = []
        func bracket(_ item: CitationGroup.Item) -> [Inline] {
            let (prefix, locator) = affixes(item, ieee: true)
            let n = state.numbers[item.key] ?? 0
            var nodes: [Inline] = prefix.isEmpty ? [] : [text(prefix, range)]
            nodes.append(anchored(item.key, [text("[\(n)" + (locator.map { ", " + $0 } ?? "") + "]", range)], range: range))
            return nodes
        }
        if inText, let (item, p) = items.first {
            if !item.suppressAuthor { out += labelNodes(p, range) + [text(" ", range)] }
            return out + bracket(item)
        }
        let (ordered, runs) = Self.numericRuns(items.map(\.0), numbers: state.numbers)
        for (n, run) in runs.enumerated() {
            if n > 0 { out.append(text(", ", range)) }
            if run.count >= 3, let first = run.first, let last = run.last {
                out += bracket(ordered[first])
                out.append(text("–", range))
                out += bracket(ordered[last])
            } else {
                for k in run {
                    if k > run.lowerBound { out.append(text(", ", range)) }
                    out += bracket(ordered[k])
                }
            }
        }
        return out
    }

    /// The numeric style's order: plain items (no prefix or locator) sorted by number, in runs of
    /// consecutive numbers (a run of three or more prints as a range); other groups as written, one
    /// item per run.
    static func numericRuns(_ items: [CitationGroup.Item], numbers: TreeDictionary<String, Int>)
        -> (ordered: [CitationGroup.Item], runs: [ClosedRange<Int>]) {
        let plain = items.allSatisfy { $0.prefix.isEmpty && $0.suffix.isEmpty }
        let ordered = plain ? items.sorted { (numbers[$0.key] ?? 0) < (numbers[$1.key] ?? 0) } : items
        var runs: [ClosedRange<Int>] = []
        var i = 0
        while i < ordered.count {
            var j = i
            while plain, j + 1 < ordered.count, (numbers[ordered[j + 1].key] ?? 0) == (numbers[ordered[j].key] ?? 0) + 1 { j += 1 }
            runs.append(i...j)
            i = j + 1
        }
        return (ordered, runs)
    }

    /// A footnote per citation group (inline text when already in a footnote): the full form the first
    /// time a source is cited, the short form after.
    private mutating func notes(_ items: [(CitationGroup.Item, ReferenceParts)], inText: Bool, range: SourceRange) -> [Inline] {
        var note = RichText(range: range)
        for (n, (item, p)) in items.enumerated() {
            if n > 0 { note.text("; ") }
            let (prefix, locator) = affixes(item, ieee: false)
            // A note is a sentence: only its first word is capitalised.
            if !prefix.isEmpty { note.text(n == 0 ? prefix.prefix(1).uppercased() + prefix.dropFirst() : prefix) }
            let end = n == items.count - 1 && !inFootnote ? "." : ""
            let form = state.fullNoteGiven.contains(item.key)
                ? ChicagoFormat.shortNote(p, locator: locator, end: end, range: range)
                : ChicagoFormat.fullNote(p, locator: locator, range: range)
            state.fullNoteGiven.insert(item.key)
            note.append([anchored(item.key, form.nodes, range: range)])
        }
        // Inside an author's footnote the citation is part of that note's sentence.
        if inFootnote { return note.nodes }
        note.finish()
        var lead: [Inline] = []
        if inText, let (item, p) = items.first, !item.suppressAuthor { lead = labelNodes(p, range) }
        state.generatedCount += 1
        let label = "folio-cite-\(state.generatedCount)"
        let body = Block(.paragraph(note.nodes), range: range)
        let footnote = MarkdownDocument.Footnote(label: label, content: [body], range: range)
        doneNotes[label] = footnote
        noteOrder.append(label)
        return lead + [Inline(.footnoteReference(label: label), range: range)]
    }

    // MARK: Bibliography

    /// The formatted bibliography, in the style's order.
    func bibliography(jobs: Int = 1) -> BibliographyList? {
        guard !parts.isEmpty else { return nil }
        var list = Array(parts.values)
        switch options.style {
        case .numeric:
            // Cited entries by first citation, then `nocite` ones in file order.
            let fileOrder = Dictionary(bib.references.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
            list.sort { a, b in
                switch (state.numbers[a.r.id], state.numbers[b.r.id]) {
                case let (x?, y?): x < y
                case (.some, nil): true
                case (nil, .some): false
                case (nil, nil): (fileOrder[a.r.id] ?? 0) < (fileOrder[b.r.id] ?? 0)
                }
            }
        case .authorDate, .notes:
            list = list.map { ($0.sortKey, $0) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        // Numbers first (uncited entries take the next ones, in list order), then each entry formatted
        // on its own, side by side.
        var next = state.numbers.count + 1
        let numbers: [Int] = list.map { p in
            if let known = state.numbers[p.r.id] { return known }
            next += 1
            return next - 1
        }
        let (style, backlinks, sorted) = (options.style, backlinks, list)
        let entries = Parallel.map(sorted.count, jobs: jobs) { i -> BibliographyList.Entry in
            let p = sorted[i]
            let range = SourceRange(start: p.r.location, endLine: p.r.location.line, endColumn: p.r.location.column)
            var label: String?
            let content: [Inline]
            switch style {
            case .authorDate: content = ChicagoFormat.entry(p, range: range, dateAfterAuthor: true)
            case .notes: content = ChicagoFormat.entry(p, range: range, dateAfterAuthor: false)
            case .numeric:
                label = "[\(numbers[i])]"
                content = IEEEFormat.entry(p, range: range)
            }
            return .init(id: Self.anchorID(p.r.id), label: label, content: content, backlinks: backlinks[p.r.id] ?? [])
        }
        return BibliographyList(entries: entries, citedIn: "Cited in")
    }
}
