import Foundation

extension HTTPError: CustomStringConvertible, LocalizedError {
    /// The sentence a user reads: which service, method and URL, then what happened.
    ///
    /// `Shows POST https://api.example.org/upload/?access_token=REDACTED: HTTP 400: An
    /// invalid access token was provided`
    public var message: String {
        var text = "\(request): \(what)"
        if attempts > 1 {
            text += " (after \(attempts) attempts)"
        }
        return text
    }

    public var description: String { message }

    public var errorDescription: String? { message }

    private var what: String {
        switch kind {
        case .status:
            return statusText
        case .rateLimited(let retryAfter):
            let wait = retryAfter.map { "; the service asks to wait \(Self.seconds($0))" } ?? ""
            return statusText + " (rate limited\(wait))"
        case .connection(let detail):
            return outcomeUnknown
                ? "\(detail); the request was sent, so it may have been carried out"
                : "could not connect: \(detail)"
        case .timeout(.connect):
            return "could not connect: no connection within the connect timeout"
        case .timeout(.read):
            return "no response within the read timeout; the request was sent, so it may have been carried out"
        case .decoding(let detail):
            return statusPrefix + "unexpected response: \(detail)"
        case .responseTooLarge(let limit):
            return statusPrefix + "the response is larger than \(limit) bytes"
        case .requestBody(let detail):
            return "could not send the request body: \(detail)"
        }
    }

    /// `HTTP 400: message`, or `HTTP 502 Bad Gateway` when the service said nothing useful.
    private var statusText: String {
        let status = self.status ?? 0
        if let serviceMessage, !serviceMessage.isEmpty {
            return "HTTP \(status): \(serviceMessage)"
        }
        return StatusReason.phrase(for: status).map { "HTTP \(status) \($0)" } ?? "HTTP \(status)"
    }

    private var statusPrefix: String {
        status.map { "HTTP \($0): " } ?? ""
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.1f s", seconds)
    }
}
