// Reading shows: `read(type:objects:)` (the refresh behind every plan) and the conversion of
// Mixcloud's JSON into the object castform compares with the manifest. Creating, editing and
// unpublishing live in MixcloudProvider.swift.
//
// The owner's cloudcast list carries no description and no tracklist (FACTS.md §5); only a
// single GET per show does. So that planning 2,000 shows costs 20 list pages and not 2,020
// requests (DESIGN.md §4 "Refresh is batched"), state keeps the description and tracklist last
// read with the `updated_time` they were read at, and a show is fetched again only when the
// list reports another time.
import CastformCore
import CastformHTTP
import Foundation

extension MixcloudProvider {
    /// The private-data key of the `updated_time` at which a single GET last returned the
    /// show's description and tracklist (the values in state's attributes).
    ///
    /// Set only from a GET's answer, never from an edit castform sent: Mixcloud moves
    /// `updated_time` on every edit and the edit's answer does not say to what, so `update`
    /// reads the show once after its edit (if that read fails, the recorded time is older
    /// than the listed one and the next plan reads the show: the safe side). An edit made
    /// anywhere else moves the time too.
    static let detailsUpdatedTime = "details_updated_time"

    /// Where one show's description and tracklist come from in this read.
    enum DetailsSource {
        /// The manifest manages neither: the list item is all the plan needs.
        case notManaged(listed: JSONValue)
        /// State's values, read when the show had the `updated_time` it still has.
        case recorded(listed: JSONValue, description: Value, tracks: Value)
        /// A single GET: the show changed since it was read, was never read in full, or is
        /// not in the list (a draft or an unlisted show, or one that is gone).
        case singleGet
    }

    static func detailsSource(_ object: KnownObject, listed: JSONValue?) -> DetailsSource {
        guard let listed else { return .singleGet }
        guard object.managedAttributes.contains(where: { $0 == "description" || $0 == "tracks" }) else { return .notManaged(listed: listed) }
        guard let time = listed["updated_time"]?.string, object.privateData[detailsUpdatedTime] == .string(time),
              let description = object.attributes["description"], let tracks = object.attributes["tracks"] else { return .singleGet }
        return .recorded(listed: listed, description: description, tracks: tracks)
    }

    /// Starts listing the owner's shows: the list does not depend on state. It waits for the
    /// run's one `GET /me/`: with a token of another account nothing is listed (the preflight
    /// reports it; this read is never taken).
    public func prefetch(types: Set<String>) {
        guard let client, types.contains(MixcloudSchemas.cloudcast.name) else { return }
        prefetched.start {
            guard client.tokenMatchesConfiguredUser(try await client.tokenOwner()) else {
                throw MixcloudFailure.unexpected("the access token belongs to another account")
            }
            return try await client.list()
        }
    }

    public func read(type: String, objects: [KnownObject]) async -> ReadResult {
        guard let client else { return ReadResult(diagnostics: unavailable) }
        guard !objects.isEmpty else { return ReadResult() }
        do {
            let (items, listRequests) = try await prefetched.take { try await client.list() }
            let listed = Dictionary(items.map { (MixcloudClient.normalisedKey($0["key"]?.string ?? ""), $0) }) { _, later in later }
            // What the list and state answer is made here, side by side (each show on its own);
            // only single GETs become tasks (a task per show of 10,000 cost more than its work).
            let stats = MemoTable<String, FileFingerprint.Stat?>()
            let answered = objects.concurrentMap(minimumPerThread: 256) { object -> RemoteObject? in
                switch Self.detailsSource(object, listed: listed[MixcloudClient.normalisedKey(object.id)]) {
                case .notManaged(let item):
                    return remoteObject(item, full: false, known: object, stats: stats).sharingValues(with: object)
                case .recorded(let item, let description, let tracks):
                    var remote = remoteObject(item, full: false, known: object, stats: stats)
                    remote.attributes["description"] = description
                    remote.attributes["tracks"] = tracks
                    return remote.sharingValues(with: object)
                case .singleGet:
                    return nil
                }
            }
            // The list's JSON is done with: freed off the plan's path (a tenth of a second for
            // 10,000 shows).
            releaseInBackground((consume items, consume listed))
            var found = [String: RemoteObject](minimumCapacity: objects.count)
            var fetch: [(id: String, key: String, known: KnownObject)] = []
            for (object, remote) in zip(objects, answered) {
                if let remote {
                    found[object.id] = remote
                } else {
                    fetch.append((object.id, MixcloudClient.normalisedKey(object.id), object))
                }
            }
            let fetched = try await withThrowingTaskGroup(of: (String, RemoteObject?).self) { group in
                for (id, key, known) in fetch {
                    group.addTask { (id, try await client.cloudcast(key).map { self.remoteObject($0, full: true, known: known) }) }
                }
                var fetched: [String: RemoteObject] = [:]
                for try await (id, object) in group { fetched[id] = object }
                return fetched
            }
            found.merge(fetched) { _, got in got }
            return ReadResult(objects: found, requestCount: listRequests + fetch.count)
        } catch {
            return ReadResult(diagnostics: [diagnostic(error, doing: "read the shows of \(client.user)")])
        }
    }

    /// The object as it exists, with its audio and picture as state knows them (see
    /// `reportFiles`): a file with new content shows as a change.
    ///
    /// `full` JSON is a single GET's (with description and sections): its `updated_time` is
    /// recorded as the time the details were read at. Create, recovery and import read that
    /// way too, so the plan after them fetches no show.
    func remoteObject(_ json: JSONValue, full: Bool, known: KnownObject?,
                      stats: MemoTable<String, FileFingerprint.Stat?>? = nil) -> RemoteObject {
        var attributes = MixcloudRemote.attributes(json, full: full)
        var privateData = known?.privateData ?? [:]
        if full {
            privateData[Self.detailsUpdatedTime] = json["updated_time"]?.string.map(Value.string)
        }
        reportFiles(known: known, attributes: &attributes, privateData: &privateData, stats: stats)
        return RemoteObject(id: attributes["id"]?.stringValue ?? known?.id ?? "", attributes: attributes, privateData: privateData)
    }
}
