internal import CICUShim

/// An error reported by ICU, carrying ICU's own code and name so a bug report can quote them.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
    /// ICU's `UErrorCode` value.
    public let code: Int32
    /// What Slant was doing when ICU failed, e.g. "opening a word break iterator for locale 'en'".
    public let operation: String

    /// ICU's name for the code, e.g. `U_ILLEGAL_ARGUMENT_ERROR`.
    public var name: String { String(cString: slant_icu_error_name(code)) }

    public var description: String { "ICU failed \(operation): \(name) (\(code))" }

    /// Throws when an ICU status is a failure (positive), as ICU's `U_FAILURE` does.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if status > 0 { throw ICUError(code: status, operation: operation()) }
    }
}

/// Facts about the ICU library Slant is linked against.
public enum ICU {
    /// The ICU version, e.g. "72.1".
    public static var version: String { String(cString: slant_icu_version()) }

    /// Releases ICU objects cached for the life of the process (for leak checkers).
    public static func releaseCaches() { slant_icu_cleanup() }
}
