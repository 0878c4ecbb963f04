/// pandoc's raw attribute: a fenced code block whose info is `{=latex}`, or a code span followed by
/// `{=html}`, holds text for one output format, written there as it is (behind `raw-latex` and
/// `raw-html`) and left out of the other.
enum RawAttribute {
    /// The format `{=name}` names, or nil.
    static func format(_ s: Substring) -> String? {
        guard s.hasPrefix("{="), s.hasSuffix("}"), s.count > 3 else { return nil }
        let name = s.dropFirst(2).dropLast()
        return name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) ? String(name) : nil
    }

    /// Makes each code span followed by `{=name}` a raw inline.
    static func attach(_ list: [Inline]) -> [Inline] {
        // The bytes are looked at first: `hasPrefix` compares whole characters, which is slow for every text node.
        guard list.count >= 2, list.contains(where: {
            if case .text(let s) = $0.kind { s.utf8.starts(with: "{=".utf8) && s.hasPrefix("{=") } else { false }
        }) else { return list }
        var out: [Inline] = []
        out.reserveCapacity(list.count)
        for node in list {
            if case .text(let s) = node.kind, s.hasPrefix("{="), let last = out.last, case .code(let code) = last.kind,
               let close = s.firstIndex(of: "}"), let name = format(s[...close]) {
                out[out.count - 1].kind = .raw(format: name, text: code)
                let rest = String(s[s.index(after: close)...])
                if !rest.isEmpty { out.append(Inline(.text(rest), range: node.range)) }
            } else {
                out.append(node)
            }
        }
        return out
    }
}
