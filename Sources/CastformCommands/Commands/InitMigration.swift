import ArgumentParser
import CastformState
import Foundation

/// `castform init -migrate-state`: copies the state from the previous backend to the one
/// castform.yaml names, as it is — lineage, serial, every object — holding both locks, so no
/// apply writes either state while it moves.
///
/// A new backend that already holds this state (same lineage and serial) needs nothing; one
/// that holds another state, or a newer serial of this one, is overwritten only with
/// -force-copy, and then with a serial above its own, so that plan files made against it
/// are seen to be stale.
struct InitMigration {
    let session: Session
    let from: StateLocation
    let options: Init

    func run() async throws {
        let source = try StateBackendChoice.make(from, root: session.workspace.absoluteRoot, environment: session.runtime.environment)
        let sourceLock = LockInfo(operation: "init -migrate-state")
        try await source.lock(sourceLock)
        do {
            try await session.withLock("init -migrate-state") { try await copy(from: source) }
            try? await source.unlock(id: sourceLock.id)
        } catch {
            try? await source.unlock(id: sourceLock.id)
            throw error
        }
    }

    private func copy(from source: any StateBackend) async throws {
        let target = session.location.summary
        guard var state = try await source.load() else {
            Console.out("The previous backend (\(from.summary)) holds no state: nothing to copy.\n")
            return
        }
        if let existing = try await session.backend.load() {
            if existing.lineage == state.lineage && existing.serial == state.serial {
                Console.out("\(target) already holds this state (serial \(state.serial)): nothing to copy.\n")
                return
            }
            guard options.forceCopy else {
                throw CommandError("\(target) already holds a state (lineage \(existing.lineage), serial \(existing.serial)), not the one in \(from.summary) (lineage \(state.lineage), serial \(state.serial)); castform init -migrate-state -force-copy overwrites it")
            }
            state.serial = max(state.serial, existing.serial + 1)
        }
        try confirm(state, to: target)
        try await session.backend.persist(state)
        Console.out("Copied the state (lineage \(state.lineage), serial \(state.serial), \(state.resources.count) object(s)) from \(from.summary) to \(target).\n")
    }

    private func confirm(_ state: StateSnapshot, to target: String) throws {
        guard !options.forceCopy else { return }
        try Confirmation.ask("Copy the state (\(state.resources.count) object(s), serial \(state.serial)) from \(from.summary) to \(target)?",
                             what: "castform init -migrate-state", instead: "pass -force-copy", input: options.input,
                             declined: "Nothing was copied.")
    }
}
