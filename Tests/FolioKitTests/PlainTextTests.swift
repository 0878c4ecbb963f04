import Foundation
import Testing
@testable import FolioKit

/// The standard-library trimming and formatting that replace Foundation's on the build's path
/// (`Model/PlainText.swift`) give exactly what Foundation gives.
@Suite struct PlainTextTests {
    /// Every scalar CoreFoundation counts as white space or a line break, a few it does not, and mixtures.
    static let samples: [String] = {
        let blanks: [UInt32] = [0x09, 0x20, 0xA0, 0x1680, 0x2000, 0x2005, 0x200A, 0x200B, 0x202F, 0x205F, 0x3000]
        let breaks: [UInt32] = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        let others: [UInt32] = [0x1C, 0x200C, 0x200D, 0xFEFF, 0x180E, 0x2060, 0x301, 0x1F600]
        let ends = (blanks + breaks + others).compactMap(Unicode.Scalar.init).map { String($0) }
        var out = ["", " ", "\n", "word", " two words ", "\t\u{3000}Zürich\u{2029}\n", "e\u{301} ", " \u{301}x", "\r\n"]
        for a in ends { for b in ["", " ", "\n"] { out += [a + "body" + b, b + "body" + a, a + b, b + "é" + a + "ß" + a] } }
        return out
    }()

    @Test func trimmingMatchesFoundation() {
        for s in Self.samples {
            #expect(s.trimmingWhitespace() == s.trimmingCharacters(in: .whitespaces), "\(Array(s.unicodeScalars))")
            #expect(s.trimmingWhitespaceAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(Array(s.unicodeScalars))")
            let sub = ("<" + s + ">").dropFirst().dropLast()
            #expect(sub.trimmingWhitespace() == sub.trimmingCharacters(in: .whitespaces))
            #expect(sub.trimmingWhitespaceAndNewlines() == sub.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test func replacingMatchesFoundation() {
        let cases: [(String, String, String)] = [
            ("12-34", "-", "–"), ("1965--1981", "--", "/"), ("2005–2006", "–", "/"), ("1.2.3", ".", "-"),
            ("{\\relax Name}", "\\", ""), ("no match", "-", "+"), ("---", "--", "/"), ("", "-", "+"),
            ("a–b–c", "–", "-"), ("日本-語", "-", "–"),
        ]
        for (text, target, replacement) in cases {
            #expect(text.replacingEvery(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement),
                    "\(text) \(target) \(replacement)")
        }
        #expect("abc".replacingEvery("", with: "x") == "abc")
    }

    @Test func zeroPaddingMatchesPrintf() {
        for n in [0, 5, 42, 999, 2024, 12345, -1, -5, -99, -999, -2024, Int.min, Int.max] {
            for width in [0, 1, 4, 6] {
                #expect(n.zeroPadded(width) == String(format: "%0\(width)ld", n), "\(n) \(width)")
            }
        }
    }

    @Test func initialCapitalMatchesCapitalizedForOneWord() {
        for word in PaperWords.Kind.allCases.map(\.rawValue) + Callout.Kind.allCases.map(\.rawValue) {
            #expect(word.initialCapital == word.capitalized)
        }
        #expect("".initialCapital == "")
    }
}
