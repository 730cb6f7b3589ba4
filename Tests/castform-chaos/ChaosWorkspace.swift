import CastformTestSupport
import Foundation

/// A workspace of Mixcloud shows (public, unlisted, scheduled) and Livepeer webhooks,
/// multistream targets and streams (each stream refers to a webhook and a target), pointed at
/// the emulator. `reveal(fraction:)` declares a growing share of them, so every round of
/// kills interrupts new creates, not a run with nothing left to do.
final class ChaosWorkspace: @unchecked Sendable {
    // @unchecked: used from one task at a time (the phases run in sequence).
    struct Declared: Hashable {
        var address: String
        var kind: String
        /// The title or name the object has at the service.
        var name: String
    }

    let directory: TemporaryDirectory
    let binary: String
    let declared: [Declared]
    private(set) var revealed = 0

    var path: String { directory.path }

    init(objects: Int, binary: String, emulator: EmulatorProcess) throws {
        directory = try TemporaryDirectory("castform-chaos")
        self.binary = binary
        try directory.write("castform.yaml", """
            providers:
              mixcloud: {user: deepsessions, endpoint: "\(emulator.mixcloud)"}
              livepeer: {endpoint: "\(emulator.livepeer)"}
            """)
        try directory.write("audio/show.mp3", String(repeating: "chaos audio ", count: 400))
        declared = Self.plan(objects)
    }

    func remove() {
        directory.remove()
    }

    /// Shows 60%, split public / unlisted / scheduled; streams 20%; webhooks and targets 10% each.
    static func plan(_ total: Int) -> [Declared] {
        let shows = total * 6 / 10, streams = total / 5, hooks = max(1, total / 10)
        let targets = max(1, total - shows - streams - hooks)
        var all: [Declared] = []
        for index in 0..<hooks { all.append(Declared(address: "livepeer_webhook.hook-\(index)", kind: "webhook", name: "Chaos hook \(index)")) }
        for index in 0..<targets { all.append(Declared(address: "livepeer_multistream_target.target-\(index)", kind: "multistream-target", name: "Chaos target \(index)")) }
        for index in 0..<streams { all.append(Declared(address: "livepeer_stream.stream-\(index)", kind: "stream", name: "Chaos stream \(index)")) }
        for index in 0..<shows {
            all.append(Declared(address: "mixcloud_cloudcast.show-\(index)", kind: "cloudcast", name: "Chaos Show \(index) \(["public", "unlisted", "scheduled"][index % 3])"))
        }
        return all
    }

    var summary: String {
        Dictionary(grouping: declared, by: \.kind).map { "\($0.value.count) \($0.key)s" }.sorted().joined(separator: ", ")
    }

    /// Declares the first `fraction` of every kind (so each stream's webhook and target come
    /// with it).
    func reveal(fraction: Double) throws {
        let byKind = Dictionary(grouping: declared, by: \.kind)
        let shown = byKind.mapValues { objects in Array(objects.prefix(min(objects.count, Int((Double(objects.count) * fraction).rounded(.up))))) }
        var text = ""
        for kind in ["webhook", "multistream-target", "stream", "cloudcast"] {
            text += manifest(kind, shown[kind] ?? [], hooks: shown["webhook"]?.count ?? 1, targets: shown["multistream-target"]?.count ?? 1)
        }
        try directory.write("main.yaml", text)
        revealed = Int(fraction * 100)
    }

    private func manifest(_ kind: String, _ objects: [Declared], hooks: Int, targets: Int) -> String {
        guard !objects.isEmpty else { return "" }
        let type = String(objects[0].address.split(separator: ".")[0])
        var text = "\(type):\n"
        for (index, object) in objects.enumerated() {
            let name = object.address.split(separator: ".")[1]
            switch kind {
            case "webhook":
                text += "  \(name): {name: \"\(object.name)\", url: \"https://hooks.example.org/\(index)\", events: [stream.started]}\n"
            case "multistream-target":
                text += "  \(name): {name: \"\(object.name)\", url: \"rtmp://rtmp.example.org/live/key-\(index)\"}\n"
            case "stream":
                text += """
                      \(name):
                        name: "\(object.name)"
                        profiles: [{name: 720p, width: 1280, height: 720, bitrate: 3000000, fps: 30}]
                        playback_policy: {type: webhook, webhook_id: "${livepeer_webhook.hook-\(index % hooks).id}"}
                        multistream: {targets: [{profile: 720p, id: "${livepeer_multistream_target.target-\(index % targets).id}"}]}

                    """
            default:
                let visibility = ["", ", unlisted: true", ", publish_date: \"2099-01-01T00:00:00Z\""][index % 3]
                text += "  \(name): {title: \"\(object.name)\", audio: audio/show.mp3\(visibility)}\n"
            }
        }
        return text
    }

    var environment: [String: String] {
        ["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1",
         "MIXCLOUD_ACCESS_TOKEN": "mixcloud-test-token", "LIVEPEER_API_KEY": "livepeer-test-key"]
    }

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(binary, arguments, environment: environment, directory: directory.path)
    }

    func start(_ arguments: [String]) throws -> Process {
        try ProcessRunner.start(binary, arguments, environment: environment, directory: directory.path,
                                output: directory.path + "/killed-run.log")
    }

    /// Whether the run being killed has started an operation (its log says "Creating...",
    /// "Destroying...", "Modifying..." or shows an upload).
    var runHasBegunOperations: Bool {
        let text = (try? String(contentsOfFile: directory.path + "/killed-run.log", encoding: .utf8)) ?? ""
        return ["Creating...", "Destroying...", "Modifying...", "uploading", "Adopting"].contains { text.contains($0) }
    }

    /// The last lines a killed run printed.
    func lastLines(_ count: Int) -> String {
        let text = (try? String(contentsOfFile: directory.path + "/killed-run.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(count).joined(separator: " / ")
    }

    /// Address → id of every object state holds (nil for a pending create).
    func stateIDs() throws -> [String: String?] {
        let show = try run(["show", "--json"])
        guard show.status == 0 else { throw ChaosFailure("castform show failed: \(show.stderr)") }
        let json = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any] ?? [:]
        var ids: [String: String?] = [:]
        for resource in json["resources"] as? [[String: Any]] ?? [] {
            if let address = resource["address"] as? String { ids[address] = resource["id"] as? String }
        }
        return ids
    }
}
