/// A build's stamp in LaTeX: the facts in a footer on every page, a light "DRAFT" watermark in
/// drafts and previews, the commit in the PDF's own metadata, and fixed PDF dates and ID for a
/// reproducible build (`SOURCE_DATE_EPOCH`). Pages are marked with the kernel's shipout hooks, so
/// every page style (title page, chapter openings) gets them.
enum LaTeXStamp {
    static func preamble(_ p: Provenance, manifest m: Manifest) -> String {
        let s = Stamp(p, manifest: m)
        let e = LaTeXEscaping.text
        var out = "% Provenance: \(p.commitLabel ?? "no commit"), built \(Provenance.timestamp(p.built))\n"
        out += "\\pdfextension info{/FolioCommit (\(pdfString(p.commitLabel ?? "none"))) /FolioBuilt (\(Provenance.timestamp(p.built)))"
        if let v = m.version { out += " /FolioVersion (\(pdfString(v)))" }
        if let n = p.pullRequest { out += " /FolioPullRequest (\(n))" }
        out += "}\n"
        if p.fixedDate {
            // LuaTeX takes CreationDate and ModDate from SOURCE_DATE_EPOCH (FORCE_SOURCE_DATE=1, set by
            // PDFCompiler); the ID would still hash the time and the sandbox's path, so it is fixed too.
            let id = idHash(m.title + "\u{0}" + (p.commitLabel ?? "") + "\u{0}" + Provenance.timestamp(p.built))
            out += "\\pdfvariable trailerid{[<\(id)> <\(id)>]}\n"
        }
        let footer = s.facts.map(e).joined(separator: " \\textperiodcentered{} ")
        out += "\\AddToHook{shipout/foreground}{\\put(0.5\\paperwidth,-\\paperheight+0.9cm){\\makebox(0,0){\\normalfont\\sffamily\\scriptsize\\color{black!60}\(footer)}}}\n"
        if Stamp.marksDraft(p) {
            let mark = e(m.words.phrase(.draft).uppercased())
            // Level, not diagonal: text tools (pdftotext, search, screen readers) then read it as one word.
            out += "\\AddToHook{shipout/background}{\\put(0.5\\paperwidth,-0.5\\paperheight){\\makebox(0,0){"
                + "\\normalfont\\sffamily\\bfseries\\fontsize{120}{120}\\selectfont\\color{black!6}\(mark)}}}\n"
        }
        return out
    }

    /// The title page's provenance line: "Draft · commit 3f2a9c1 · built 2026-12-06".
    static func titleLine(_ p: Provenance, manifest m: Manifest) -> String {
        let s = Stamp(p, manifest: m)
        let facts = ([s.label].compactMap { $0 } + s.provenanceFacts).map(LaTeXEscaping.text)
        return "{\\small\\sffamily\\color{black!60}\(facts.joined(separator: " \\textperiodcentered{} "))\\par}\n"
    }

    /// A PDF literal string's contents: ASCII, with the delimiters escaped.
    static func pdfString(_ s: String) -> String {
        String(s.unicodeScalars.map { c -> String in
            switch c {
            case "(", ")", "\\": "\\" + String(c)
            case " "..."~": String(c)
            default: "?"
            }
        }.joined())
    }

    /// 32 hex digits from two FNV-1a passes: a stable PDF ID for the same commit and date.
    static func idHash(_ s: String) -> String {
        func fnv(_ seed: UInt64) -> UInt64 {
            var h = seed
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
            return h
        }
        let a = fnv(0xcbf29ce484222325), b = fnv(0x84222325cbf29ce4)
        return String(a, radix: 16, uppercase: true).leftPadded(16) + String(b, radix: 16, uppercase: true).leftPadded(16)
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
