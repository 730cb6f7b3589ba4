import CastformCore
import CastformHTTP
import Foundation

/// Shows that already exist for declarations state has no record of (a CI runner without
/// the team's state): a show of the account with the title the manifest declares, in the
/// public list or at the address Mixcloud would give the title (which also finds unlisted,
/// scheduled and draft ones). The plan imports it instead of uploading it again.
extension MixcloudProvider {
    public func twins(type: String, queries: [TwinQuery]) async -> TwinReport {
        guard let client else { return TwinReport(diagnostics: unavailable) }
        var search = ShowSearch(client: client, taken: Set(queries.first?.excluding.map(MixcloudClient.normalisedKey) ?? []))
        var report = TwinReport()
        do {
            try await search.readList(prefetched)
            for query in queries {
                guard let title = query.desired["title"]?.unmarked.stringValue.map(MixcloudFields.trimmed), !title.isEmpty else { continue }
                let found = try await search.findAll(ShowWanted(title: title, slug: MixcloudSlug.derive(title)))
                report.results[query.address] = await found.asyncMap { key, json in
                    Twin(object: await twin(key, json: json, query: query),
                         reason: "Mixcloud's show \(key) of \(client.user) has the title \"\(title)\"")
                }
            }
        } catch {
            report.diagnostics.append(diagnostic(error, doing: "look among \(client.user)'s shows for ones the manifests declare"))
        }
        report.requestCount = search.requests
        return report
    }

    /// The show as castform will record it: as Mixcloud holds it, with the manifest's files
    /// (Mixcloud cannot say which audio a show has: the declared one is taken to be it, as
    /// `castform import` takes it) and write-only values.
    private func twin(_ key: String, json: JSONValue, query: TwinQuery) async -> RemoteObject {
        var request = OperationRequest(address: query.address, desired: query.desired, lineage: "")
        request.excluding = query.excluding
        return await created(key, request: request, fingerprints: fingerprints(query.desired), json: json)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
