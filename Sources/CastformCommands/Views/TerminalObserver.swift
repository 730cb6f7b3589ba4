import CastformCore
import CastformExecution
import CastformRendering
import Foundation
import Synchronization

/// Apply progress for people: a line when each operation starts and ends (with elapsed time),
/// and for uploads a bar with bytes, rate and ETA — redrawn in place on a terminal, printed
/// every quarter in CI logs.
final class TerminalObserver: ExecutionObserver, Sendable {
    /// Where each upload is, for its rate and its quarter lines. The mutex also keeps one
    /// event's lines together when operations run side by side.
    private struct Uploads {
        var starts: [ResourceAddress: ContinuousClock.Instant] = [:]
        var lastQuarter: [ResourceAddress: Int64] = [:]
    }

    private let style: TerminalStyle
    private let isTerminal: Bool
    private let uploads = Mutex(Uploads())

    init(style: TerminalStyle, isTerminal: Bool) {
        self.style = style
        self.isTerminal = isTerminal
    }

    func handle(_ event: ExecutionEvent) {
        uploads.withLock { uploads in show(event, &uploads) }
    }

    private func show(_ event: ExecutionEvent, _ uploads: inout Uploads) {
        switch event {
        case .started(let address, let action):
            Console.out("\(address): \(Self.verb(action, .started))...\n")
        case .progress(let address, let progress):
            showProgress(address, progress, &uploads)
        case .finished(let address, let action, let elapsed, let id):
            if isTerminal, uploads.starts[address] != nil { Console.out("\r\u{1B}[K") }
            let suffix = id.map { " [id=\($0)]" } ?? ""
            Console.out(style.green("\(address): \(Self.verb(action, .finished)) after \(Self.seconds(elapsed))") + suffix + "\n")
        case .failed(let address, let action, let diagnostics):
            if isTerminal, uploads.starts[address] != nil { Console.out("\r\u{1B}[K") }
            Console.out(style.red("\(address): \(Self.verb(action, .failed))") + "\n")
            for diagnostic in diagnostics where diagnostic.severity == .error {
                Console.out("  \(diagnostic.message)\n")
            }
        case .skipped(let address, _, let cause):
            Console.out(style.yellow("\(address): skipped, because \(cause) failed") + "\n")
        case .stopping:
            Console.out(style.yellow("Stopping: no new operations will start.") + "\n")
        }
    }

    private func showProgress(_ address: ResourceAddress, _ progress: TransferProgress, _ uploads: inout Uploads) {
        let now = ContinuousClock.now
        let start = uploads.starts[address] ?? now
        uploads.starts[address] = start
        let elapsed = Self.secondsValue(now - start)
        let rate = elapsed > 0 ? Double(progress.completed) / elapsed : 0
        let fraction = progress.total > 0 ? Double(progress.completed) / Double(progress.total) : 0
        let remaining = rate > 0 ? Double(progress.total - progress.completed) / rate : 0
        let line = "\(address): uploading \(Self.bar(fraction)) \(Int(fraction * 100))% "
            + "\(Self.bytes(progress.completed)) of \(Self.bytes(progress.total)), \(Self.bytes(Int64(rate)))/s, ETA \(Int(remaining.rounded()))s"
        if isTerminal {
            Console.out("\r\u{1B}[K" + line)
        } else {
            let quarter = progress.total > 0 ? progress.completed * 4 / progress.total : 0
            if quarter != uploads.lastQuarter[address] {
                uploads.lastQuarter[address] = quarter
                Console.out(line + "\n")
            }
        }
    }

    enum Phase { case started, finished, failed }

    static func verb(_ action: StepAction, _ phase: Phase) -> String {
        let (started, finished, failed): (String, String, String)
        switch action {
        case .create: (started, finished, failed) = ("Creating", "Creation complete", "Creation failed")
        case .update: (started, finished, failed) = ("Modifying", "Modifications complete", "Modification failed")
        case .read: (started, finished, failed) = ("Reading", "Read complete", "Read failed")
        case .delete, .deleteDeposed: (started, finished, failed) = ("Destroying", "Destruction complete", "Destruction failed")
        case .adopt: (started, finished, failed) = ("Adopting", "Adopted", "Adoption failed")
        case .forget, .forgetDeposed: (started, finished, failed) = ("Forgetting", "Forgotten", "Forgetting failed")
        case .move(let from): (started, finished, failed) = ("Moving from \(from)", "Moved from \(from)", "Move from \(from) failed")
        }
        switch phase {
        case .started: return started
        case .finished: return finished
        case .failed: return failed
        }
    }

    static func secondsValue(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.1fs", secondsValue(duration))
    }

    static func bar(_ fraction: Double) -> String {
        let filled = Int((fraction * 20).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled) + "]"
    }

    static func bytes(_ count: Int64) -> String {
        let value = Double(count)
        if value >= 1_000_000_000 { return String(format: "%.1f GB", value / 1e9) }
        if value >= 1_000_000 { return String(format: "%.1f MB", value / 1e6) }
        if value >= 1_000 { return String(format: "%.1f kB", value / 1e3) }
        return "\(count) B"
    }
}
