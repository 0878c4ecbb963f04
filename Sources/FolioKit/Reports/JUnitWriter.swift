/// JUnit XML, for CI systems that show test reports: one test case per checked thing, failing when
/// its finding is an error.
public enum JUnitWriter {
    public struct Case: Sendable {
        public var className: String
        public var name: String
        /// The finding that makes this case fail (errors) or that is reported in its output (others).
        public var finding: Diagnostic?

        public init(className: String, name: String, finding: Diagnostic?) {
            self.className = className
            self.name = name
            self.finding = finding
        }
    }

    public static func xml(suite: String, cases: [Case]) -> String {
        let failures = cases.filter { $0.finding?.severity == .error }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(escape(suite))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"\(escape(suite))\" tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for c in cases {
            out += "    <testcase classname=\"\(escape(c.className))\" name=\"\(escape(c.name))\""
            guard let d = c.finding else {
                out += "/>\n"
                continue
            }
            out += ">\n"
            let detail = ([d.location.map { "\($0): \(d.message)" } ?? d.message] + d.notes.map(\.description)).joined(separator: "\n")
            if d.severity == .error {
                out += "      <failure type=\"\(escape(d.id))\" message=\"\(escape(d.message))\">\(escape(detail))</failure>\n"
            } else {
                out += "      <system-out>\(escape(d.severity.description + ": " + detail))</system-out>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(ch)
            // XML 1.0 cannot carry other control characters.
            case _ where ch.value < 0x20: out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
