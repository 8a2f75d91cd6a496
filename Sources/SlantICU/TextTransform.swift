internal import CICUShim

/// Unicode normalization and folding through ICU, on UTF-8 strings.
public enum TextTransform: Sendable {
    /// Normalization Form C.
    case nfc
    /// Full Unicode case folding (ß → ss).
    case caseFold
    /// NFKC with case folding: also folds width (ＡＢＣ → abc) and compatibility forms; for matching.
    case nfkcCaseFold
    /// Normalization Form KC: width and compatibility forms folded, case kept.
    case nfkc

    private var cValue: SlantTransform {
        switch self {
        case .nfc: SLANT_TRANSFORM_NFC
        case .caseFold: SLANT_TRANSFORM_CASE_FOLD
        case .nfkcCaseFold: SLANT_TRANSFORM_NFKC_CASE_FOLD
        case .nfkc: SLANT_TRANSFORM_NFKC
        }
    }

    /// Applies the transform to `text`.
    /// - Throws: ``ICUError`` when ICU fails (e.g. a text over 1 GiB).
    public func apply(to text: String) throws(ICUError) -> String {
        if self == .nfc { return try TextTransform.nfcIfChanged(text) ?? text }
        let transform = cValue
        return try Self.transformed(text, "\(self)") { slant_transform(transform, $0, $1, $2, $3, &$4) } ?? text
    }

    /// `text` in NFC, or nil when it already is (the usual case, answered without building a new string).
    /// - Throws: ``ICUError`` when ICU fails.
    public static func nfcIfChanged(_ text: String) throws(ICUError) -> String? {
        try transformed(text, "nfc") { slant_nfc($0, $1, $2, $3, &$4) }
    }

    /// Whether `text` is already in NFC.
    public static func isNFC(_ text: String) throws(ICUError) -> Bool { try nfcIfChanged(text) == nil }

    /// Runs a shim transform (input, length, output, capacity, status) → result length, or -1 for "unchanged",
    /// growing the output buffer until the result fits.
    private static func transformed(
        _ text: String, _ name: String, _ call: (UnsafePointer<CChar>?, Int64, UnsafeMutablePointer<CChar>?, Int64, inout Int32) -> Int64
    ) throws(ICUError) -> String? {
        if text.isEmpty { return nil }
        var input = text
        var capacity = text.utf8.count + 16
        while true {
            var status: Int32 = 0
            var needed: Int64 = 0
            let output = input.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: capacity) { out in
                    let written = bytes.withMemoryRebound(to: CChar.self) { src in
                        out.withMemoryRebound(to: CChar.self) { dst in
                            call(src.baseAddress, Int64(src.count), dst.baseAddress, Int64(dst.count), &status)
                        }
                    }
                    needed = written
                    return written >= 0 && written <= Int64(capacity) ? Int(written) : 0
                }
            }
            try ICUError.check(status, "applying \(name) to \(text.utf8.count) bytes")
            if needed < 0 { return nil }
            if needed <= Int64(capacity) { return output }
            capacity = Int(needed)
        }
    }
}
