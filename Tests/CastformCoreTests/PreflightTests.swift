import CastformCore
import Testing

/// A plan asks every provider it involves, and only those, whether it can work.
@Suite struct PreflightTests {
    struct Asking: Provider {
        let name: String
        let answer: [Diagnostic]
        var schemas: [ResourceTypeSchema] {
            [ResourceTypeSchema(name: "\(name)_thing", provider: name, summary: "", body: ObjectSchema([]))]
        }

        func preflight(types: Set<String>) async -> [Diagnostic] { answer }
        func read(type: String, objects: [KnownObject]) async -> ReadResult { ReadResult() }
        func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome { .failed([]) }
        func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome { .failed([]) }
        func delete(_ request: OperationRequest) async -> OperationOutcome { .failed([]) }
        func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport { RecoveryReport() }
        func importObject(type: String, id: String) async -> ReadResult { ReadResult() }
        func readData(type: String, arguments: [String: Value]) async -> DataResult { DataResult() }
    }

    @Test func onlyTheProvidersTheAddressesInvolveAreAsked() async {
        let providers = ProviderSet([
            Asking(name: "one", answer: [.error("one has no key", at: nil)]),
            Asking(name: "two", answer: [.error("two has no key", at: nil)]),
        ])
        let problems = await providers.preflight([ResourceAddress(type: "two_thing", name: "x")])
        #expect(problems.map(\.message) == ["two has no key"])
        #expect(await providers.preflight([]).isEmpty)
    }
}
