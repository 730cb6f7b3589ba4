import Foundation

/// The server's authentication (`middleware/auth.ts`): the `Authorization` header names a
/// scheme and a credential; `Bearer <API key>` is what API clients send.
enum LivepeerAuth {
    /// The account of the request's API key, or the server's 401.
    ///
    /// A header that does not parse as `<scheme> <token>` counts as no header: the request then
    /// fails later with `request is not authenticated`, as on the server.
    static func account(authorization header: String?, accounts: [String: LivepeerAccount]) throws -> LivepeerAccount {
        guard let header, let (rawScheme, token) = parse(header) else {
            throw LivepeerError.unauthorized("request is not authenticated")
        }
        switch rawScheme.lowercased() {
        case "bearer":
            guard let account = accounts[token] else { throw LivepeerError.unauthorized("no token \(token) found") }
            return account
        case "basic":
            // `Basic base64(userId:apiKey)`: the key must belong to that user.
            guard let decoded = Data(base64Encoded: token).map({ String(decoding: $0, as: UTF8.self) }),
                  let colon = decoded.firstIndex(of: ":"), !decoded[decoded.index(after: colon)...].isEmpty else {
                throw LivepeerError.unauthorized("no authorization token provided")
            }
            let user = String(decoded[..<colon]), key = String(decoded[decoded.index(after: colon)...])
            guard let account = accounts[key], account.userId == user else {
                throw LivepeerError.unauthorized("no token \(key) found")
            }
            return account
        case "jwt":
            // The dashboard's scheme; the emulator has no signing secret, so no JWT verifies.
            let parts = token.split(separator: ".", omittingEmptySubsequences: false)
            throw LivepeerError.unauthorized(parts.count == 3 ? "invalid signature" : "jwt malformed")
        default:
            throw LivepeerError.unauthorized("unsupported authorization header scheme: \(rawScheme)")
        }
    }

    /// `^\s*(\w+)\s+(.+)$`, trimmed.
    private static func parse(_ header: String) -> (String, String)? {
        let trimmed = header.drop { $0.isWhitespace }
        let scheme = trimmed.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        let rest = trimmed.dropFirst(scheme.count)
        guard !scheme.isEmpty, rest.first?.isWhitespace == true else { return nil }
        let token = rest.trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return nil }
        return (String(scheme), token)
    }
}
