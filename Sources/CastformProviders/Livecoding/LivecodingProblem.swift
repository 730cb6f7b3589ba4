import CastformCore
import CastformHTTP

/// What can go wrong with Livecoding.tv, as data; worded only in `LivecodingProblem+Message`.
enum LivecodingProblem: DiagnosticProblem, Error {
    /// No stored login (and no sandbox): where castform looked.
    case notLoggedIn(credentialsFile: String)
    /// No application credentials for the refresh.
    case noClient
    /// The refresh token was refused (`invalid_grant`): spent or revoked.
    case loginExpired
    /// The token endpoint answered otherwise.
    case tokenFailed(status: Int?, detail: String?)
    /// An API error, with DRF's `detail` (a 403 names the missing scope).
    case apiError(path: String, status: Int?, detail: String?)
    /// An answer castform cannot read.
    case unreadable(path: String, detail: String)
    /// The credentials file or its lock could not be used.
    case credentialsFile(path: String, detail: String)
}
