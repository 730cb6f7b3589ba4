import CastformCore

/// A provider that only reads data sources (Livestream, SideFX): every call about managed
/// objects answers that it manages none, in the same words for each.
protocol DataOnlyProvider: Provider {}

extension DataOnlyProvider {
    private var managesNothing: [Diagnostic] {
        [.error("the \(name) provider only reads data sources (data: \(name)_...); it manages no objects", at: nil)]
    }

    func read(type: String, objects: [KnownObject]) async -> ReadResult { ReadResult(diagnostics: managesNothing) }
    func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome { .failed(managesNothing) }
    func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome { .failed(managesNothing) }
    func delete(_ request: OperationRequest) async -> OperationOutcome { .failed(managesNothing) }
    func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport { RecoveryReport(.failed(managesNothing), for: requests) }
    func importObject(type: String, id: String) async -> ReadResult { ReadResult(diagnostics: managesNothing) }
}
