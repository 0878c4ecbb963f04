/// CriticMarkup's delimiters, read from bytes: `{++ ++}`, `{-- --}`, `{~~ ~> ~~}`, `{== ==}` and
/// `{>> <<}`. Every test looks at three bytes at most, so the preprocessor's scan stays linear.
enum CriticSyntax {
    /// The kind a mark opened at `i` (`{++`, …) has, or nil.
    static func opener(_ b: [UInt8], _ i: Int, _ end: Int) -> ReviewMark.Kind? {
        guard i + 2 < end, b[i] == UInt8(ascii: "{"), b[i + 1] == b[i + 2] || (b[i + 1] == UInt8(ascii: ">") && b[i + 2] == UInt8(ascii: ">")) else {
            return nil
        }
        return kind(of: b[i + 1])
    }

    /// The kind whose closer (`++}`, …, `<<}`) starts at `i`, or nil.
    static func closer(_ b: [UInt8], _ i: Int, _ end: Int) -> ReviewMark.Kind? {
        guard i + 2 < end, b[i + 2] == UInt8(ascii: "}"), b[i] == b[i + 1] else { return nil }
        if b[i] == UInt8(ascii: "<") { return .comment }
        guard let k = kind(of: b[i]), k != .comment else { return nil }
        return k
    }

    /// `~>` in a substitution.
    static func isSeparator(_ b: [UInt8], _ i: Int, _ end: Int) -> Bool {
        i + 1 < end && b[i] == UInt8(ascii: "~") && b[i + 1] == UInt8(ascii: ">")
    }

    private static func kind(of c: UInt8) -> ReviewMark.Kind? {
        switch c {
        case UInt8(ascii: "+"): .insertion
        case UInt8(ascii: "-"): .deletion
        case UInt8(ascii: "~"): .substitution
        case UInt8(ascii: "="): .highlight
        case UInt8(ascii: ">"): .comment
        default: nil
        }
    }

    /// How a mark's delimiters are written, for messages.
    static func delimiters(_ kind: ReviewMark.Kind) -> (open: String, close: String) {
        switch kind {
        case .insertion: ("{++", "++}")
        case .deletion: ("{--", "--}")
        case .substitution: ("{~~", "~~}")
        case .highlight: ("{==", "==}")
        case .comment: ("{>>", "<<}")
        }
    }
}

/// One review mark as written in a chapter, with its byte offsets in the text the preprocessor read:
/// what `folio review list` prints and what `folio review accept|reject` replaces.
public struct ReviewSyntax: Sendable, Hashable {
    public var kind: ReviewMark.Kind
    public var location: SourceLocation
    /// Offsets of the opening `{` and just after the closer (and the comment written right after it).
    public var start: Int
    public var end: Int
    /// The source between the delimiters, as written: what the mark removes and what it adds (or highlights).
    public var old: String
    public var new: String
    public var author: String?
    public var comment: String?

    /// The source that replaces the mark when every change is accepted or rejected.
    public func replacement(accept: Bool) -> String {
        switch kind {
        case .insertion: accept ? new : ""
        case .deletion: accept ? "" : old
        case .substitution: accept ? new : old
        case .highlight: new
        case .comment: ""
        }
    }
}
