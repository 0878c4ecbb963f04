import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    static func read(_ path: String, maxBytes: Int, followLinks: Bool) -> Result<[UInt8], Problem> {
        var st = stat()
        guard (followLinks ? stat(path, &st) : lstat(path, &st)) == 0 else { return .failure(.missing) }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return .failure(.symlink)
        case S_IFDIR: return .failure(.directory)
        default: return .failure(.special)
        }
        guard Int(st.st_size) <= maxBytes else { return .failure(.tooLarge(Int(st.st_size))) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return .failure(.missing) }
        defer { close(fd) }
        var fdStat = stat()
        guard fstat(fd, &fdStat) == 0, fdStat.st_mode & S_IFMT == S_IFREG else { return .failure(.special) }
        // To the end, which may have moved since `fstat`, but never more than one byte past the limit.
        var bytes = [UInt8](repeating: 0, count: min(max(Int(fdStat.st_size), 0), maxBytes) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= maxBytes else { break }
                bytes += repeatElement(0, count: min(max(count, 1 << 12), maxBytes + 1 - count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Glibc.read(fd, $0 + count, buffer.count - count) } ?? 0
            }
            if n > 0 {
                count += n
            } else if n == 0 {
                break
            } else if errno != EINTR {
                return .failure(.missing)
            }
        }
        guard count <= maxBytes else { return .failure(.tooLarge(count)) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }
}
