import CastformCore

/// A provider whose schemas castform knows but whose service it cannot reach yet: manifests
/// validate, and plan or apply say plainly that this version cannot talk to the service.
/// Each is replaced by its real client as that lands (Mixcloud, Livepeer, ...).
struct PendingServiceProvider: Provider {
    let name: String
    let service: String
    let schemas: [ResourceTypeSchema]

    private var unavailable: [Diagnostic] {
        [.error("this version of castform cannot reach \(service) yet: it can validate \(name) manifests (castform validate) but not plan or apply them", at: nil)]
    }

    func read(type: String, objects: [KnownObject]) async -> ReadResult { ReadResult(diagnostics: unavailable) }
    func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome { .failed(unavailable) }
    func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome { .failed(unavailable) }
    func delete(_ request: OperationRequest) async -> OperationOutcome { .failed(unavailable) }
    func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport { RecoveryReport(.failed(unavailable), for: requests) }
    func importObject(type: String, id: String) async -> ReadResult { ReadResult(diagnostics: unavailable) }
    func readData(type: String, arguments: [String: Value]) async -> DataResult { DataResult(diagnostics: unavailable) }
}
