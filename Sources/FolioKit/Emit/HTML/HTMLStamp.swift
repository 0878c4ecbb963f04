/// A build's stamp in HTML: `folio:` meta tags, the draft banner at the top of the page, and the
/// provenance line of the title block (`Stamp` holds the facts).
enum HTMLStamp {
    static func meta(_ p: Provenance, version: String?) -> String {
        let e = HTMLEscaping.text
        var out = "<meta name=\"folio:commit\" content=\"\(e(p.commitLabel ?? "none"))\" />\n"
        if let version { out += "<meta name=\"folio:version\" content=\"\(e(version))\" />\n" }
        out += "<meta name=\"folio:built\" content=\"\(Provenance.timestamp(p.built))\" />\n"
        out += "<meta name=\"folio:profile\" content=\"\(p.profile.rawValue)\" />\n"
        if let n = p.pullRequest { out += "<meta name=\"folio:pull-request\" content=\"\(n)\" />\n" }
        return out
    }

    /// "Draft · Version 0.3 · commit 3f2a9c1 · built 2026-12-06 · PDF · All versions", the commit
    /// linked to its archived copy (or the forge's commit page).
    static func banner(_ p: Provenance, manifest m: Manifest) -> String {
        let s = Stamp(p, manifest: m)
        var items: [String] = []
        if let label = s.label { items.append("<strong>\(e(label))</strong>") }
        if let v = s.version { items.append(e(v)) }
        if let c = commit(s, p) { items.append(c) }
        items.append("<time datetime=\"\(Provenance.timestamp(p.built))\">\(e(s.built))</time>")
        if let pdf = p.links.pdf { items.append("<a href=\"\(e(pdf))\">\(e(m.words.phrase(.pdf)))</a>") }
        if let all = p.links.versions { items.append("<a href=\"\(e(all))\">\(e(m.words.phrase(.allVersions)))</a>") }
        return "<aside class=\"draft-banner\" role=\"note\">\(items.joined(separator: " · "))</aside>\n"
    }

    /// The title block's provenance line: "commit 3f2a9c1 · built 2026-12-06".
    static func titleLine(_ p: Provenance, manifest m: Manifest) -> String {
        let s = Stamp(p, manifest: m)
        let items = [commit(s, p), e(s.built)].compactMap { $0 }
        return "<p class=\"stamp\">\(items.joined(separator: " · "))</p>\n"
    }

    private static func commit(_ s: Stamp, _ p: Provenance) -> String? {
        guard let short = s.shortCommit, let text = s.commit else { return nil }
        let code = e(text).replacingOccurrences(of: e(short), with: "<code>\(e(short))</code>")
        guard let link = p.commitLink else { return code }
        return "<a href=\"\(e(link))\">\(code)</a>"
    }

    private static func e(_ s: String) -> String { HTMLEscaping.text(s) }
}
