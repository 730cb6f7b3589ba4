import CastformHTTP

/// Error formats and a rate-limit signal of imaginary services, for the HTTP layer's own
/// tests: the real services' formats belong to their providers and are tested there.
enum TestFormats {
    /// `{"errors": ["first", "second"]}`, joined; anything else as plain text.
    static let errorsArray: ErrorBodyParser = { status, headers, body in
        let messages = JSONValue(parsing: body)?["errors"]?.array?.compactMap(\.string) ?? []
        return messages.isEmpty ? ServiceErrors.plainText(status, headers, body) : messages.joined(separator: "; ")
    }

    /// `{"error": {"type": "...", "message": "..."}}`: the message; anything else as plain text.
    static let envelope: ErrorBodyParser = { status, headers, body in
        JSONValue(parsing: body)?["error"]?["message"]?.string ?? ServiceErrors.plainText(status, headers, body)
    }

    /// A service whose rate limit is a 403 with `{"error": {"type": "RateLimitException",
    /// "retry_after": N}}` (the wait may be in the body alone); a plain 403 is a refusal.
    static let forbiddenRateLimit = RateLimitSignal(
        matches: { $0.status == 403 && JSONValue(parsing: $0.body)?["error"]?["type"]?.string == "RateLimitException" },
        requestedWait: { JSONValue(parsing: $0.body)?["error"]?["retry_after"]?.number.flatMap(RetryAfter.seconds) })
}
