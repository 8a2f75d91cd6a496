public import SlantCore

/// One unit read from the input: a document to process, or an input that could not become one (an unreadable
/// or binary file, a malformed JSON line), kept in its place so output order matches input order.
public enum InputItem: Sendable {
    /// A document ready for the stages.
    case document(Document)
    /// An input that failed; `id` names it when known (a JSONL line's id, a file's path).
    case failure(id: String?, Diagnostic)
}

/// A source of input items, read one at a time on a thread of its own (reads may block on a pipe).
public protocol InputSource: AnyObject {
    /// The next item, or nil at the end of input.
    func next() -> InputItem?
}

/// What the pipeline produced for one input item, in input order.
public enum Outcome: Sendable {
    /// The document after every stage.
    case processed(Document)
    /// The item failed on input or in a stage; `id` names it when known.
    case failed(id: String?, Diagnostic)

    /// The failure, if any.
    public var failure: Diagnostic? {
        if case .failed(_, let diagnostic) = self { return diagnostic }
        return nil
    }
}
