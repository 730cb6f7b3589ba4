import Foundation

/// Who holds a state lock, for the message the second command prints.
public struct LockInfo: Codable, Sendable, Equatable {
    public var id: String
    public var user: String
    public var host: String
    public var pid: Int32
    public var operation: String
    public var created: Date

    public init(id: String = UUID().uuidString.lowercased(), user: String = LockInfo.currentUser(), host: String = ProcessInfo.processInfo.hostName,
                pid: Int32 = ProcessInfo.processInfo.processIdentifier, operation: String, created: Date = Date()) {
        self.id = id
        self.user = user
        self.host = host
        self.pid = pid
        self.operation = operation
        self.created = created
    }

    public static func currentUser() -> String {
        ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? "unknown"
    }

    /// "castform apply by ana@studio (pid 4242) since 2026-11-26 10:01:02 UTC, lock id 7f…".
    public var summary: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
        return "castform \(operation) by \(user)@\(host) (pid \(pid)) since \(formatter.string(from: created)), lock id \(id)"
    }
}
