import Logging
import NIOConcurrencyHelpers

/// A swift-log handler that keeps every line (message and metadata) for assertions.
struct LogCapture: LogHandler {
    let lines = NIOLockedValueBox<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level

    init(level: Logger.Level) {
        self.logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).merging(metadata) { new, _ in new }
            .sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value)" }
        lines.withLockedValue { $0.append(([event.level.rawValue, "\(event.message)"] + fields).joined(separator: " ")) }
    }

    /// A logger writing to a new capture, and the capture.
    static func logger(level: Logger.Level = .trace) -> (Logger, LogCapture) {
        let capture = LogCapture(level: level)
        return (Logger(label: "castform.http.test") { _ in capture }, capture)
    }

    var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }
}
