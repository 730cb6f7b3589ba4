import CastformCore
import CastformHTTP

/// What can go wrong reading Livestream, as data: each case carries its facts and is worded
/// only in `LivestreamProblem+Message`. Code and tests branch on cases, never on sentences.
enum LivestreamProblem: DiagnosticProblem, Error {
    /// A channel name that cannot become a host name (`x` + name + `x`).
    case badChannelName(String)
    /// The service's 404 page for a channel-wide method: there is no such channel.
    case noSuchChannel(String)
    /// clipdetails answered 404: the clip (or its channel) does not exist.
    case noSuchClip(channel: String, clip: String)
    /// listclips answered 404: the playlist (or its channel) does not exist.
    case noSuchPlaylist(channel: String, playlist: String)
    /// Another error page: its status and the page's title.
    case errorPage(channel: String, method: String, status: Int, title: String?)
    /// No answer, or one castform could not take (a timeout, a refused connection, the rate
    /// limit still in force after the retries): CastformHTTP's own account of it.
    case http(channel: String, method: String, HTTPError)
    /// An answer that is not the RSS-derived JSON the method gives.
    case unreadable(channel: String, method: String, detail: String)
    /// The day's 10,000 requests are spent; the budget frees its oldest request in `resetIn`.
    case dailyBudgetSpent(limit: Int, resetIn: Duration)
    /// The count of requests kept in `.castform/` could not be read or written.
    case budgetFile(path: String, detail: String)
}
