import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Channel API's documented limits — 10 requests a second, 100 a minute, 1,000 an hour,
/// 10,000 a day, per client — kept by castform itself, because the service answers a client
/// over them with refusals it may not explain.
///
/// The count outlives a run: the day's budget is spent by many runs (CI on every pull
/// request), so start times are kept in the workspace's `.castform/livestream-requests.json`,
/// read and written under an exclusive `flock` so concurrent runs share one count. Without a
/// file (no workspace) the count lives in memory. Times are wall-clock seconds: a monotonic
/// clock means nothing to the next process.
final class LivestreamBudget: Sendable {
    struct Window: Sendable {
        var count: Int
        var seconds: Double
        var name: String
    }

    static let documented = [
        Window(count: 10, seconds: 1, name: "Second"), Window(count: 100, seconds: 60, name: "Minute"),
        Window(count: 1000, seconds: 3600, name: "Hour"), Window(count: 10000, seconds: 86400, name: "Day"),
    ]

    /// What is kept: when each request of the last day started (or will), and until when the
    /// service asked for quiet (its X-Ratelimit headers said a window was spent).
    struct Ledger: Codable, Sendable {
        var starts: [Double] = []
        var pausedUntil: Double?
    }

    let file: String?
    let windows: [Window]
    private let memory = Mutex(Ledger())

    init(file: String?, windows: [Window] = LivestreamBudget.documented) {
        self.file = file
        self.windows = windows
    }

    private var day: Window { windows.max { $0.seconds < $1.seconds }! }

    /// Takes a start time for one request at or after `now`; returns how long to wait for it.
    /// Fails, taking nothing, when the longest window (the day) is spent: a wait of hours
    /// would hang CI, so the user hears when it frees instead.
    func reserve(now: Double) throws(LivestreamProblem) -> Double {
        try update { (ledger: inout Ledger) throws(LivestreamProblem) -> Double in
            ledger.starts.removeAll { $0 <= now - day.seconds }
            if let frees = frees(ledger.starts, day), frees > now {
                throw .dailyBudgetSpent(limit: day.count, resetIn: .seconds(frees - now))
            }
            var start = max(now, ledger.starts.last ?? now, ledger.pausedUntil ?? now)
            for window in windows {
                if let frees = frees(ledger.starts, window) { start = max(start, frees) }
            }
            ledger.starts.append(start)
            return start - now
        }
    }

    /// The day's budget before a run starts: spent, with when it frees, or fine.
    func check(now: Double) throws(LivestreamProblem) {
        try update { (ledger: inout Ledger) throws(LivestreamProblem) -> Void in
            ledger.starts.removeAll { $0 <= now - day.seconds }
            if let frees = frees(ledger.starts, day), frees > now {
                throw .dailyBudgetSpent(limit: day.count, resetIn: .seconds(frees - now))
            }
        }
    }

    /// The service said a window is spent until `until`: no request starts before then.
    func pause(until: Double) throws(LivestreamProblem) {
        try update { (ledger: inout Ledger) throws(LivestreamProblem) -> Void in
            ledger.pausedUntil = max(ledger.pausedUntil ?? until, until)
        }
    }

    /// When a window full of `starts` lets the next request go: when its oldest counted
    /// start leaves it. Nil when the window has room (`starts` is in order).
    private func frees(_ starts: [Double], _ window: Window) -> Double? {
        starts.count >= window.count ? starts[starts.count - window.count] + window.seconds : nil
    }

    /// Runs `body` on the ledger: in memory, or read from and written back to the file under
    /// an exclusive lock (in-process callers are serialised by the mutex first).
    private func update<T: Sendable>(_ body: (inout Ledger) throws(LivestreamProblem) -> T) throws(LivestreamProblem) -> T {
        try memory.withLock { (ledger) throws(LivestreamProblem) -> T in
            guard let file else { return try body(&ledger) }
            let descriptor = try lock(file + ".lock")
            defer { flock(descriptor, LOCK_UN); close(descriptor) }
            var stored = (try? Data(contentsOf: URL(fileURLWithPath: file))).flatMap { try? JSONDecoder().decode(Ledger.self, from: $0) } ?? Ledger()
            let result = try body(&stored)
            do {
                try JSONEncoder().encode(stored).write(to: URL(fileURLWithPath: file), options: .atomic)
            } catch {
                throw .budgetFile(path: file, detail: "\(error.localizedDescription)")
            }
            return result
        }
    }

    private func lock(_ path: String) throws(LivestreamProblem) -> Int32 {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw .budgetFile(path: path, detail: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX) == 0 else {
            let detail = String(cString: strerror(errno))
            close(descriptor)
            throw .budgetFile(path: path, detail: detail)
        }
        return descriptor
    }
}
