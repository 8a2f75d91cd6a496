/// A note about one document or input that the user should see: a repaired encoding, a skipped file,
/// a malformed line. Diagnostics travel with the document and are printed to stderr by the tool.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Informational: the input was processed as expected, with a remark.
        case note
        /// The input was processed, but not exactly as given (e.g. invalid UTF-8 repaired).
        case warning
        /// The input could not be processed; the run exits non-zero at the end.
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Severity.
    public var severity: Severity
    /// Where: a path, `path:line`, or `stdin:line`.
    public var location: String
    /// What happened and, where it helps, what to do about it.
    public var message: String

    public init(_ severity: Severity, _ location: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// `location: severity: message`, the form compilers use.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
