// Reading shows: `read(type:objects:)` (the refresh behind every plan) and the conversion of
// Mixcloud's JSON into the object castform compares with the manifest. Creating, editing and
// unpublishing live in MixcloudProvider.swift.
import CastformCore
import CastformHTTP
import Foundation

extension MixcloudProvider {
    public func read(type: String, objects: [KnownObject]) async -> ReadResult {
        guard let client else { return ReadResult(diagnostics: unavailable) }
        guard !objects.isEmpty else { return ReadResult() }
        do {
            let (items, listRequests) = try await client.list()
            var listed: [String: JSONValue] = [:]
            for item in items { listed[MixcloudClient.normalisedKey(item["key"]?.string ?? "")] = item }
            let results = try await withThrowingTaskGroup(of: (String, RemoteObject?, Int).self) { group in
                for object in objects {
                    let key = MixcloudClient.normalisedKey(object.id)
                    let item = listed[key]
                    let needsFull = item == nil || !object.managedAttributes.isDisjoint(with: ["description", "tracks"])
                    group.addTask {
                        var json = item
                        if needsFull { json = try await client.cloudcast(key) }
                        guard let json else { return (object.id, nil, needsFull ? 1 : 0) }
                        return (object.id, self.remoteObject(json, full: needsFull, known: object), needsFull ? 1 : 0)
                    }
                }
                var found: [String: RemoteObject] = [:]
                var requests = 0
                for try await (id, object, count) in group {
                    requests += count
                    if let object { found[id] = object }
                }
                return (found, requests)
            }
            return ReadResult(objects: results.0, requestCount: listRequests + results.1)
        } catch {
            return ReadResult(diagnostics: [diagnostic(error, doing: "read the shows of \(client.user)")])
        }
    }

    /// The object as it exists, with the audio as state knows it: the recorded path while
    /// the file there still has the recorded SHA-256, and a different value once it changed,
    /// so the plan shows (and replaces) a new audio file.
    func remoteObject(_ json: JSONValue, full: Bool, known: KnownObject?) -> RemoteObject {
        var attributes = MixcloudRemote.attributes(json, full: full)
        var privateData = known?.privateData ?? [:]
        if let path = known?.attributes["audio"]?.unmarked.stringValue {
            let recorded = AudioFingerprint(privateData)
            if let recorded, let now = AudioFingerprint.of(absolute(path), cached: recorded) {
                attributes["audio"] = .string(now.sha256 == recorded.sha256 ? path : "\(path) (new content, sha256 \(now.sha256.prefix(12)))")
                if now.sha256 == recorded.sha256 { privateData.merge(now.privateData) { $1 } }
            } else {
                // Imported: the show is taken to be this file; its fingerprint starts now.
                attributes["audio"] = .string(path)
                if let now = AudioFingerprint.of(absolute(path), cached: nil) { privateData.merge(now.privateData) { $1 } }
            }
        }
        return RemoteObject(id: attributes["id"]?.stringValue ?? known?.id ?? "", attributes: attributes, privateData: privateData)
    }
}
