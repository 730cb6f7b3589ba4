import CastformHTTP

/// Mixcloud's error answers (FACTS.md §6).
enum MixcloudErrors {
    /// `{"error": {"type": "...", "message": "..."}}`, sometimes with a top-level
    /// `"details": {field: [messages]}`, appended as `(field: message; ...)`.
    static let parse: ErrorBodyParser = { status, headers, body in
        guard let document = JSONValue(parsing: body), let error = document["error"] else {
            return ServiceErrors.plainText(status, headers, body)
        }
        guard var message = error["message"]?.string ?? error["type"]?.string else {
            return ServiceErrors.plainText(status, headers, body)
        }
        if let details = document["details"]?.object, !details.isEmpty {
            let lines = details.keys.sorted().map { field in
                let texts = details[field]?.array?.compactMap(\.string) ?? [details[field]?.string].compactMap { $0 }
                return "\(field): \(texts.joined(separator: ", "))"
            }
            message += " (\(lines.joined(separator: "; ")))"
        }
        return message
    }

    /// Mixcloud's rate limit is a 403 (not a 429) whose body's `error.type` is
    /// `RateLimitException`, with the wait in `Retry-After` or, alone, in the body's
    /// `error.retry_after`. A plain 403 (forbidden) is not one. A 429 counts too.
    static let rateLimit = RateLimitSignal.tooManyRequests.or(RateLimitSignal(
        matches: { response in
            response.status == 403 && JSONValue(parsing: response.body)?["error"]?["type"]?.string == "RateLimitException"
        },
        requestedWait: { response in
            JSONValue(parsing: response.body)?["error"]?["retry_after"]?.number.flatMap(RetryAfter.seconds)
        }))
}

/// What Mixcloud's refusals mean for castform, read from its answers in this one place.
enum MixcloudRefusal: Equatable {
    /// FACTS.md §1, §6: HTTP 400 "An invalid access token was provided" — revoked or wrong.
    case invalidToken

    init?(_ error: HTTPError) {
        guard error.status == 400, error.serviceMessage?.lowercased().contains("invalid access token") == true else { return nil }
        self = .invalidToken
    }
}
