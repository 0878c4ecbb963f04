/// Complete HTML pages: the whole paper, or one standalone file.
public enum HTMLPage {
    public static let stylesheetName = "style.css"

    public static func standalone(title: String, body: String, lang: String = "en") -> String {
        head(title: title, lang: lang, description: nil) + "<body>\n<main class=\"paper\">\n" + body + "</main>\n</body>\n</html>\n"
    }

    static func head(title: String, lang: String, description: String?, provenance: Provenance? = nil, version: String? = nil) -> String {
        let e = HTMLEscaping.text
        var out = "<!DOCTYPE html>\n<html lang=\"\(e(lang))\">\n<head>\n<meta charset=\"utf-8\" />\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        out += "<meta name=\"generator\" content=\"Folio \(FolioVersion.string)\" />\n"
        if let description { out += "<meta name=\"description\" content=\"\(e(description))\" />\n" }
        if let provenance { out += HTMLStamp.meta(provenance, version: version) }
        out += "<title>\(e(title))</title>\n<link rel=\"stylesheet\" href=\"\(stylesheetName)\" />\n</head>\n"
        return out
    }

    /// A title's Markdown, or the string escaped when it has none.
    static func titleMarkup(_ inlines: [Inline], else text: String) -> String {
        guard !inlines.isEmpty else { return HTMLEscaping.text(text) }
        var r = HTMLRenderer(options: HTMLRenderer.Options())
        r.inlines(inlines)
        return r.out
    }

    /// The paper as one page: title block, abstract, contents, then parts and chapters.
    public static func paper(_ paper: ResolvedPaper) -> String {
        let sink = TextSink()
        self.paper(paper, to: sink)
        return sink.text
    }

    /// The page written into `sink` a chapter at a time (rendered on `jobs` threads, `ChaptersInOrder`);
    /// with `cache`, a chapter unchanged since the last build is copied rather than rendered.
    public static func paper(_ paper: ResolvedPaper, to sink: TextSink, cache: EmitCache? = nil, jobs: Int = 1) {
        let m = paper.manifest
        let e = HTMLEscaping.text
        let summary = m.abstract.map { String($0.prefix(300)) }
        var out = head(title: m.plainTitle, lang: m.lang, description: summary, provenance: paper.provenance, version: m.version)
        out += "<body>\n"
        if let p = paper.provenance, Stamp.marksDraft(p) { out += HTMLStamp.banner(p, manifest: m) }
        out += "<header class=\"title-block\">\n<h1 class=\"title\">\(titleMarkup(m.titleInlines, else: m.title))</h1>\n"
        if let s = m.subtitle { out += "<p class=\"subtitle\">\(titleMarkup(m.subtitleInlines, else: s))</p>\n" }
        if !m.authors.isEmpty {
            out += "<ul class=\"authors\">\n"
            for a in m.authors {
                out += "<li><span class=\"author\">\(e(a.name))</span>"
                for aff in a.affiliations { out += "<span class=\"affiliation\">\(e(aff))</span>" }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        let meta = [m.version.map { e(m.words.phrase(.version, $0)) }, m.date.map { "<time>\(e($0))</time>" }].compactMap { $0 }
        if !meta.isEmpty { out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>\n" }
        if let p = paper.provenance { out += HTMLStamp.titleLine(p, manifest: m) }
        if let abstract = m.abstract {
            let name = e(m.words.phrase(.abstract))
            out += "<section class=\"abstract\" aria-label=\"\(name)\">\n<h2>\(name)</h2>\n"
            for para in abstract.split(separator: "\n\n") { out += "<p>\(e(String(para)))</p>\n" }
            out += "</section>\n"
        }
        out += "</header>\n"
        out += tableOfContents(paper, cache: cache)
        out += listsOfFloats(paper, options: HTMLRenderer.Options.with(words: m.words))
        out += "<main class=\"paper\">\n"

        var options = HTMLRenderer.Options()
        options.rawHTML = m.rawHTML
        options.words = m.words
        options.headingOffset = 1
        options.numberHeadings = true
        options.alignWithClasses = true
        let assets = paper.assets
        options.assetPath = { assets[$0]?.htmlPath }
        var openPart = false
        // The preview's cache is read and filled one chapter at a time.
        let render: @Sendable (Int, ResolvedChapter) -> String = { [options] index, ch in
            guard let cache else { return chapter(ch, options: options) }
            let key = EmitCache.Key(ch, rawHTML: options.rawHTML, words: options.words, assets: assets)
            return cache.chapterHTML(at: index, key: key) { chapter(ch, options: options) }
        }
        ChaptersInOrder.render(paper.entries, jobs: cache == nil ? jobs : 1, render) { _, entry, html in
            switch entry {
            case .part(let part):
                if openPart { out += "</section>\n" }
                openPart = true
                out += "<section class=\"part part-\(part.side.rawValue)\" id=\"\(e(part.id))\">\n"
                out += "<h2 class=\"part-title\"><span class=\"partnum\">\(e(m.words.phrase(.partLabel, part.number)))</span> \(e(part.title))</h2>\n"
            case .chapter(let ch):
                if openPart && ch.matter != .main {
                    out += "</section>\n"
                    openPart = false
                }
                sink.write(out)
                out = ""
                sink.write(html ?? "")
            }
        }
        if openPart { out += "</section>\n" }
        out += "</main>\n<footer class=\"colophon\"><p>Built with Folio \(FolioVersion.string).</p></footer>\n</body>\n</html>\n"
        sink.write(out)
    }

    static func chapter(_ ch: ResolvedChapter, options base: HTMLRenderer.Options) -> String {
        var options = base
        options.footnotePrefix = ch.footnotePrefix
        var r = HTMLRenderer(options: options, footnoteNumbers: ch.footnoteNumbers)
        let matter = switch ch.matter {
        case .front: "front-matter"
        case .main: "main-matter"
        case .back: "back-matter"
        case .appendix: "appendix"
        }
        r.out += "<section class=\"chapter \(matter)\" id=\"\(HTMLEscaping.text(ch.id))\">\n<h2 class=\"chapter-title\">"
        if let label = ch.label(options.words) { r.out += "<span class=\"chapnum\">\(HTMLEscaping.text(label))</span> " }
        r.inlines(ch.title)
        r.out += "</h2>\n"
        r.blocks(ch.blocks)
        r.footnoteSection(ch.footnotes)
        r.out += "</section>\n"
        return r.out
    }

    static func tableOfContents(_ paper: ResolvedPaper, cache: EmitCache? = nil) -> String {
        let e = HTMLEscaping.text
        let words = paper.manifest.words
        let contents = e(words.phrase(.contents))
        var out = "<nav class=\"toc\" aria-label=\"\(contents)\">\n<h2>\(contents)</h2>\n<ol class=\"toc-list\">\n"
        var openPart = false
        for (index, entry) in paper.entries.enumerated() {
            switch entry {
            case .part(let part):
                if openPart { out += "</ol></li>\n" }
                openPart = true
                out += "<li class=\"toc-part\"><a href=\"#\(e(part.id))\">\(e(words.phrase(.partLabel, part.number))). \(e(part.title))</a>\n<ol>\n"
            case .chapter(let ch):
                if openPart && ch.matter != .main {
                    out += "</ol></li>\n"
                    openPart = false
                }
                let sections = ch.blocks.compactMap { b -> Heading? in
                    if case .heading(let h) = b.kind, h.level == 2 { h } else { nil }
                }
                let item = { contentsItem(ch, sections: sections, words: words) }
                out += cache?.contentsItem(at: index, key: .init(ch, sections: sections, words: words), render: item) ?? item()
            }
        }
        if openPart { out += "</ol></li>\n" }
        out += "</ol>\n</nav>\n"
        return out
    }

    /// A chapter's line in the contents, with its sections.
    static func contentsItem(_ ch: ResolvedChapter, sections: [Heading], words: PaperWords) -> String {
        let e = HTMLEscaping.text
        var r = HTMLRenderer(options: HTMLRenderer.Options())
        r.inlines(ch.title.forTableOfContents)
        let prefix = ch.number.map { ch.matter == .appendix ? words.phrase(.appendixLabel, $0) + ". " : "\($0). " } ?? ""
        var out = "<li class=\"toc-chapter\"><a href=\"#\(e(ch.id))\">\(e(prefix))\(r.out)</a>"
        if !sections.isEmpty {
            out += "\n<ol>\n"
            for h in sections {
                var s = HTMLRenderer(options: HTMLRenderer.Options())
                s.inlines(h.content.forTableOfContents)
                let num = h.number.map { "<span class=\"secnum\">\($0)</span> " } ?? ""
                out += "<li><a href=\"#\(e(h.attributes.id ?? ""))\">\(num)\(s.out)</a></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</li>\n"
    }

    /// The lists of figures, tables and listings the manifest asks for, linking to each.
    static func listsOfFloats(_ paper: ResolvedPaper, options: HTMLRenderer.Options) -> String {
        let words = paper.manifest.words
        var out = ""
        for kind in paper.floatLists {
            var entries: [(id: String, number: String, caption: [Inline])] = []
            for ch in paper.chapters {
                for top in ch.blocks {
                    top.forEachBlock { b in
                        switch (kind, b.kind) {
                        case (.figure, .figure(let f)) where !f.number.isEmpty: entries.append((f.attributes.id ?? "", f.number, f.caption))
                        case (.table, .table(let t)):
                            if let n = t.number, let c = t.caption { entries.append((t.attributes.id ?? "", n, c)) }
                        case (.listing, .listing(let l)):
                            if let n = l.number { entries.append((l.attributes.id ?? "", n, l.caption)) }
                        default: break
                        }
                    }
                }
            }
            let title = words.phrase(.listOf, words.plural(kind))
            out += "<nav class=\"float-list\" aria-label=\"\(HTMLEscaping.text(title))\">\n<h2>\(HTMLEscaping.text(title))</h2>\n<ol>\n"
            for e in entries {
                var r = HTMLRenderer(options: options)
                r.inlines(e.caption.forTableOfContents)
                out += "<li><a href=\"#\(HTMLEscaping.text(e.id))\">\(HTMLEscaping.text(words.singular(kind))) \(e.number)</a>: \(r.out)</li>\n"
            }
            out += "</ol>\n</nav>\n"
        }
        return out
    }
}
