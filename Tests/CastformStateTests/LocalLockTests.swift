import CastformState
import CastformTestSupport
import Foundation
import Testing

/// The local lock is a `flock` on the lock file: held while its holder runs, free once it
/// exits, whatever the file says.
@Suite struct LocalLockTests {
    /// Holds the lock file as another castform would: an open file of its own, locked, with
    /// `details` written in it. `release()` lets go as a killed process does, leaving the file.
    struct OtherHolder {
        let descriptor: Int32

        init(_ path: String, details: String) throws {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0, flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw CocoaError(.fileLocking) }
            try write(details)
        }

        init(descriptor: Int32) {
            self.descriptor = descriptor
        }

        /// The same hold through a second descriptor, for a thread that may outlive the test.
        func duplicate() -> OtherHolder {
            OtherHolder(descriptor: dup(descriptor))
        }

        func write(_ details: String) throws {
            ftruncate(descriptor, 0)
            let bytes = Array(details.utf8)
            guard pwrite(descriptor, bytes, bytes.count, 0) == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        }

        func release() {
            close(descriptor)
        }
    }

    /// A lock file as castform writes it. pid 1 always runs; pid 2^22+1 is above Linux's
    /// pid_max default: no such process.
    static func details(id: String = "lock-1", pid: Int32, user: String = "ana") -> String {
        """
        {
          "created" : "2026-11-26T10:00:00Z",
          "host" : "\(ProcessInfo.processInfo.hostName)",
          "id" : "\(id)",
          "operation" : "apply",
          "pid" : \(pid),
          "user" : "\(user)"
        }
        """
    }

    static let deadPID: Int32 = 4_194_305

    /// Whatever a lock file says — a dead holder, a live process, nothing, garbage — no one
    /// holds it: it is free.
    @Test(arguments: [details(pid: deadPID), details(pid: 1), "", "{\"id\": "])
    func aLockFileNobodyHoldsIsFree(_ contents: String) async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try FileManager.default.createDirectory(atPath: state.directory.path + "/.castform", withIntermediateDirectories: true)
        try state.write(state.lock, contents)
        let mine = LockInfo(operation: "apply")
        try await state.backend.lock(mine)
        #expect(try String(contentsOfFile: state.lock, encoding: .utf8).contains(mine.id))
        try await state.backend.unlock(id: mine.id)
        #expect(!state.exists(state.lock))
    }

    @Test func aLockHeldElsewhereIsRefusedAtOnceNamingItsHolder() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let holder = try OtherHolder(state.lock, details: Self.details(pid: 1))
        defer { holder.release() }
        let started = ContinuousClock.now
        await #expect(throws: StateError.locked(try JSONDecoder.lockInfo(Self.details(pid: 1)))) {
            try await state.backend.lock(LockInfo(operation: "plan"))
        }
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    /// Just after taking the lock, a holder has not yet written over what a dead holder left:
    /// the second castform waits for its details rather than name the dead one.
    @Test func aHolderStillWritingItsDetailsIsWaitedFor() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let holder = try OtherHolder(state.lock, details: Self.details(id: "dead", pid: Self.deadPID))
        defer { holder.release() }
        // A thread, not a task: tests that wait for processes may hold the cooperative threads.
        let writer = holder.duplicate()
        Thread.detachNewThread {
            usleep(300_000)
            try? writer.write(Self.details(id: "live", pid: 1, user: "bo"))
            writer.release()
        }
        do {
            try await state.backend.lock(LockInfo(operation: "plan"))
            Issue.record("took a held lock")
        } catch StateError.locked(let info) {
            #expect(info.id == "live" && info.user == "bo")
        }
    }

    @Test func aHolderThatNeverSaysWhoItIsIsReportedAsStarting() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let holder = try OtherHolder(state.lock, details: "")
        defer { holder.release() }
        let error = await #expect(throws: StateError.self) { try await state.backend.lock(LockInfo(operation: "plan")) }
        #expect(error == .lockBeingTaken(path: state.lock))
        #expect(error?.message == "the state is locked by a castform that is starting: it holds \(state.lock) but has not written who it is yet. Wait for it to finish, then try again.")
    }

    /// As Terraform's local backend: a lock whose holder runs cannot be forced; once the
    /// holder is gone (killed: its file stays), force-unlock removes the file.
    @Test func forceUnlockRefusesWhileTheHolderRunsAndRemovesAFileLeftBehind() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let holder = try OtherHolder(state.lock, details: Self.details(id: "lock-1", pid: 1))
        let error = await #expect(throws: StateError.self) { try await state.backend.forceUnlock(id: "lock-1") }
        #expect(error == .lockHolderRunning(try JSONDecoder.lockInfo(Self.details(id: "lock-1", pid: 1))))
        #expect(error?.message.contains("is held by a castform that is still running: castform apply by ana@") == true)
        #expect(error?.message.contains("(pid 1)") == true)
        #expect(error?.message.contains("Local state cannot be unlocked by another process: a local lock is released when the process holding it exits") == true)
        holder.release()
        await #expect(throws: StateError.lockNotFound(id: "lock-2")) { try await state.backend.forceUnlock(id: "lock-2") }
        try await state.backend.forceUnlock(id: "lock-1")
        #expect(!state.exists(state.lock))
        await #expect(throws: StateError.lockNotFound(id: "lock-1")) { try await state.backend.forceUnlock(id: "lock-1") }
    }

    @Test func takingTheLockRemovesWhatKilledCastformsLeft() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let folder = state.directory.path + "/.castform/"
        let left = ["state.json.lock.\(Self.deadPID).draft", ".state.json.tmp-\(Self.deadPID)", ".state.json.backup.tmp-\(Self.deadPID)"]
        let kept = ["state.json.lock.1.draft", "state.json.lock.notes.draft", "other.json.lock.\(Self.deadPID).draft"]
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in left + kept { try state.write(folder + name, "x") }
        let mine = LockInfo(operation: "apply")
        try await state.backend.lock(mine)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder)) == Set(kept + ["state.json.lock"]))
        try await state.backend.unlock(id: mine.id)
    }
}

extension JSONDecoder {
    static func lockInfo(_ text: String) throws -> LockInfo {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(LockInfo.self, from: Data(text.utf8))
    }
}
