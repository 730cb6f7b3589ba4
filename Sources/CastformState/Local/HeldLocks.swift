/// The lock files this process holds, open, by state path and lock id.
///
/// A `flock` lasts as long as its file descriptor stays open, so the descriptor taken by
/// `lock` has to outlive the call, until `unlock` closes it. `LocalBackend` is a value that
/// commands and tests make afresh, so the descriptors live here, shared by the process; an
/// actor, so the compiler checks every access.
actor HeldLocks {
    static let shared = HeldLocks()

    struct Key: Hashable {
        var path: String
        var id: String
    }

    private var descriptors: [Key: Int32] = [:]

    func hold(_ descriptor: Int32, path: String, id: String) {
        descriptors[Key(path: path, id: id)] = descriptor
    }

    /// The descriptor of a lock this process holds, no longer recorded here: the caller closes it.
    func take(path: String, id: String) -> Int32? {
        descriptors.removeValue(forKey: Key(path: path, id: id))
    }
}
