import Foundation

/// Files written into an output folder: paths that can never leave it, and atomic writes (a temporary
/// file, then a rename), so an interrupted run leaves no half-written file.
public struct OutputFolder: Sendable {
    /// Why a file could not be written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The folder.
    public let root: String

    public init(root: String) { self.root = root }

    /// A safe relative path for a document id: `..`, `.` and empty components are dropped, characters other
    /// than letters, digits, `.`, `_`, `-` and space become `_`, a leading `.` becomes `_`, and components
    /// are cut to 120 bytes. Never empty.
    public static func safeRelativePath(for id: String, suffix: String) -> String {
        var components: [String] = []
        for component in id.split(whereSeparator: { $0 == "/" || $0 == "\\" }) {
            if component == "." || component == ".." { continue }
            var cleaned = String(
                component.unicodeScalars.map { scalar -> Character in
                    let properties = scalar.properties
                    return properties.isAlphabetic || properties.numericType != nil || scalar == "." || scalar == "_" || scalar == "-"
                        || scalar == " "
                        ? Character(scalar) : "_"
                })
            if cleaned.hasPrefix(".") { cleaned = "_" + cleaned.dropFirst() }
            while cleaned.utf8.count > 120 { cleaned.removeLast() }
            if !cleaned.isEmpty { components.append(cleaned) }
        }
        if components.isEmpty { components = ["document"] }
        let last = components.removeLast()
        components.append(last.hasSuffix(suffix) ? last : last + suffix)
        return components.joined(separator: "/")
    }

    /// Writes `bytes` to `relative` inside the folder, atomically.
    public func write(_ bytes: [UInt8], to relative: String) throws(Failure) {
        let path = (root as NSString).appendingPathComponent(relative)
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: directory, reason: Self.reason(error))
        }
        let temporary = (directory as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).partial-\(getpid())")
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw Failure(path: path, reason: reason)
            }
            offset += written
        }
        if fsync(descriptor) != 0 || close(descriptor) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    /// Checks that the folder can be created and written, before any work starts.
    public func prepare() throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: root, reason: Self.reason(error))
        }
        guard access(root, W_OK) == 0 else { throw Failure(path: root, reason: String(cString: strerror(errno))) }
    }

    /// Deletes the temporary files (`.NAME.partial-PID`) that a killed run left behind, and returns their
    /// paths relative to the folder, sorted. Files of a process that is still running (another shard
    /// writing into the same folder) are kept.
    public func removeAbandonedPartials() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var removed: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix("."), let marker = name.range(of: ".partial-", options: .backwards),
                let pid = pid_t(name[marker.upperBound...]), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            if unlink((root as NSString).appendingPathComponent(relative)) == 0 { removed.append(relative) }
        }
        return removed.sorted()
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        return nsError.localizedDescription
    }
}
