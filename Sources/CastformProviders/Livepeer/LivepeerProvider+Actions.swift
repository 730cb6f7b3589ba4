import CastformCore
import Foundation

/// What a stream's operators do during an event: end the broadcast, start pulling, cut a clip.
extension LivepeerProvider: ActionProvider {
    func actions(type: String) -> [(name: String, summary: String)] {
        guard type == LivepeerSchemas.stream.name else { return [] }
        return [("terminate", "end the current broadcast (the stream can start again at once)"),
                ("start-pull", "make Livepeer start pulling from the stream's pull source"),
                ("clip", "cut a clip of the last session: --start T --end T [--name N], T in Unix ms or seconds ago as -30s")]
    }

    func perform(action: String, type: String, id: String, options: [String: String]) async -> ActionResult {
        guard let api else { return ActionResult(diagnostics: [missingKey]) }
        guard type == LivepeerSchemas.stream.name, actions(type: type).contains(where: { $0.name == action }) else {
            let known = actions(type: type).map(\.name).joined(separator: ", ")
            return ActionResult(diagnostics: [.error("\(type) has no action \"\(action)\"" + (known.isEmpty ? "" : " (it has: \(known))"), at: nil)])
        }
        do {
            switch action {
            case "terminate":
                _ = try await api.call(.delete, "/stream/\(id)/terminate")
                return ActionResult(message: "Terminated the broadcast of stream \(id).")
            case "start-pull":
                _ = try await api.call(.post, "/stream/\(id)/start-pull")
                return ActionResult(message: "Livepeer is pulling stream \(id) from its source.")
            default:
                return try await clip(api, id: id, options: options)
            }
        } catch {
            return ActionResult(diagnostics: [.error("Livepeer refused \(action) on stream \(id): \(error.message)", at: nil)])
        }
    }

    private func clip(_ api: LivepeerAPI, id: String, options: [String: String]) async throws(LivepeerAPI.Failure) -> ActionResult {
        let now = Date().timeIntervalSince1970 * 1000
        guard let start = options["start"].flatMap({ Self.time($0, now: now) }) else {
            return ActionResult(diagnostics: [.error("clip needs --start: Unix milliseconds, or a time before now such as -90s or -5m", at: nil)])
        }
        let stream = try await api.call(.get, "/stream/\(id)")
        guard let playbackID = stream.json["playbackId"]?.stringValue else {
            return ActionResult(diagnostics: [.error("stream \(id) has no playback id", at: nil)])
        }
        var body: [String: Value] = ["playbackId": .string(playbackID), "startTime": .number(start)]
        if let end = options["end"] {
            guard let value = Self.time(end, now: now) else { return ActionResult(diagnostics: [.error("--end \(end) is not a time", at: nil)]) }
            body["endTime"] = .number(value)
        }
        if let name = options["name"] { body["name"] = .string(name) }
        let reply = try await api.call(.post, "/clip", body: .object(body))
        let asset = reply.json["asset"]?["id"]?.stringValue ?? "?"
        return ActionResult(message: "Clip requested: asset \(asset) (task \(reply.json["task"]?["id"]?.stringValue ?? "?")).")
    }

    /// Unix milliseconds, or `-90s` / `-5m` / `-1h` before now.
    static func time(_ text: String, now: Double) -> Double? {
        if let value = Double(text) { return value }
        guard text.hasPrefix("-"), let unit = text.last, let amount = Double(text.dropFirst().dropLast()) else { return nil }
        let seconds: Double? = switch unit { case "s": amount; case "m": amount * 60; case "h": amount * 3600; default: nil }
        return seconds.map { now - $0 * 1000 }
    }
}
