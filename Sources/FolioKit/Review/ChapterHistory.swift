import Foundation

/// Each chapter file's last commit (`git log -1` on the file): short hash, date and author.
/// Outside a git repository, or for a file never committed, there is none.
public enum ChapterHistory {
    /// `revision` is the commit the history ends at (the working tree's HEAD when nil).
    public static func lastChanges(_ files: [(path: String, url: URL)], directory: String, revision: String? = nil,
                                   limits: ProcessRunner.Limits = .git) -> [String: PaperStatus.Change] {
        guard let git = Git(directory: directory, limits: limits, id: "status.git", timeoutID: "source.git-timeout"),
              (try? git.topLevel()) ?? nil != nil else { return [:] }
        var out: [String: PaperStatus.Change] = [:]
        for file in files {
            let range = revision.map { ["--end-of-options", $0] } ?? []
            guard let r = try? git.run(["log", "-1", "--format=%h%x1f%as%x1f%an"] + range + ["--", file.url.standardizedFileURL.path]), r.ok else {
                continue
            }
            let fields = r.trimmed.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, !fields[0].isEmpty else { continue }
            out[file.path] = PaperStatus.Change(commit: fields[0], date: fields[1], author: fields[2])
        }
        return out
    }
}
