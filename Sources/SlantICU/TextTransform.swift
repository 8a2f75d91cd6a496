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
        if text.isEmpty { return text }
        if self == .nfc, try TextTransform.isNFC(text) { return text }
        var input = text
        var capacity = text.utf8.count + 16
        while true {
            var status: Int32 = 0
            var needed: Int64 = 0
            let output = input.withUTF8 { bytes in
                String(unsafeUninitializedCapacity: capacity) { out in
                    let written = bytes.withMemoryRebound(to: CChar.self) { src in
                        out.withMemoryRebound(to: CChar.self) { dst in
                            slant_transform(cValue, src.baseAddress, Int64(src.count), dst.baseAddress, Int64(dst.count), &status)
                        }
                    }
                    needed = written
                    return written <= Int64(capacity) ? Int(written) : 0
                }
            }
            try ICUError.check(status, "applying \(self) to \(text.utf8.count) bytes")
            if needed <= Int64(capacity) { return output }
            capacity = Int(needed)
        }
    }

    /// Whether `text` is already in NFC.
    public static func isNFC(_ text: String) throws(ICUError) -> Bool {
        var input = text
        var status: Int32 = 0
        let result = input.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { slant_is_nfc($0.baseAddress, Int64($0.count), &status) }
        }
        try ICUError.check(status, "checking NFC")
        return result != 0
    }
}
