import CastformHTTP

/// Spends the shared `LivestreamBudget` on every attempt (it sits inside the retry
/// middleware) and waits on the service's clock for the start time it was given; then reads
/// the answer's `X-Ratelimit-*` headers, so a window the service says is spent pauses the
/// next requests, of this run and of later ones.
struct LivestreamBudgetMiddleware: HTTPMiddleware {
    let budget: LivestreamBudget

    func intercept(_ request: HTTPRequest, context: RequestContext,
                   next: @Sendable (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
        let wait = try budget.reserve(now: context.clock.date.timeIntervalSince1970)
        if wait > 0 { try await context.clock.sleep(for: .seconds(wait)) }
        let response = try await next(request)
        if let pause = Self.pause(response.headers) {
            try budget.pause(until: context.clock.date.timeIntervalSince1970 + pause)
        }
        return response
    }

    /// The longest reset among windows whose remaining count is 0: `X-Ratelimit-Remaining-Day:
    /// 0` with `X-Ratelimit-Reset-Day: 3600`, or the unsuffixed pair. The guide names the
    /// headers but not their form; these are the ones castform's emulator sends (README).
    static func pause(_ headers: HeaderFields) -> Double? {
        let suffixes = [""] + LivestreamBudget.documented.map { "-" + $0.name }
        let resets = suffixes.compactMap { suffix -> Double? in
            guard let remaining = headers["X-Ratelimit-Remaining" + suffix].flatMap({ Int($0) }), remaining <= 0 else { return nil }
            return headers["X-Ratelimit-Reset" + suffix].flatMap { Double($0) }
        }
        return resets.max()
    }
}
