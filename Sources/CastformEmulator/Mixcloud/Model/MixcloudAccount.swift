import Foundation

/// A Mixcloud user of the emulator, with the access tokens that act as that user.
public struct MixcloudAccount: Codable, Sendable, Hashable {
    public var username: String
    /// The display name ("Deep Sessions").
    public var name: String
    public var tokens: [String]
    /// Reported as `is_pro`. The emulator accepts the Pro-only fields (publish_date, hosts,
    /// disable_comments, hide_stats) from every account: what the service does for other
    /// accounts is not documented.
    public var isPro: Bool
    public var createdTime: Date

    public init(username: String, name: String? = nil, tokens: [String] = [], isPro: Bool = true,
                createdTime: Date = Date(timeIntervalSince1970: 1_600_000_000)) {
        self.username = username
        self.name = name ?? username
        self.tokens = tokens
        self.isPro = isPro
        self.createdTime = createdTime
    }

    /// The default account: user "deepsessions" with the token "mixcloud-test-token".
    public static let deepSessions = MixcloudAccount(username: "deepsessions", name: "Deep Sessions", tokens: ["mixcloud-test-token"])
}

/// The OAuth application the emulator knows: its client id and secret.
public struct MixcloudOAuthClient: Sendable, Hashable {
    public var id: String
    public var secret: String

    public init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    public static let test = MixcloudOAuthClient(id: "castform-emulator-client", secret: "castform-emulator-secret")
}

/// An OAuth authorisation code between `/oauth/authorize` and `/oauth/access_token`.
struct MixcloudAuthorizationCode: Codable, Sendable, Hashable {
    var code: String
    var clientID: String
    var redirectURI: String
    var username: String
    var expires: Date
}
