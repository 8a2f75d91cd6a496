import ArgumentParser
import Foundation
import Slant

/// Why a command stopped, and the exit status it maps to (documented in `slant --help` and README).
enum CommandFailure: Error, CustomStringConvertible {
    /// The pipeline could not be built: exit 2.
    case configuration(String)
    /// Output could not be written: exit 74.
    case output(String)

    var description: String {
        switch self {
        case .configuration(let message), .output(let message): message
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .configuration: ExitCode(2)
        case .output: ExitCode(74)
        }
    }
}

/// Runs a command body, turning Slant's errors into one clear line on stderr and the documented exit status.
func runReportingFailures(_ body: () async throws -> ExitCode) async throws {
    let code: ExitCode
    do {
        code = try await body()
    } catch let failure as CommandFailure {
        StandardError.write("slant: error: \(failure)")
        code = failure.exitCode
    } catch let failure as StageError {
        StandardError.write("slant: error: \(failure)")
        code = ExitCode(2)
    } catch let failure as PipelineFile.Failure {
        StandardError.write("slant: error: \(failure)")
        code = ExitCode(2)
    }
    if code != .success { throw code }
}

/// Writes all of `bytes` to a file descriptor with `write(2)`, retrying interrupted writes (Foundation's
/// `FileHandle.write` traps on them). Returns nil, or the `errno` of the write that failed.
func writeFully(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return nil
}

/// Writes to standard output with `write(2)`, reporting failures (a full disk, a closed pipe).
final class StandardOutput: @unchecked Sendable {
    // Safety: `write` is only called from the pipeline's ordered emitter, one call at a time.
    func write(_ bytes: [UInt8]) throws {
        if let error = writeFully(bytes, to: 1) {
            throw CommandFailure.output("cannot write to standard output: \(String(cString: strerror(error)))")
        }
    }
}

/// Diagnostics on standard error. A failed write there is not reported: there is nowhere left to report it.
enum StandardError {
    /// Writes a line.
    static func write(_ line: String) { writeText(line + "\n") }

    /// Writes text as it is (a progress line redrawn with `\r`).
    static func writeText(_ text: String) { _ = writeFully(Array(text.utf8), to: 2) }
}

/// Counts and prints the diagnostics of a run.
final class DiagnosticReporter: @unchecked Sendable {
    // Safety: called from the pipeline's ordered emitter only, one call at a time.
    private(set) var failures = 0
    private(set) var processed = 0
    let quiet: Bool

    init(quiet: Bool) { self.quiet = quiet }

    /// Prints an outcome's diagnostics and counts failures.
    func report(_ outcome: Outcome) {
        switch outcome {
        case .processed(let document):
            processed += 1
            for diagnostic in document.diagnostics where !quiet { StandardError.write(diagnostic.description) }
        case .failed(_, let diagnostic):
            if diagnostic.severity == .error { failures += 1 }
            if diagnostic.severity == .error || !quiet { StandardError.write(diagnostic.description) }
        }
    }

    /// 0 when every input was processed, 1 when some failed.
    var exitCode: ExitCode { failures > 0 ? ExitCode(1) : .success }
}
