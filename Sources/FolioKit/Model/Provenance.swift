import Foundation

/// Where a build came from, for the stamps on its pages: the commit, whether the paper folder had
/// uncommitted changes, the dates, the profile and, for a preview, the pull request. Writers read it
/// from `ResolvedPaper.provenance`; a build without one (`folio render`, unit tests) has no stamps.
public struct Provenance: Sendable, Hashable {
    /// The commit, 40 hex digits; nil outside git or on an unborn branch.
    public var commit: String?
    /// Files of the paper folder that differ from the commit (changed, staged, deleted or untracked), absolute.
    public var changedFiles: [String] = []
    /// The commit's committer date and subject line.
    public var commitDate: Date?
    public var subject: String?
    /// When the build happened: `SOURCE_DATE_EPOCH` when it is set, otherwise now.
    public var built: Date
    /// `built` came from `SOURCE_DATE_EPOCH`, so the outputs are reproducible byte for byte.
    public var fixedDate = false
    public var profile: Profile
    /// The pull request this build previews (`--pull-request`, or GitHub's environment).
    public var pullRequest: Int?
    public var links = Links()

    /// Links the banner offers; each relative to the page, or a web address for the commit.
    public struct Links: Sendable, Hashable {
        /// The archived copy of this version (`v/<commit>/` in a published site).
        public var archive: String?
        /// The list of every published version.
        public var versions: String?
        /// The PDF beside the page.
        public var pdf: String?
        /// The commit on the forge (GitHub's commit page), when the build knows the repository.
        public var commit: String?
        public init() {}
    }

    public init(commit: String? = nil, built: Date, profile: Profile) {
        self.commit = commit
        self.built = built
        self.profile = profile
    }

    public var isDirty: Bool { !changedFiles.isEmpty }

    /// "3f2a9c1", or "3f2a9c1+dirty"; nil outside git.
    public var shortCommit: String? { commit.map { String($0.prefix(7)) + (isDirty ? "+dirty" : "") } }

    /// The full commit, with "+dirty" when the paper folder has uncommitted changes.
    public var commitLabel: String? { commit.map { $0 + (isDirty ? "+dirty" : "") } }

    /// The link on the short commit: the archived version first, then the forge's commit page.
    public var commitLink: String? { links.archive ?? links.commit }

    /// "2026-12-06", in UTC, so that every machine writes the same day for the same instant.
    public static func day(_ date: Date) -> String { day(utc(date)) }

    /// "2026-12-06T03:13:02Z".
    public static func timestamp(_ date: Date) -> String {
        let c = utc(date)
        return day(c) + "T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }

    private static func day(_ c: UTC) -> String { "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))" }

    typealias UTC = (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)

    private static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// The date and time of day of `date` in UTC, on the proleptic Gregorian calendar, worked out from
    /// the days since 1970 (Howard Hinnant's civil-from-days) rather than with a `Calendar`, whose
    /// first use loads ICU's time zones (a millisecond of every build).
    static func utc(_ date: Date) -> UTC {
        let t = date.timeIntervalSince1970
        let seconds = t.isFinite ? Int(min(max(t, -1e14), 1e14).rounded(.down)) : 0
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let time = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1,
                time / 3_600, time % 3_600 / 60, time % 60)
    }

    /// Seconds since 1970 from `SOURCE_DATE_EPOCH`: nil when unset, a failure when it is not whole seconds.
    public static func sourceDateEpoch(_ environment: [String: String]) -> Result<Date, Diagnostic>? {
        guard let raw = environment["SOURCE_DATE_EPOCH"] else { return nil }
        let text = raw.trimmingWhitespace()
        guard let seconds = Int64(text), seconds >= 0, seconds < 253_402_300_800 else {
            return .failure(.error("build.source-date", "SOURCE_DATE_EPOCH is '\(raw)', not whole seconds since 1970", at: nil,
                                   notes: ["set it from the commit: export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)"]))
        }
        return .success(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
