/// The sentences of every `SideFXProblem`, in one place.
extension SideFXProblem {
    var message: String {
        switch self {
        case .noCredentials(let file):
            "no SideFX client credentials: castform looked in SIDEFX_CLIENT_ID and SIDEFX_CLIENT_SECRET (not set) and the credentials file \(file); create an application at https://www.sidefx.com/services/ and set them, or run castform login sidefx"
        case .tokenRefused(let status, let detail):
            "SideFX refused the client credentials" + (status.map { " (HTTP \($0))" } ?? "") + (detail.map { ": \($0)" } ?? "")
        case .apiError(let function, let status, let detail):
            "SideFX \(function) failed" + (status.map { ": HTTP \($0)" } ?? "") + (detail.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? "")
        case .unreadable(let function, let detail):
            "SideFX \(function) answered something castform cannot read: \(detail)"
        case .noBuild(let product, let version, let platform, let onlyProduction):
            "SideFX has no good \(onlyProduction ? "production " : "")build of \(product)" + (version.map { " \($0)" } ?? "")
                + (platform.map { " for \($0)" } ?? "")
        case .downloadFailed(let filename, let detail):
            "downloading \(filename) from SideFX failed: \(detail); run the download again (a partial file is resumed)"
        case .hashMismatch(let filename, let expected, let found):
            "\(filename) is damaged: its MD5 is \(found), SideFX says \(expected); the file was deleted, run the download again"
        case .fileError(let path, let detail):
            "cannot write \(path): \(detail)"
        case .notRecorded(let address):
            "\(address) has no values in state yet: apply the workspace first (castform apply), then run the download"
        }
    }
}
