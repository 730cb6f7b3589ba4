/// Which request something is about, safe to print: service, method and the URL with its
/// secrets redacted. Every response and every error carries one.
public struct RequestLine: Sendable, Hashable, CustomStringConvertible {
    public var service: String
    public var method: HTTPMethod
    /// The full URL, already redacted.
    public var url: String

    public init(service: String, method: HTTPMethod, url: String) {
        self.service = service
        self.method = method
        self.url = url
    }

    /// `Shows POST https://api.example.org/upload/?access_token=REDACTED`
    public var description: String { "\(service) \(method.rawValue) \(url)" }
}
