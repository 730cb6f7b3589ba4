// Livestream: the original Livestream's Channel API 2.0, read-only and without
// authentication, as four data sources (LivestreamSchemas): a channel's info and live
// status, its playlist tree, its clips (paged), and one clip.
//
// LivestreamHost turns a channel name into its host (or, with an endpoint, a path on the
// emulator); LivestreamClient sends `GET .../<method>.json` through CastformHTTP with the
// retry policy and LivestreamBudget — the documented 10/s, 100/min, 1,000/h, 10,000/day,
// counted across runs in .castform/ — and reads the answer with LivestreamFeed, which knows
// the RSS-derived JSON's habits. What goes wrong is a LivestreamProblem, worded in
// LivestreamProblem+Message.
import CastformCore
import CastformHTTP
import Foundation

/// Livestream's data sources. It manages nothing: the managed-object calls answer that.
struct LivestreamProvider: DataOnlyProvider {
    let name = "livestream"
    let schemas = LivestreamSchemas.all
    let client: LivestreamClient

    /// The endpoint is the sandbox's emulator or castform.yaml's `endpoint`; without either,
    /// each channel's own host. The request count is kept under the workspace's `.castform/`
    /// (the sandbox's apart, so emulator runs never spend the real budget).
    init(context: ProviderContext, clock: any HTTPClock = SystemClock()) {
        let endpoint = context.endpoints["livestream"] ?? context.settings["livestream"]?["endpoint"]?.unmarked.stringValue
        let file = context.workspaceRoot.isEmpty ? nil
            : context.workspaceRoot + (context.sandbox ? "/.castform/sandbox" : "/.castform") + "/livestream-requests.json"
        client = LivestreamClient(endpoint: endpoint, budget: LivestreamBudget(file: file), clock: clock, verbose: context.verbose)
    }

    init(client: LivestreamClient) {
        self.client = client
    }

    /// The day's budget is checked before the plan's first request, so a spent day fails at
    /// once, saying when it frees, instead of after the managed services were read.
    func preflight(types: Set<String>) async -> [Diagnostic] {
        do throws(LivestreamProblem) {
            try client.budget.check(now: client.clock.date.timeIntervalSince1970)
            return []
        } catch {
            return [Diagnostic(error, at: nil)]
        }
    }

    func readData(type: String, arguments: [String: Value]) async -> DataResult {
        guard let channel = arguments["channel"]?.stringValue else { return DataResult() }
        guard LivestreamHost.isValidName(channel) else { return DataResult(diagnostics: [Diagnostic(LivestreamProblem.badChannelName(channel), at: nil)]) }
        do throws(LivestreamProblem) {
            let attributes: [String: Value] = switch type {
            case LivestreamSchemas.playlists.name: try await playlists(channel)
            case LivestreamSchemas.clips.name: try await clips(channel, playlist: arguments["playlist"]?.stringValue,
                                                               limit: Self.int(arguments["limit"]) ?? 100)
            case LivestreamSchemas.clip.name: try await clip(channel, id: arguments["clip"]?.stringValue ?? "")
            default: try await self.channel(channel)
            }
            return DataResult(attributes: attributes)
        } catch {
            return DataResult(diagnostics: [Diagnostic(error, at: nil)])
        }
    }

    static func int(_ value: Value?) -> Int? {
        if case .int(let number)? = value { return number }
        return nil
    }
}
