import CastformCore
import CastformHTTP

/// What can go wrong with SideFX, as data; worded only in `SideFXProblem+Message`.
enum SideFXProblem: DiagnosticProblem, Error {
    /// No client id and secret: where castform looked.
    case noCredentials(credentialsFile: String)
    /// The token endpoint refused the credentials (its status and body).
    case tokenRefused(status: Int?, detail: String?)
    /// An API function answered an error (the API's text), or no answer came.
    case apiError(function: String, status: Int?, detail: String?)
    /// An answer castform cannot read.
    case unreadable(function: String, detail: String)
    /// No good build matches the data source's arguments.
    case noBuild(product: String, version: String?, platform: String?, onlyProduction: Bool)
    /// The download failed (status, or the connection).
    case downloadFailed(filename: String, detail: String)
    /// The downloaded file's MD5 is not the build's: the file was deleted.
    case hashMismatch(filename: String, expected: String, found: String)
    /// The file could not be written where asked.
    case fileError(path: String, detail: String)
    /// `castform run` needs the data source applied (its values in state).
    case notRecorded(address: String)
}
