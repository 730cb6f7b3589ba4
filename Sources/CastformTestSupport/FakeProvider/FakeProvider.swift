import CastformCore
import Foundation
import Synchronization

/// A provider for the engine's tests: a generic remote service of `fake_object`s and
/// `fake_group`s with batched reads, computed and sensitive attributes, write-only secrets,
/// force-new attributes, a data source, and injectable faults. Objects it creates carry their
/// castform address and lineage, so a create whose answer was lost can be recovered.
public struct FakeProvider: Provider {
    public let name = "fake"
    public let schemas = FakeSchemas.all
    public let store: FakeStore
    public let faults: FakeFaults
    /// Objects per list request, as a service's page size.
    public let pageSize = 100

    public init(store: FakeStore = FakeStore(), faults: FakeFaults = FakeFaults()) {
        self.store = store
        self.faults = faults
    }

    public func read(type: String, objects: [KnownObject]) async -> ReadResult {
        await delay()
        let wanted = Set(objects.map(\.id))
        let pages = max(1, (objects.count + pageSize - 1) / pageSize)
        let found = store.withContents { contents -> [String: RemoteObject] in
            contents.log.append("list \(type) (\(pages) pages)")
            var result: [String: RemoteObject] = [:]
            for object in contents.objects.values where object.type == type && wanted.contains(object.id) {
                result[object.id] = remote(object)
            }
            return result
        }
        return ReadResult(objects: found, requestCount: pages)
    }

    public func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome {
        await delay()
        let name = request.desired["name"]?.unmarked.stringValue ?? ""
        if let refusal = refuse(name, verb: "create", address: request.address) { return refusal }
        for step in stride(from: 1, through: faults.progressSteps, by: 1) {
            progress(TransferProgress(completed: Int64(step * 1000), total: Int64(faults.progressSteps * 1000)))
        }
        let object = store.withContents { contents -> FakeStore.Object in
            contents.counter += 1
            var attributes = request.desired.mapValues(\.unmarked)
            attributes["id"] = .string("fk-\(contents.counter)")
            attributes["revision"] = .int(1)
            attributes["token"] = .string("tok-\(UUID().uuidString.prefix(8))")
            let object = FakeStore.Object(type: request.address.type, id: "fk-\(contents.counter)", attributes: attributes,
                                          owner: request.address.description, lineage: request.lineage)
            contents.objects[object.id] = object
            contents.log.append("create \(request.address.type) \(name)")
            return object
        }
        if faults.losingResponses.contains(name) {
            return .unknown([.error("\(request.address): the connection dropped before the fake service answered", at: nil)])
        }
        return .succeeded(remote(object))
    }

    public func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome {
        await delay()
        let name = request.desired["name"]?.unmarked.stringValue ?? ""
        if let refusal = refuse(name, verb: "update", address: request.address) { return refusal }
        let updated = store.withContents { contents -> FakeStore.Object? in
            guard let id = request.id, var object = contents.objects[id] else { return nil }
            for attribute in request.changed { object.attributes[attribute] = request.desired[attribute]?.unmarked ?? .null }
            object.attributes["revision"] = .int((object.attributes["revision"].flatMap { if case .int(let n) = $0 { n } else { nil } } ?? 0) + 1)
            contents.objects[id] = object
            contents.log.append("update \(request.address.type) \(name) \(request.changed.joined(separator: ","))")
            return object
        }
        guard let updated else { return .failed([.error("\(request.address): the fake service has no object \(request.id ?? "")", at: nil)]) }
        return .succeeded(remote(updated))
    }

    public func delete(_ request: OperationRequest) async -> OperationOutcome {
        await delay()
        store.withContents { contents in
            if let id = request.id, let object = contents.objects.removeValue(forKey: id) {
                contents.log.append("delete \(object.type) \(object.attributes["name"]?.stringValue ?? id)")
            }
        }
        return .succeeded(nil)
    }

    /// One search per type and run, however many creates were lost: objects carry the
    /// address and lineage that made them.
    public func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport {
        await delay()
        let objects = store.withContents { contents -> [FakeStore.Object] in
            contents.log.append("search \(type) for \(requests.map(\.address.description).sorted().joined(separator: ","))")
            return contents.objects.values.filter { $0.type == type }
        }
        var report = RecoveryReport(requestCount: 1)
        for request in requests {
            let match = objects.first {
                $0.owner == request.address.description && $0.lineage == request.lineage && !request.excluding.contains($0.id)
            }
            report.results[request.address] = match.map { .found(remote($0)) } ?? .notFound
        }
        return report
    }

    /// Objects carry the address that made them: one made under another state's lineage (a
    /// fresh runner's empty state) is that address's twin.
    public func twins(type: String, queries: [TwinQuery]) async -> TwinReport {
        await delay()
        let objects = store.withContents { contents -> [FakeStore.Object] in
            contents.log.append("look for \(type) twins")
            return contents.objects.values.filter { $0.type == type }.sorted { $0.id < $1.id }
        }
        var report = TwinReport(requestCount: 1)
        for query in queries {
            report.results[query.address] = objects.filter { $0.owner == query.address.description && !query.excluding.contains($0.id) }
                .map { Twin(object: remote($0), reason: "the fake service's \($0.id) was made for \(query.address)") }
        }
        return report
    }

    public func importObject(type: String, id: String) async -> ReadResult {
        let object = store.withContents { $0.objects[id] }
        guard let object, object.type == type else {
            return ReadResult(diagnostics: [.error("the fake service has no \(type) with id \(id)", at: nil)], requestCount: 1)
        }
        return ReadResult(objects: [id: remote(object)], requestCount: 1)
    }

    public func readData(type: String, arguments: [String: Value]) async -> DataResult {
        let key = arguments["key"]?.stringValue ?? ""
        let items = store.withContents { contents -> Value in
            contents.log.append("read \(type) \(key)")
            return contents.data?[key] ?? .list([])
        }
        return DataResult(attributes: ["value": .string("value-of-\(key)"), "items": items])
    }

    /// What a read returns: everything but write-only attributes; the token is sensitive.
    private func remote(_ object: FakeStore.Object) -> RemoteObject {
        var attributes = object.attributes
        attributes["secret"] = nil
        if let token = attributes["token"] { attributes["token"] = .sensitive(token) }
        return RemoteObject(id: object.id, attributes: attributes)
    }

    private func refuse(_ name: String, verb: String, address: ResourceAddress) -> OperationOutcome? {
        if faults.failing.contains(name) {
            return .failed([.error("\(address): the fake service refused to \(verb) \"\(name)\" (HTTP 422)", at: nil)])
        }
        if let failures = faults.flaky[name], store.attempts.next(name) <= failures {
            return .failed([.error("\(address): the fake service is flaky (HTTP 503)", at: nil)])
        }
        return nil
    }

    private func delay() async {
        if faults.latency > .zero { try? await faults.clock.sleep(for: faults.latency) }
    }
}

/// Counts attempts per name, for flaky faults.
final class AttemptCounter: Sendable {
    private let counts = Mutex([String: Int]())

    func next(_ name: String) -> Int {
        counts.withLock { counts in
            counts[name, default: 0] += 1
            return counts[name]!
        }
    }
}
