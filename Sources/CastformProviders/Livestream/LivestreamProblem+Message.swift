import CastformHTTP

/// The sentences of every `LivestreamProblem`, in one place.
extension LivestreamProblem {
    var message: String {
        switch self {
        case .badChannelName(let name):
            "Livestream channel name \"\(name)\" cannot make a host name: use letters, digits, \"_\" and \"-\" (at most \(LivestreamHost.maxNameLength) characters)"
        case .noSuchChannel(let name):
            "Livestream has no channel \"\(name)\""
        case .noSuchClip(let channel, let clip):
            "Livestream has no clip \"\(clip)\" in channel \"\(channel)\" (or no such channel)"
        case .noSuchPlaylist(let channel, let playlist):
            "Livestream has no playlist \"\(playlist)\" in channel \"\(channel)\" (or no such channel)"
        case .errorPage(let channel, let method, let status, let title):
            "Livestream \(method) of channel \"\(channel)\" failed: HTTP \(status)" + (title.map { " (\($0))" } ?? "")
        case .http(let channel, let method, let error):
            "Livestream \(method) of channel \"\(channel)\": \(error.message)"
        case .unreadable(let channel, let method, let detail):
            "Livestream \(method) of channel \"\(channel)\" answered something castform cannot read: \(detail)"
        case .dailyBudgetSpent(let limit, let resetIn):
            "Livestream allows \(limit) requests a day and castform has spent them from this workspace; the next one frees in \(Self.phrase(resetIn))"
        case .budgetFile(let path, let detail):
            "cannot keep Livestream's request count in \(path): \(detail)"
        }
    }

    /// "3 h 12 min", "45 s": how long, as a person says it.
    static func phrase(_ duration: Duration) -> String {
        let seconds = max(Int(duration.components.seconds), 1)
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min \(seconds % 60) s" }
        return "\(seconds / 3600) h \(seconds % 3600 / 60) min"
    }
}
