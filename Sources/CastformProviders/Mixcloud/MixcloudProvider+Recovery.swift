// Finding the show a lost upload made. Mixcloud cannot delete a show, so uploading it again
// when it did arrive is a permanent duplicate; this is the promise users trust most.
//
// Before an upload is sent, castform notes (durably, with the pending create) the title, the
// slug Mixcloud will derive from it, whether the show will be listed, and the fingerprints of
// the files sent. After a lost answer, one reading of the owner's public list serves every
// pending upload, and each one's possible keys (`/user/slug/`, `/user/slug-2/`, …) are read
// directly with the owner's token, which also sees unlisted, scheduled and draft shows. A
// candidate must carry the title, be no older than the upload (less the clock skew), and not
// be a show state already holds; each is given to one upload only.
import CastformCore
import CastformHTTP
import Foundation

extension MixcloudProvider {
    /// Mixcloud's clock and ours may differ a little.
    static let clockSkew: TimeInterval = 600
    /// Keys tried per upload: `/user/slug/` then `-2` … `-50`. More shows of one title than
    /// that is past what castform can tell apart.
    static let slugProbes = 50

    public func notes(forCreating request: OperationRequest) -> [String: Value] {
        let title = MixcloudFields.trimmed(request.desired["title"]?.unmarked.stringValue ?? "")
        var notes: [String: Value] = ["title": .string(title), "listed": .bool(Self.isListed(request.desired, at: Date()))]
        if let slug = MixcloudSlug.derive(title) { notes["slug"] = .string(slug) }
        return notes.merging(fingerprints(request.desired)) { $1 }
    }

    /// Whether the owner's public list will show the upload: not when it is unlisted, nor
    /// while it waits for a `publish_date` still to come.
    static func isListed(_ desired: [String: Value], at time: Date) -> Bool {
        if desired["unlisted"]?.unmarked == .bool(true) { return false }
        guard let text = desired["publish_date"]?.unmarked.stringValue, let date = date(text) else { return true }
        return date <= time
    }

    static func date(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    public func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport {
        guard let client else { return RecoveryReport(.failed(unavailable), for: requests) }
        var search = ShowSearch(client: client, taken: Set(requests.first?.excluding.map(MixcloudClient.normalisedKey) ?? []))
        var report = RecoveryReport()
        do {
            try await search.readList(prefetched)
            // The earliest upload first: of two shows that could be either's, it gets the older.
            for request in requests.sorted(by: { ($0.sentAt ?? .distantPast) < ($1.sentAt ?? .distantPast) }) {
                report.results[request.address] = try await outcome(of: request, search: &search)
            }
        } catch {
            let problem = diagnostic(error, doing: "look among \(client.user)'s shows for uploads whose answer was lost")
            report = RecoveryReport(.failed([problem]), for: requests)
        }
        report.requestCount = search.requests
        return report
    }

    private func outcome(of request: OperationRequest, search: inout ShowSearch) async throws -> RecoveryResult {
        let lost = LostUpload(request)
        guard !lost.title.isEmpty else { return .notFound }  // Mixcloud refuses an upload without a name.
        if let (key, json) = try await search.find(lost.wanted) {
            let fingerprints = lost.fingerprints.isEmpty ? self.fingerprints(request.desired) : lost.fingerprints
            return .found(await created(key, request: request, fingerprints: fingerprints, json: json))
        }
        if search.reachedFreeKey || lost.listed { return .notFound }
        return .failed([Self.unseen(lost, request: request, user: search.client.user)])
    }

    /// Castform cannot see the show, so it will not upload it again blindly.
    static func unseen(_ lost: LostUpload, request: OperationRequest, user: String) -> Diagnostic {
        let sent = lost.sentAt.map { " (sent \($0.formatted(.iso8601)))" } ?? ""
        let why = lost.slug == nil
            ? "the title \"\(lost.title)\" gives no address castform can predict"
            : "more than \(slugProbes) shows of the account share its address"
        return .error("\(request.address): castform cannot tell whether its interrupted upload\(sent) reached Mixcloud: an unlisted or scheduled show is in no list, and \(why). Look among your uploads on Mixcloud: if the show is there, adopt it with `castform import \(request.address) /\(user)/SLUG/`; if it is not, let castform upload it again with `castform state rm \(request.address)`", at: nil)
    }
}

/// What castform knows of an upload whose answer was lost: the notes taken before it was
/// sent (or, for a pending record of an older castform, the same derived from what was sent).
struct LostUpload {
    var title: String
    var slug: String?
    var listed: Bool
    var sentAt: Date?
    var fingerprints: [String: Value]

    init(_ request: OperationRequest) {
        let notes = request.notes
        title = notes["title"]?.stringValue ?? MixcloudFields.trimmed(request.desired["title"]?.unmarked.stringValue ?? "")
        slug = notes["slug"]?.stringValue ?? (notes["title"] == nil ? MixcloudSlug.derive(title) : nil)
        listed = notes["listed"].map { $0 == .bool(true) } ?? MixcloudProvider.isListed(request.desired, at: request.sentAt ?? Date())
        sentAt = request.sentAt
        fingerprints = notes.filter { key, _ in MixcloudProvider.fileRoles.contains { key.hasPrefix($0.role.rawValue + "_") } }
    }

    /// What the search looks for: a show with this title, no older than the upload (less the
    /// clock skew), at the addresses its slug gives.
    var wanted: ShowWanted {
        ShowWanted(title: title, slug: slug, notBefore: sentAt?.addingTimeInterval(-MixcloudProvider.clockSkew))
    }
}
