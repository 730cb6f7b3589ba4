import Foundation

/// The state as a document, for `castform state pull` and `state push`: the same JSON as a
/// local `state.json`, whichever backend holds it, so a pulled state can be pushed to any.
extension StateSnapshot {
    public func jsonData() throws -> Data {
        try StateCoding.encoder.encode(self)
    }

    /// Reads a state document; `source` names it in the error (a path, or "standard input").
    public init(json: Data, source: String) throws(StateError) {
        do {
            self = try StateCoding.decoder.decode(StateSnapshot.self, from: json)
        } catch {
            throw StateError.notAStateFile(path: source, detail: "\(error)", backup: nil)
        }
    }
}
