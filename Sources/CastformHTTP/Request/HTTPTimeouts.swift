/// How long a request may wait, per phase.
///
/// There is deliberately no total deadline: a 4 GiB upload on a slow line legitimately takes
/// hours, while a server that stops answering is caught by `read`, which starts only once the
/// whole request has been sent.
public struct HTTPTimeouts: Sendable, Hashable {
    /// Longest wait to establish a connection (TCP and TLS). Nothing has been sent when it fires.
    public var connect: Duration

    /// Longest silence from the server once the request has been sent. When it fires the server
    /// may already have acted on the request, so the outcome is unknown.
    public var read: Duration

    public init(connect: Duration = .seconds(10), read: Duration = .seconds(60)) {
        self.connect = connect
        self.read = read
    }
}
