/// Keeps a service's requests within its rate limit and concurrency cap, on the service's
/// clock.
///
/// A request first takes a concurrency slot (held until its response is complete), then a start
/// time from the windows, sleeps until then, and goes. One instance per service: its state is
/// the service's budget, shared by every request sent through the configuration holding it.
/// Placed inside `RetryMiddleware`, each retry spends budget like any request.
public struct RateLimitMiddleware: HTTPMiddleware {
    public let limit: RateLimit
    private let schedule: Schedule
    private let slots: ConcurrencyLimiter?

    public init(_ limit: RateLimit) {
        self.limit = limit
        self.schedule = Schedule(WindowSchedule(limit.windows))
        self.slots = limit.maxConcurrent.map { ConcurrencyLimiter(limit: $0) }
    }

    public func intercept(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard let slots else { return try await paced(request, context: context, next: next) }
        try await slots.acquire()
        do {
            let response = try await paced(request, context: context, next: next)
            await slots.release()
            return response
        } catch {
            await slots.release()
            throw error
        }
    }

    private func paced(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let clock = context.clock
        let start = await schedule.reserve(on: clock)
        let wait = start - clock.now
        if wait > .zero {
            try await clock.sleep(for: wait)
        }
        return try await next(request)
    }

    /// The window schedule, serialised.
    private actor Schedule {
        private var windows: WindowSchedule

        init(_ windows: WindowSchedule) {
            self.windows = windows
        }

        /// Reads the clock inside the actor, so that reservations see time in their own order.
        func reserve(on clock: any HTTPClock) -> Duration {
            windows.reserve(now: clock.now)
        }
    }
}
