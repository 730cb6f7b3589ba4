/// Waits (in real time, up to `timeout`) until `condition` holds, for effects that cross a
/// network hop after a manual clock is advanced. Returns whether it ever held.
func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return condition()
}
