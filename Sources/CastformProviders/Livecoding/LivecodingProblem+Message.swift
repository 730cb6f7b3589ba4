/// The sentences of every `LivecodingProblem`, in one place.
extension LivecodingProblem {
    var message: String {
        switch self {
        case .notLoggedIn(let file):
            "not logged in to Livecoding.tv: castform found no login in the credentials file \(file); run castform login livecoding"
        case .noClient:
            "no Livecoding.tv application credentials: set LIVECODING_CLIENT_ID and LIVECODING_CLIENT_SECRET (or run castform login livecoding)"
        case .loginExpired:
            "Livecoding.tv refused the stored refresh token (invalid_grant: it was used already or revoked); run castform login livecoding again"
        case .tokenFailed(let status, let detail):
            "Livecoding.tv's token endpoint failed" + (status.map { ": HTTP \($0)" } ?? "") + (detail.map { " (\($0))" } ?? "")
        case .apiError(let path, let status, let detail):
            "Livecoding.tv \(path) failed" + (status.map { ": HTTP \($0)" } ?? "") + (detail.map { " (\($0))" } ?? "")
        case .unreadable(let path, let detail):
            "Livecoding.tv \(path) answered something castform cannot read: \(detail)"
        case .credentialsFile(let path, let detail):
            "cannot use the credentials file \(path) for the Livecoding.tv login: \(detail)"
        }
    }
}
