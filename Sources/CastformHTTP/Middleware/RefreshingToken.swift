/// A token that refreshes itself when it has expired or the service rejected it.
///
/// Concurrent callers share one refresh: requests that find the token stale while a refresh is
/// in flight wait for it instead of starting their own, which an OAuth server may punish by
/// revoking the earlier grants.
public actor RefreshingToken: TokenProvider {
    /// A fresh token and how long it is valid, if the service says.
    public struct Token: Sendable {
        public var value: String
        public var expiresIn: Duration?

        public init(value: String, expiresIn: Duration? = nil) {
            self.value = value
            self.expiresIn = expiresIn
        }
    }

    private let refresh: @Sendable () async throws -> Token
    private let clock: any HTTPClock
    private let leeway: Duration
    private var current: (value: String, expiresAt: Duration?)?
    private var refreshing: Task<Token, any Error>?

    /// - Parameters:
    ///   - initial: a token already at hand (from a login store), if any.
    ///   - leeway: how long before its expiry a token counts as expired, so that it does not
    ///     run out between being read and reaching the service.
    ///   - refresh: obtains a new token (an OAuth refresh-token grant, say).
    public init(
        initial: Token? = nil,
        clock: any HTTPClock = SystemClock(),
        leeway: Duration = .seconds(30),
        refresh: @escaping @Sendable () async throws -> Token
    ) {
        self.refresh = refresh
        self.clock = clock
        self.leeway = leeway
        if let initial {
            self.current = (initial.value, initial.expiresIn.map { clock.now + $0 })
        }
    }

    public func token() async throws -> String {
        if let current, current.expiresAt.map({ clock.now + leeway < $0 }) ?? true {
            return current.value
        }
        let task: Task<Token, any Error>
        if let refreshing {
            task = refreshing
        } else {
            task = Task { [refresh] in try await refresh() }
            refreshing = task
        }
        do {
            let token = try await task.value
            if refreshing == task {
                current = (token.value, token.expiresIn.map { clock.now + $0 })
                refreshing = nil
            }
            return token.value
        } catch {
            if refreshing == task { refreshing = nil }
            throw error
        }
    }

    public func invalidate(_ token: String) {
        if current?.value == token {
            current = nil
        }
    }
}
