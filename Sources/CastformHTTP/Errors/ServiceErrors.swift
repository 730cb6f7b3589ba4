/// Reads a service's explanation out of an error response; `nil` when there is none.
public typealias ErrorBodyParser = @Sendable (_ status: Int, _ headers: HeaderFields, _ body: [UInt8]) -> String?

/// What every service's error parser falls back to. Each provider brings a parser for its
/// service's error format (in its `ServiceConfiguration`), and falls back to `plainText`,
/// because the body of an error is not always the service's: a CDN, proxy or load balancer in
/// front of it answers with HTML, and that page's title is still a better message than
/// "could not decode JSON".
public enum ServiceErrors {
    /// Any body as one short line of text (HTML reduced to its title or text); `nil` if empty.
    public static let plainText: ErrorBodyParser = { _, _, body in
        let text = PlainText.summary(of: body)
        return text.isEmpty ? nil : text
    }
}
