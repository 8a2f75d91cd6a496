import Foundation
import Testing

/// Runs the built `slant` executable, as a user would.
struct SlantProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
        var records: [[String: Any]] {
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    /// The package root (for Corpus/).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The `slant` binary next to the test bundle.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("slant")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/slant")
    }()

    /// Runs slant with arguments and optional standard input; kills it after `timeout` seconds.
    static func run(_ arguments: [String], stdin: Data? = nil, timeout: TimeInterval = 60) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        let outData = Locked(Data())
        let errData = Locked(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData.set(readToEnd(output.fileHandleForReading))
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData.set(readToEnd(errors.fileHandleForReading))
            group.leave()
        }
        if let stdin { writeAll(stdin, to: input.fileHandleForWriting) }
        try input.fileHandleForWriting.close()
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            Issue.record("slant \(arguments) did not finish in \(timeout) s")
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData.get(), as: UTF8.self),
            stderr: String(decoding: errData.get(), as: UTF8.self))
    }
}

/// What one read of a pipe returns: empty once its writer has closed it. Foundation's `availableData` and
/// `readDataToEndOfFile()` trap when a signal interrupts a read (EINTR), which the exits of other tests' child
/// processes do: this retries instead.
func readChunk(_ handle: FileHandle) -> Data {
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
        if count >= 0 { return Data(buffer[..<count]) }
        if errno != EINTR { return Data() }
    }
}

/// Everything a pipe holds until its writer closes it.
func readToEnd(_ handle: FileHandle) -> Data {
    var data = Data()
    while case let chunk = readChunk(handle), !chunk.isEmpty { data.append(chunk) }
    return data
}

/// Writes all of `data` to a pipe, retrying interrupted writes; stops early if the reader has gone.
func writeAll(_ data: Data, to handle: FileHandle) {
    data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let count = write(handle.fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count > 0 {
                offset += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ newValue: Value) { lock.withLock { value = newValue } }
}

/// A temporary directory removed at the end of the test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("slant-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension SlantProcess {
    /// Runs another program quietly and returns its exit status (-1 when it cannot be started).
    static func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: path) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
