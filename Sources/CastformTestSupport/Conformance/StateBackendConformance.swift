import CastformCore
import CastformState
import Foundation

/// The checks every state backend must pass, run by each backend's tests (the local file
/// backend now; PostgreSQL when it lands). Each check returns a failure message or nil, so
/// the suite runs under any test framework.
public enum StateBackendConformance {
    public typealias Factory = @Sendable () async throws -> any StateBackend

    /// Every check by name; a backend's test runs them all with a fresh backend each.
    public static let checks: [(name: String, run: @Sendable (Factory) async throws -> String?)] = [
        ("an empty backend has no state", emptyHasNoState),
        ("a persisted snapshot loads back the same", persistRoundTrip),
        ("recorded changes survive without persist", recordedChangesSurvive),
        ("persist folds recorded changes", persistFolds),
        ("a second lock fails at once, naming the holder", secondLockFails),
        ("unlock releases the lock", unlockReleases),
        ("force-unlock removes another holder's lock", forceUnlockRemoves),
        ("unlocking a lock that is not held is an error", unlockUnknownFails),
    ]

    static let address = ResourceAddress(type: "fake_object", name: "a")

    static func resource(_ name: String, id: String) -> ResourceState {
        ResourceState(address: ResourceAddress(type: "fake_object", name: name), provider: "fake", id: id,
                      attributes: ["name": .string(name), "secret": .sensitive(.string(Value.hashPrefix + "00ff"))])
    }

    static func emptyHasNoState(_ make: Factory) async throws -> String? {
        try await make().load() == nil ? nil : "load() returned a state for an empty backend"
    }

    static func persistRoundTrip(_ make: Factory) async throws -> String? {
        let backend = try await make()
        var snapshot = StateSnapshot()
        snapshot.apply(.put(resource("a", id: "1")))
        try await backend.persist(snapshot)
        guard let loaded = try await backend.load() else { return "nothing loaded after persist" }
        if loaded.lineage != snapshot.lineage || loaded.serial != snapshot.serial { return "lineage or serial changed" }
        return loaded.resources == snapshot.resources ? nil : "resources differ after a round trip"
    }

    static func recordedChangesSurvive(_ make: Factory) async throws -> String? {
        let backend = try await make()
        var snapshot = StateSnapshot()
        try await backend.persist(snapshot)
        for name in ["a", "b", "c"] {
            let change = StateChange.put(resource(name, id: name.uppercased()))
            snapshot.apply(change)
            try await backend.record(change, in: snapshot)
        }
        snapshot.apply(.remove(ResourceAddress(type: "fake_object", name: "b")))
        try await backend.record(.remove(ResourceAddress(type: "fake_object", name: "b")), in: snapshot)
        // A new backend object, as after a crash: only what was recorded is there.
        guard let loaded = try await make().load() else { return "nothing loaded" }
        if loaded.resources.map(\.address.name) != ["a", "c"] { return "replayed resources are \(loaded.resources.map(\.address.name))" }
        return loaded.serial == snapshot.serial ? nil : "serial \(loaded.serial), expected \(snapshot.serial)"
    }

    static func persistFolds(_ make: Factory) async throws -> String? {
        let backend = try await make()
        var snapshot = StateSnapshot()
        let change = StateChange.put(resource("a", id: "1"))
        snapshot.apply(change)
        try await backend.record(change, in: snapshot)
        try await backend.persist(snapshot)
        let loaded = try await backend.load()
        return loaded?.serial == snapshot.serial && loaded?.resources.count == 1 ? nil : "persist after record lost or doubled the change"
    }

    static func secondLockFails(_ make: Factory) async throws -> String? {
        let backend = try await make()
        let first = LockInfo(operation: "apply")
        try await backend.lock(first)
        do {
            try await make().lock(LockInfo(operation: "plan"))
            return "a second lock succeeded"
        } catch StateError.locked(let holder) {
            return holder.id == first.id && holder.operation == "apply" ? nil : "the error names \(holder), not the holder"
        }
    }

    static func unlockReleases(_ make: Factory) async throws -> String? {
        let backend = try await make()
        let info = LockInfo(operation: "apply")
        try await backend.lock(info)
        try await backend.unlock(id: info.id)
        let again = LockInfo(operation: "apply")
        try await make().lock(again)
        try await backend.unlock(id: again.id)
        return nil
    }

    static func forceUnlockRemoves(_ make: Factory) async throws -> String? {
        let backend = try await make()
        let info = LockInfo(operation: "apply")
        try await backend.lock(info)
        try await make().forceUnlock(id: info.id)
        let next = LockInfo(operation: "apply")
        try await backend.lock(next)
        try await backend.unlock(id: next.id)
        return nil
    }

    static func unlockUnknownFails(_ make: Factory) async throws -> String? {
        do {
            try await make().unlock(id: "no-such-lock")
            return "unlocking an unknown lock succeeded"
        } catch StateError.lockNotFound {
            return nil
        }
    }
}
