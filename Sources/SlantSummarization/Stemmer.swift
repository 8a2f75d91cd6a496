internal import CStemmerShim

/// A Snowball stemmer (through Debian's libstemmer) for one language: "councils" and "council" become one
/// term. Not `Sendable`: make one per document.
final class Stemmer {
    private let handle: OpaquePointer
    private var buffer = [CChar](repeating: 0, count: 256)

    /// The stemmer for a language subtag, or nil when Snowball has none (Chinese, Japanese, Korean …).
    init?(language: String) {
        guard let opened = slant_stemmer_open(language) else { return nil }
        handle = opened
    }

    deinit { slant_stemmer_close(handle) }

    /// The stem of a lower-case word (the word itself if stemming fails or the word is very long).
    func stem(_ word: String) -> String {
        var input = word
        let length = input.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                buffer.withUnsafeMutableBufferPointer { output in
                    slant_stemmer_stem(handle, chars.baseAddress, Int32(chars.count), output.baseAddress, Int32(output.count))
                }
            }
        }
        guard length >= 0, length <= buffer.count else { return word }
        return buffer.withUnsafeBufferPointer { output in
            String(decoding: UnsafeRawBufferPointer(start: output.baseAddress, count: Int(length)), as: UTF8.self)
        }
    }
}
