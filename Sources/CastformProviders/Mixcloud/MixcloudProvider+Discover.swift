import CastformCore
import CastformHTTP
import Foundation

/// `castform import mixcloud --user USER --generate-config DIR`: every show of the account,
/// read in full (the list, then one get per show for its description and tracklist), with a
/// manifest that declares what the show holds now.
extension MixcloudProvider {
    public func discover(_ request: DiscoveryRequest) async -> DiscoveryResult {
        guard let client else { return DiscoveryResult(diagnostics: unavailable) }
        do {
            let user = try await client.resolvedUser()
            if let account = request.account, account.lowercased() != user.lowercased() {
                // Editing needs the owner's token: shows of another account could be written
                // out but never applied.
                return DiscoveryResult(diagnostics: [.error("castform manages the Mixcloud account \(user) (providers.mixcloud.user in castform.yaml, or the access token's owner); --user \(account) would import shows it cannot edit", at: nil)])
            }
            let (items, listRequests) = try await client.list()
            let shows = try await withThrowingTaskGroup(of: (Int, JSONValue?).self) { group in
                for (index, item) in items.enumerated() {
                    let key = MixcloudClient.normalisedKey(item["key"]?.string ?? "")
                    group.addTask { (index, try await client.cloudcast(key)) }
                }
                var shows: [(Int, JSONValue)] = []
                for try await (index, json) in group { if let json { shows.append((index, json)) } }
                return shows.sorted { $0.0 < $1.0 }.map(\.1)
            }
            let objects = shows.map { json -> DiscoveredObject in
                let object = remoteObject(json, full: true, known: nil)
                let (manifest, omissions) = Self.manifest(object.attributes)
                return DiscoveredObject(type: MixcloudSchemas.cloudcast.name, name: Self.resourceName(json["slug"]?.string ?? object.id),
                                        object: object, manifest: manifest, source: json["url"]?.string, omissions: omissions)
            }
            return DiscoveryResult(objects: objects, requestCount: listRequests + items.count, notes: Self.generatedNotes)
        } catch {
            return DiscoveryResult(diagnostics: [diagnostic(error, doing: "read the shows of \(client.user)")])
        }
    }

    /// What the generated manifest declares: what Mixcloud reports and a person would keep,
    /// leaving out empty values (an absent attribute is simply not managed), and a tracklist
    /// a manifest cannot hold (Mixcloud allows tracks without start times; manifests need
    /// increasing ones), which is then left unmanaged and said so.
    static func manifest(_ attributes: [String: Value]) -> (manifest: [String: Value], omissions: [String]) {
        var manifest: [String: Value] = [:]
        var omissions: [String] = []
        for name in ["title", "description", "tags", "tracks"] {
            switch attributes[name] {
            case .string(let text)? where !text.isEmpty: manifest[name] = .string(text)
            case .list(let items)? where !items.isEmpty: manifest[name] = .list(items)
            default: break
            }
        }
        if case .list(let tracks)? = manifest["tracks"], let problem = unrepresentable(tracks) {
            manifest["tracks"] = nil
            omissions.append("the tracklist (\(tracks.count) entries): \(problem); castform leaves it as it is on Mixcloud")
        }
        if attributes["hide_stats"] == .bool(true) { manifest["hide_stats"] = .bool(true) }
        return (manifest, omissions)
    }

    /// Why a tracklist cannot be written as a manifest, if it cannot.
    static func unrepresentable(_ tracks: [Value]) -> String? {
        var previous: Int?
        for track in tracks {
            guard case .object(let fields) = track, case .int(let start)? = fields["start"] else { return "some entries have no start time" }
            if let previous, start <= previous { return "start times do not increase" }
            previous = start
            let texts = ["artist", "track", "chapter"].compactMap { fields[$0]?.stringValue }
            if texts.contains(where: \.isEmpty) { return "some entries have an empty artist, song or chapter" }
        }
        return nil
    }

    /// A slug as a resource name: letters, digits, `_` and `-`, starting with a letter.
    static func resourceName(_ slug: String) -> String {
        var name = String(slug.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "-" })
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "-/"))
        if name.isEmpty { return "show" }
        if !(name.first!.isLetter || name.first == "_") { name = "show-" + name }
        return name
    }

    static let generatedNotes = [
        "Mixcloud's API cannot download a show's audio, so none is declared: the show keeps what was",
        "uploaded. Add `audio: PATH` (relative to this file) to have castform track a local copy;",
        "it is recorded as the show's file, not uploaded again.",
    ]
}
