import Foundation

/// A CriticMarkup review mark (`{++ ++}`, `{-- --}`, `{~~ ~> ~~}`, `{== ==}`, `{>> <<}`): what kind it
/// is, who wrote its comment and what the comment says. The marked text is the inline's children
/// (`Inline.Kind.review`): `old` is what a deletion or substitution removes, `new` what an insertion or
/// substitution adds, or the highlighted text.
public struct ReviewMark: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case insertion, deletion, substitution, highlight, comment
    }

    public var kind: Kind
    /// The comment's author, from `{>>@handle: …<<}`, without the `@`.
    public var author: String?
    /// The comment's text (a standalone comment, or the one written right after the mark).
    public var comment: String?

    public init(kind: Kind, author: String? = nil, comment: String? = nil) {
        self.kind = kind
        self.author = author
        self.comment = comment
    }

    /// `@alice: please cite` → ("alice", "please cite"); without a handle, the whole text.
    public static func attribution(_ raw: String) -> (author: String?, text: String) {
        let trimmed = raw.trimmingWhitespaceAndNewlines()
        guard trimmed.hasPrefix("@"), let colon = trimmed.firstIndex(of: ":") else { return (nil, trimmed) }
        let handle = trimmed[trimmed.index(after: trimmed.startIndex)..<colon]
        guard !handle.isEmpty, handle.count <= 100,
              handle.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            return (nil, trimmed)
        }
        return (String(handle), trimmed[trimmed.index(after: colon)...].trimmingWhitespaceAndNewlines())
    }
}

/// How a build treats review marks: shown as changes (drafts), or applied as if every change were
/// accepted or rejected (`--review accept|reject`), with no mark shown.
public enum ReviewMode: String, Sendable, CaseIterable {
    case show, accept, reject
}
