import Synchronization

/// How much of an upload's body has been handed to the connection, updated by the body's
/// progress callback and read when the upload is cancelled.
final class UploadTally: Sendable {
    private let state = Mutex((sent: Int64(0), total: Int64(0)))

    func note(sent: Int64, of total: Int64) {
        state.withLock { $0 = (sent, total) }
    }

    var progress: (sent: Int64, total: Int64) {
        state.withLock { $0 }
    }
}
