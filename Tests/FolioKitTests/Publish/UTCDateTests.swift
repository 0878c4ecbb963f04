import Foundation
import Testing
@testable import FolioKit

/// The stamp's dates are worked out by arithmetic, not with a `Calendar`: they must be what a
/// Gregorian calendar in UTC says, leap days, century years and instants before 1970 included.
@Suite("UTC dates")
struct UTCDateTests {
    @Test("Provenance.utc agrees with a UTC Gregorian Calendar from 1600 to 2400")
    func agreesWithCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        var instants: [Double] = [0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 951_868_799, 4_107_542_400, -11_676_096_000,
                                  1_767_225_600, 1_798_761_599.999]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 { instants.append(Double(Int64.random(in: -11_676_096_000...13_569_465_600, using: &generator)) + 0.5) }
        for t in instants {
            let date = Date(timeIntervalSince1970: t)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let u = Provenance.utc(date)
            #expect([u.year, u.month, u.day, u.hour, u.minute, u.second] == [c.year, c.month, c.day, c.hour, c.minute, c.second].map { $0 ?? -1 },
                    "\(t)")
        }
        #expect(Provenance.timestamp(Date(timeIntervalSince1970: 1_767_225_600)) == "2026-01-01T00:00:00Z")
        #expect(Provenance.day(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29")
    }
}
