import Foundation
public import SlantCore

/// Input from paths: files, directory trees (recursive, sorted, `.txt`, `.md`, `.markdown`), and `-` for
/// standard input as one plain-text document.
///
/// Directories are expanded lazily, one at a time, so a huge tree is never listed whole in memory before
/// work starts; symbolic links to directories are followed once (a loop ends where it would revisit).
public final class FileInputs: InputSource {
    /// File name extensions read from directories (a file named explicitly is read whatever its name).
    public static let textExtensions: Set<String> = ["txt", "md", "markdown", "text"]
    /// Extensions whose files are Markdown.
    public static let markdownExtensions: Set<String> = ["md", "markdown"]

    private var pending: [(path: String, root: String?)]
    private var visitedDirectories: Set<String> = []
    private var notes: [InputItem] = []
    private let forcedLanguage: LanguageTag?

    private let shard: Shard?

    /// - Parameters:
    ///   - paths: files, directories, or `-`.
    ///   - language: a language to give every document (skips identification).
    ///   - shard: only the files whose id falls in this shard are read.
    public init(paths: [String], language: LanguageTag? = nil, shard: Shard? = nil) {
        self.pending = paths.reversed().map { ($0, nil) }
        self.forcedLanguage = language
        self.shard = shard
    }

    public func next() -> InputItem? {
        while true {
            if !notes.isEmpty { return notes.removeFirst() }
            guard let (path, root) = pending.popLast() else { return nil }
            if path == "-" { return readStandardInput() }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return .failure(id: path, Diagnostic(.error, path, "no such file or directory"))
            }
            if isDirectory.boolValue {
                expand(directory: path, root: root ?? path)
                continue
            }
            if let shard, !shard.contains(Self.identifier(for: path, root: root)) { continue }
            return read(file: path, root: root)
        }
    }

    /// Queues a directory's entries (sorted by name, so runs are reproducible).
    private func expand(directory: String, root: String) {
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visitedDirectories.insert(real).inserted else {
            notes.append(.failure(id: nil, Diagnostic(.note, directory, "directory already visited (symbolic link loop?): skipped")))
            return
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            notes.append(.failure(id: directory, Diagnostic(.error, directory, "cannot list directory: \(Self.reason(error))")))
            return
        }
        var queued: [(String, String?)] = []
        for name in entries.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                queued.append((path, root))
            } else if Self.textExtensions.contains((name as NSString).pathExtension.lowercased()) {
                queued.append((path, root))
            } else {
                notes.append(.failure(id: nil, Diagnostic(.note, path, "not a .txt, .md or .markdown file: skipped")))
            }
        }
        pending.append(contentsOf: queued.reversed().map { (path: $0.0, root: $0.1) })
    }

    private func read(file path: String, root: String?) -> InputItem {
        let id = Self.identifier(for: path, root: root)
        let data: [UInt8]
        switch FileBytes.read(path) {
        case .success(let bytes): data = bytes
        case .failure(let error): return .failure(id: id, Diagnostic(.error, path, "cannot read: \(error.reason)"))
        }
        let text: String
        let warning: Diagnostic?
        do {
            (text, warning) = try TextDecoding.decode(data, location: path)
        } catch {
            return .failure(id: id, Diagnostic(.error, path, error.description))
        }
        let isMarkdown = Self.markdownExtensions.contains((path as NSString).pathExtension.lowercased())
        var document = Document(id: id, text: text, source: path, isMarkdown: isMarkdown, language: forcedLanguage)
        if let warning { document.diagnostics.append(warning) }
        return .document(document)
    }

    private func readStandardInput() -> InputItem {
        let data = StandardInput.readAll()
        do {
            let (text, warning) = try TextDecoding.decode(data, location: "stdin")
            var document = Document(id: "stdin", text: text, source: "stdin", language: forcedLanguage)
            if let warning { document.diagnostics.append(warning) }
            return .document(document)
        } catch {
            return .failure(id: "stdin", Diagnostic(.error, "stdin", error.description))
        }
    }

    /// The document id: the path relative to the directory given on the command line, or the path as given.
    static func identifier(for path: String, root: String?) -> String {
        guard let root else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// A short reason from a Foundation or POSIX error.
    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoPermissionError: return "permission denied"
            case NSFileReadNoSuchFileError: return "no such file"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}

/// A stable share of a corpus: shard `index` of `count` (1-based) holds the ids whose FNV-1a hash modulo
/// `count` is `index - 1`. The shards of one `count` cover every id exactly once, on any machine.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index) else {
            return nil
        }
        self.index = index
        self.count = count
    }

    /// Whether an id falls in this shard.
    public func contains(_ id: String) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(hash % UInt64(count)) == index - 1
    }

    public var description: String { "\(index)/\(count)" }
}

/// Reads whole files with `open(2)` and `read(2)`, reporting the system's reason on failure.
enum FileBytes {
    /// Why a file could not be read: the system's message for `errno`.
    struct Failure: Error {
        let reason: String
        init(errno code: Int32) { reason = String(cString: strerror(code)).lowercased() }
    }

    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(errno: errno)) }
        if (status.st_mode & S_IFMT) == S_IFDIR { return .failure(Failure(errno: EISDIR)) }
        var result: [UInt8] = []
        result.reserveCapacity(max(0, Int(status.st_size)))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return .success(result) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(errno: errno))
            }
            result.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Reads standard input with `read(2)`, which returns as soon as any bytes arrive (streaming-friendly).
enum StandardInput {
    /// Reads up to `capacity` bytes; an empty result means end of input.
    static func read(capacity: Int = 65_536) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, capacity) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno != EINTR { return [] }
        }
    }

    /// Reads standard input to its end.
    static func readAll() -> [UInt8] {
        var result: [UInt8] = []
        while true {
            let chunk = read()
            if chunk.isEmpty { return result }
            result.append(contentsOf: chunk)
        }
    }
}
