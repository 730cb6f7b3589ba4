/// The errors the emulated API answers with, as data; `MixcloudResponse.error` gives them
/// Mixcloud's shape (routes throw them; `MixcloudAPIError+Response.swift` renders them): `{"error": {"type": ..., "message": ...}, "details": {field: [messages]}}`.
///
/// Only the rate limit's type (`RateLimitException`) and the invalid-token message are known
/// from Mixcloud; the other types and messages are the emulator's choice (FACTS.md §6, [UNK]).
enum MixcloudAPIError: Error, Equatable {
    /// 400: a token is missing, unknown or revoked. Message from Mixcloud's docs.
    case invalidToken
    /// 404: no such user or cloudcast, or a draft its owner has not asked for.
    case notFound
    /// 403: a valid token of another user (editing someone else's upload).
    case permissionDenied(String)
    /// 400: form validation failed; `details` maps each field to its messages.
    case validation([String: [String]])
    /// 400: the OAuth dance failed (bad client, secret, code or redirect URI).
    case oauth(String)

    var statusCode: Int {
        switch self {
        case .notFound: return 404
        case .permissionDenied: return 403
        case .invalidToken, .validation, .oauth: return 400
        }
    }

    var type: String {
        switch self {
        case .invalidToken, .oauth: return "OAuthException"
        case .notFound: return "NotFoundException"
        case .permissionDenied: return "PermissionException"
        case .validation: return "ValidationException"
        }
    }

    var message: String {
        switch self {
        case .invalidToken: return "An invalid access token was provided"
        case .notFound: return "The requested object was not found"
        case .permissionDenied(let message), .oauth(let message): return message
        case .validation(let details):
            let first = details.keys.sorted().first.map { "\($0): \(details[$0]?.first ?? "")" } ?? ""
            return "The request was invalid (\(first))"
        }
    }

    /// The top-level `details` member, for validation errors.
    var details: [String: [String]]? {
        if case .validation(let details) = self { return details }
        return nil
    }
}
