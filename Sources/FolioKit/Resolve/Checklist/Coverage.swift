import Foundation

/// The checklist pass of the Resolve stage: finds every claim (a heading's `covers="…"`, a chapter's
/// front matter, a `[[covers: …]]` marker), measures the claimed text (a section includes its
/// subsections and the footnotes it references) and evaluates each item's rules.
struct Coverage {
    let checklist: Checklist?
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var claims: [CoverageReport.Claim] = []

    /// The paper's words, for chapter labels ("Chapter 3").
    let words: PaperWords

    init(checklist: Checklist?, words: PaperWords) {
        self.checklist = checklist
        self.words = words
    }

    /// What one chapter's claims are measured from.
    struct Region: Equatable, Sendable {
        var chapter: ResolvedChapter
        var side: Manifest.Side?
        var words: PaperWords
    }

    /// A chapter without its markers, and the claims it makes.
    struct Collected: Sendable {
        var chapter: ResolvedChapter
        var claims: [CoverageReport.Claim]
    }

    /// Collects claims from every chapter and returns the chapters with their markers removed; `memo`
    /// keeps each chapter's result while it is unchanged (`folio serve`).
    /// Each chapter is measured on its own, on `jobs` threads; claims are taken in reading order.
    mutating func collect(_ entries: [ResolvedPaper.Entry], memo: ChapterMemo<Region, Collected>? = nil, jobs: Int = 1) -> [ResolvedPaper.Entry] {
        var side: Manifest.Side?
        let regions = entries.map { entry -> Region? in
            switch entry {
            case .part(let p):
                side = p.side
                return nil
            case .chapter(let ch):
                return Region(chapter: ch, side: ch.matter == .main ? side : nil, words: words)
            }
        }
        let found = Parallel.map(regions.count, jobs: jobs) { i -> Collected? in
            guard let region = regions[i] else { return nil }
            return memo?.value(i, region) { Self.collect(region) } ?? Self.collect(region)
        }
        return zip(entries, found).map { entry, found in
            guard let found else { return entry }
            claims += found.claims
            return .chapter(found.chapter)
        }
    }

    private static func collect(_ region: Region) -> Collected {
        let (words, side) = (region.words, region.side)
        var claims: [CoverageReport.Claim] = []
        var ch = region.chapter
        let (blocks, markers) = Self.removeMarkers(ch.blocks)
        ch.blocks = blocks
        let notes = Dictionary(ch.footnotes.map { ($0.label, $0.content) }, uniquingKeysWith: { a, _ in a })
        let chapterLabel = ch.label(words) ?? ch.title.plainText
        // The evidence of a region is measured once, however many items claim it.
        func add(_ newClaims: [CoverageClaim], _ region: [Block], anchor: String, label: String) {
            guard !newClaims.isEmpty else { return }
            var e = Evidence()
            for b in region { e.add(b) }
            // A section's footnotes are part of its text.
            for label in e.footnotes.sorted() { for b in notes[label] ?? [] { e.add(b) } }
            let text = e.text.lowercased()
            var seen: Set<String> = []
            for claim in newClaims where seen.insert(claim.itemID).inserted {
                claims.append(.init(claim: claim, anchor: anchor, label: label, side: side, chapterStatus: ch.status,
                                    words: e.words, citations: e.citations, references: e.references, text: text))
            }
        }
        add(ch.claims, ch.blocks, anchor: ch.id, label: chapterLabel)
        var enclosing: (anchor: String, label: String) = (ch.id, chapterLabel)
        var sectionAt: [Int: (String, String)] = [:]
        for (i, block) in ch.blocks.enumerated() {
            guard case .heading(let h) = block.kind else {
                sectionAt[i] = enclosing
                continue
            }
            let anchor = h.attributes.id ?? ch.id
            let label = h.number.map { "§" + $0 } ?? h.content.plainText
            enclosing = (anchor, label)
            sectionAt[i] = enclosing
            let ids = Self.ids(h.attributes["covers"]), primary = Self.ids(h.attributes["primary"])
            guard !ids.isEmpty || !primary.isEmpty else { continue }
            let end = ch.blocks[(i + 1)...].firstIndex { b in
                if case .heading(let next) = b.kind { return next.level <= h.level }
                return false
            } ?? ch.blocks.count
            let region = Array(ch.blocks[i..<end])
            let newClaims = primary.map { CoverageClaim(itemID: $0, primary: true, scope: .section, location: block.range.start) }
                + ids.filter { !primary.contains($0) }.map { CoverageClaim(itemID: $0, primary: false, scope: .section, location: block.range.start) }
            add(newClaims, region, anchor: anchor, label: label)
        }
        for marker in markers where marker.block < ch.blocks.count {
            let (anchor, label) = sectionAt[marker.block] ?? (ch.id, chapterLabel)
            add(marker.ids.map { CoverageClaim(itemID: $0, primary: false, scope: .paragraph, location: marker.location) },
                [ch.blocks[marker.block]], anchor: anchor, label: label)
        }
        return Collected(chapter: ch, claims: claims)
    }

    static func ids(_ attribute: String?) -> [String] {
        (attribute ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }

    // MARK: Markers

    struct Marker {
        var block: Int
        var ids: [String]
        var location: SourceLocation
    }

    static let markerOpen = "[[covers:"

    /// Takes `[[covers: DS-3 DS-4]]` out of top-level paragraphs. A marker inside a paragraph claims
    /// that paragraph; a paragraph that is only a marker claims the block before it.
    static func removeMarkers(_ blocks: [Block]) -> ([Block], [Marker]) {
        var out: [Block] = []
        var markers: [Marker] = []
        for block in blocks {
            guard case .paragraph(let content) = block.kind, content.contains(where: { node in
                if case .text(let s) = node.kind { return Self.mentionsCovers(s) }
                return false
            }) else {
                out.append(block)
                continue
            }
            let merged = mergeText(content)
            var kept: [Inline] = []
            var found: [(ids: [String], location: SourceLocation)] = []
            for node in merged {
                guard case .text(let s) = node.kind, s.contains(markerOpen) else {
                    kept.append(node)
                    continue
                }
                var rest = Substring(s)
                var text = ""
                while let open = rest.range(of: markerOpen), let close = rest[open.upperBound...].range(of: "]]") {
                    text += rest[..<open.lowerBound]
                    found.append((ids(String(rest[open.upperBound..<close.lowerBound])), node.range.start))
                    rest = rest[close.upperBound...]
                }
                text += rest
                if !text.isEmpty { kept.append(Inline(.text(text), range: node.range)) }
            }
            guard !found.isEmpty else {
                out.append(block)
                continue
            }
            let onlyMarker = kept.allSatisfy { node in
                switch node.kind {
                case .text(let s): s.allSatisfy(\.isWhitespace)
                case .softBreak, .lineBreak: true
                default: false
                }
            }
            if onlyMarker {
                let target = max(out.count - 1, 0)
                for f in found { markers.append(Marker(block: target, ids: f.ids, location: f.location)) }
            } else {
                var b = block
                b.kind = .paragraph(trimTrailingSpace(kept))
                out.append(b)
                for f in found { markers.append(Marker(block: out.count - 1, ids: f.ids, location: f.location)) }
            }
        }
        return (out, markers)
    }

    /// Whether a text may hold a marker: a byte scan for "[[" (text nodes can be long).
    static func mentionsCovers(_ s: String) -> Bool { s.containsBytes(0x5B, 0x5B) }

    /// Adjacent text nodes joined (cmark splits text at brackets).
    static func mergeText(_ list: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for node in list {
            if case .text(let s) = node.kind, case .text(let prev)? = out.last?.kind {
                out[out.count - 1].kind = .text(prev + s)
            } else {
                out.append(node)
            }
        }
        return out
    }

    private static func trimTrailingSpace(_ list: [Inline]) -> [Inline] {
        var out = list
        while let last = out.last {
            switch last.kind {
            case .softBreak, .lineBreak: out.removeLast()
            case .text(let s) where s.last?.isWhitespace == true:
                let t = String(s.reversed().drop(while: \.isWhitespace).reversed())
                out[out.count - 1].kind = .text(t)
                if t.isEmpty { out.removeLast() } else { return out }
            default: return out
            }
        }
        return out
    }

    // MARK: Report

    /// Evaluates every item; reports claims of unknown items, wrong-side claims and items claimed in
    /// several places without a primary claim.
    mutating func report(enforceStatus: Bool) -> CoverageReport? {
        let known = Set(checklist?.items.map(\.id) ?? [])
        let sortedKnown = known.sorted()
        var suggestions: [String: String?] = [:]
        for c in claims where !known.contains(c.claim.itemID) {
            var notes: [Diagnostic.Note] = []
            let near = suggestions[c.claim.itemID] ?? Spelling.nearest(to: c.claim.itemID, in: sortedKnown)
            suggestions[c.claim.itemID] = near
            if let near { notes.append("did you mean '\(near)'?") }
            if checklist == nil { notes.append("the manifest names no checklist (add 'checklist: checklist.yaml')") }
            diagnostics.append(.error("check.unknown-item", "unknown checklist item '\(c.claim.itemID)'", at: c.claim.location, notes: notes))
        }
        guard let checklist else { return nil }
        var results: [CoverageReport.Result] = []
        let byItem = Dictionary(grouping: claims, by: \.claim.itemID)
        for item in checklist.items {
            let mine = byItem[item.id] ?? []
            results.append(CoverageReport.evaluate(item, claims: mine, enforceStatus: enforceStatus))
            if item.side != .both, let first = mine.first,
               mine.allSatisfy({ $0.side != nil && $0.side?.rawValue != item.side.rawValue }) {
                let other = first.side?.rawValue ?? ""
                diagnostics.append(.warning("check.wrong-side",
                    "\(item.side.rawValue)-side item \(item.id) is claimed only on the \(other) side (\(mine.map(\.label).joined(separator: ", ")))",
                    at: first.claim.location, notes: ["claim it in a \(item.side.rawValue)-side part, or change the item's side"]))
            }
            if mine.count >= 2, !mine.contains(where: \.claim.primary), let first = mine.first {
                diagnostics.append(Diagnostic(.note, "check.no-primary",
                    "\(item.id) is claimed in \(mine.count) places and none is primary", at: first.claim.location,
                    notes: ["mark the main one with primary=\"\(item.id)\" on its heading (or 'primary:' in front matter)"]))
            }
        }
        return CoverageReport(checklist: checklist, results: results)
    }
}

/// Words, cited sources, referenced labels and plain text of some blocks; citation text is not counted.
struct Evidence {
    var words = 0
    var citations: Set<String> = []
    var references: Set<String> = []
    var footnotes: Set<String> = []
    var text = ""

    mutating func add(_ block: Block) {
        block.forEachBlock { b in
            switch b.kind {
            case .paragraph(let c): inlines(c)
            case .heading(let h): inlines(h.content)
            case .table(let t):
                for row in [t.header] + t.rows { for cell in row.cells { inlines(cell) } }
                if let c = t.caption { inlines(c) }
            case .figure(let f): inlines(f.caption)
            case .listing(let l): inlines(l.caption)
            case .callout(let c): inlines(c.title)
            default: break
            }
            text += "\n"
        }
    }

    private mutating func inlines(_ list: [Inline]) {
        var walker = EvidenceWalker()
        walker.walk(list)
        words += walker.run.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
        text += walker.run + " "
        citations.formUnion(walker.citations)
        references.formUnion(walker.references)
        footnotes.formUnion(walker.footnotes)
    }
}

/// The claimed text as evidence: plain text without citation text (a citation counts as a source, not
/// as words), with the labels it links to and the footnotes it calls.
private struct EvidenceWalker: MarkupWalker {
    var run = ""
    var citations: Set<String> = []
    var references: Set<String> = []
    var footnotes: Set<String> = []

    mutating func visitInline(_ node: InPlace<Inline>) {
        switch node.kind {
        case .link(let dest, _, _):
            if dest.hasPrefix("#") { references.insert(LabelRegistry.canonical(String(dest.dropFirst()))) }
            descend(into: node)
        case .formattedCitation(let g, _):
            for item in g.items { citations.insert(item.key) }
            run += " "
        case .footnoteReference(let label): footnotes.insert(label)
        case .review(_, _, let new):
            // Evidence is the text as if every change were accepted.
            walk(new)
        default:
            if let text = PlainText.leaf(node.kind, mathAsSpace: true) { run += text } else { descend(into: node) }
        }
    }
}
