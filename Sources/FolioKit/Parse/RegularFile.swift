import Foundation

/// Reads a file only if it is a regular file of bounded size: a FIFO or device from a pull request
/// would otherwise block or never end, and a directory would be read as nothing.
public enum RegularFile {
    public enum Problem: Error, Equatable, Sendable {
        case missing
        case symlink
        case directory
        case special
        case tooLarge(Int)
    }

    /// The file's bytes. With `followLinks` false a symlink is refused (checked with `lstat`, then
    /// opened with `O_NOFOLLOW`, so it cannot be swapped in between).
    static func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<Data, Problem> {
        var st = stat()
        guard (followLinks ? stat(path, &st) : lstat(path, &st)) == 0 else { return .failure(.missing) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .failure(.symlink)
        case S_IFDIR: return .failure(.directory)
        default: return .failure(.special)
        }
        guard Int(st.st_size) <= maxBytes else { return .failure(.tooLarge(Int(st.st_size))) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return .failure(.missing) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var fdStat = stat()
        guard fstat(fd, &fdStat) == 0, fdStat.st_mode & S_IFMT == S_IFREG else { return .failure(.special) }
        guard let data = try? handle.read(upToCount: maxBytes + 1) ?? Data() else { return .failure(.missing) }
        guard data.count <= maxBytes else { return .failure(.tooLarge(data.count)) }
        return .success(data)
    }
}
