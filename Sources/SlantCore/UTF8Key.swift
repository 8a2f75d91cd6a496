/// A string hashed and compared by its UTF-8 bytes, for tables keyed by text Slant has already normalized.
///
/// `String` hashes and compares by canonical equivalence, which for any non-ASCII string means normalizing it
/// on every lookup; a key of CJK text costs several times an ASCII one. Byte equality is the same relation
/// on NFC text, which is what the `normalize` stage gives every later stage.
public struct UTF8Key: Hashable, Sendable {
    /// The text.
    public let string: String

    /// A key for `string`.
    public init(_ string: String) { self.string = string }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        guard a.string.utf8.count == b.string.utf8.count else { return false }
        var left = a.string
        var right = b.string
        return left.withUTF8 { l in right.withUTF8 { r in l.elementsEqual(r) } }
    }

    public func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
