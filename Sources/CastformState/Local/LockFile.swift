import Foundation

/// The local state lock: an exclusive `flock(2)` on `state.json.lock`, whose contents say who
/// holds it.
///
/// The kernel keeps the lock for the open file and drops it when the process holding it
/// exits, however it exits (SIGKILL included), so a dead holder never blocks anyone and no
/// one has to judge whether a holder is dead and delete its lock. That judgement was the old
/// design's race: two castforms that both found a dead holder's lock could each delete it,
/// the second deleting the lock the first had just taken, and both applied.
struct LockFile {
    let path: String

    /// How long a second castform waits for a holder that has the lock but has not written
    /// who it is yet, before saying so.
    static let detailsWait = Duration.seconds(2)
    static let detailsPoll = Duration.milliseconds(50)
    /// This host's name, asked once (it can cost a resolver lookup).
    static let hostName = ProcessInfo.processInfo.hostName

    private enum Attempt {
        case taken(Int32)
        case held
    }

    /// Takes the lock and writes `info` into it, or throws `StateError.locked` with the holder.
    func acquire(_ info: LockInfo) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + Self.detailsWait
        while true {
            if case .taken(let descriptor) = try attempt() {
                do {
                    try write(info, to: descriptor)
                } catch {
                    release(descriptor)
                    throw error
                }
                await HeldLocks.shared.hold(descriptor, path: path, id: info.id)
                return
            }
            if let holder = readHolder(), !holder.namesDeadProcessOfThisHost { throw StateError.locked(holder) }
            // Held, but the file names no live holder: its holder is still writing its details
            // over what a dead holder (or an older castform) left.
            guard clock.now < deadline else { throw StateError.lockBeingTaken(path: path) }
            try await clock.sleep(for: Self.detailsPoll)
        }
    }

    /// Releases a lock this process took.
    func release(id: String) async throws {
        guard let descriptor = await HeldLocks.shared.take(path: path, id: id) else { throw StateError.lockNotFound(id: id) }
        release(descriptor)
    }

    /// Removes a lock whose holder is gone, as Terraform's local backend does: a lock file no
    /// process holds. One whose holder still runs is refused, with who that is; a lock this
    /// process holds is simply released.
    func forceRelease(id: String) async throws {
        if let descriptor = await HeldLocks.shared.take(path: path, id: id) {
            release(descriptor)
            return
        }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw StateError.lockNotFound(id: id) }
            throw failure(errno)
        }
        guard let holder = readHolder(), holder.id == id else {
            close(descriptor)
            throw StateError.lockNotFound(id: id)
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            close(descriptor)
            throw error == EWOULDBLOCK ? StateError.lockHolderRunning(holder) : failure(error)
        }
        release(descriptor)
    }

    /// Who the lock file says holds the lock; nil while it is empty or half written.
    func readHolder() -> LockInfo? {
        FileManager.default.contents(atPath: path).flatMap { try? StateCoding.decoder.decode(LockInfo.self, from: $0) }
    }

    /// Opens the lock file and tries to lock it, without waiting.
    private func attempt() throws -> Attempt {
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw failure(errno) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let error = errno
                close(descriptor)
                if error == EINTR { continue }
                if error == EWOULDBLOCK { return .held }
                throw failure(error)
            }
            // The holder before may have removed the file between our open and our flock: then
            // this lock is on a file no longer at the path, one the next castform would not
            // see. Start again with the file that is there.
            if isAtPath(descriptor) { return .taken(descriptor) }
            close(descriptor)
        }
        throw StateError.unwritable(path: path, reason: "the lock file keeps being replaced")
    }

    private func write(_ info: LockInfo, to descriptor: Int32) throws {
        guard ftruncate(descriptor, 0) == 0 else { throw failure(errno) }
        try DurableFile.writeAll(descriptor, try StateCoding.encoder.encode(info), path: path)
        guard fsync(descriptor) == 0 else { throw failure(errno) }
    }

    /// Removes the lock file while still holding it, so that no one can have taken it in
    /// between, then lets go.
    private func release(_ descriptor: Int32) {
        if isAtPath(descriptor) { unlink(path) }
        close(descriptor)
    }

    /// Whether the path still names the file open as `descriptor`.
    private func isAtPath(_ descriptor: Int32) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, stat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    private func failure(_ error: Int32) -> StateError {
        StateError.unwritable(path: path, reason: String(cString: strerror(error)))
    }
}

extension LockInfo {
    /// Whether this names a process of this host that no longer runs. In a lock file that is
    /// held, such details are a dead holder's, not yet written over by the live one.
    var namesDeadProcessOfThisHost: Bool {
        host == LockFile.hostName && !StrayFiles.isRunning(pid)
    }
}
