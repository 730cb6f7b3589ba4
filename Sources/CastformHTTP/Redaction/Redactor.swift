import NIOConcurrencyHelpers

/// Removes secrets from anything castform may print: URLs, error messages, log lines.
///
/// Two rules. Every known secret (API keys from the configuration, tokens as the auth
/// middleware obtains them) is replaced wherever it appears, also percent-encoded, because
/// services echo them back (an API answering a bad key with `no token <key> found`). And the
/// value of any query parameter with a credential's name (`access_token=...`) is replaced even
/// when the secret was never registered. One instance is shared by every request of a service,
/// so a token refreshed mid-run is redacted from then on.
public final class Redactor: Sendable {
    /// What a secret is replaced with.
    public static let placeholder = "REDACTED"

    /// Query parameters whose values are credentials, compared without regard to case.
    public static let defaultQueryNames: Set<String> = [
        "access_token", "refresh_token", "id_token", "client_secret", "api_key", "apikey", "token",
        "password", "code",
    ]

    private let secrets: NIOLockedValueBox<[String]>
    private let queryNames: Set<String>

    public init(secrets: [String] = [], queryNames: Set<String> = Redactor.defaultQueryNames) {
        self.secrets = NIOLockedValueBox([])
        self.queryNames = Set(queryNames.map { $0.lowercased() })
        for secret in secrets { register(secret) }
    }

    /// Adds a secret to redact from now on. Empty strings are ignored.
    public func register(_ secret: String) {
        guard !secret.isEmpty else { return }
        let forms = Set([secret, PercentEncoding.component(secret)])
        secrets.withLockedValue { secrets in
            for form in forms where !secrets.contains(form) {
                secrets.append(form)
            }
            // Longest first, so that a secret containing another is replaced whole.
            secrets.sort { $0.count > $1.count }
        }
    }

    /// `text` with every secret and every credential query value replaced by `REDACTED`.
    public func redact(_ text: String) -> String {
        var result = text
        for secret in secrets.withLockedValue({ $0 }) where result.contains(secret) {
            result = result.replacing(secret, with: Self.placeholder)
        }
        return redactQueryValues(result)
    }

    /// Replaces the value after `name=` for every credential name, where `name` starts the text
    /// or follows `?`, `&`, `;` or a non-word character, up to the next delimiter.
    private func redactQueryValues(_ text: String) -> String {
        guard text.contains("=") else { return text }
        var output = ""
        var rest = Substring(text)
        while let equals = rest.firstIndex(of: "=") {
            let before = rest[..<equals]
            let nameStart = before.lastIndex { !($0.isLetter || $0.isNumber || $0 == "_") }
                .map { before.index(after: $0) } ?? before.startIndex
            let name = before[nameStart...].lowercased()
            output += rest[...equals]
            rest = rest[rest.index(after: equals)...]
            guard queryNames.contains(name) else { continue }
            let valueEnd = rest.firstIndex { "&;#\"' \t\r\n<>".contains($0) } ?? rest.endIndex
            if valueEnd > rest.startIndex {
                output += Self.placeholder
            }
            rest = rest[valueEnd...]
        }
        return output + rest
    }
}
