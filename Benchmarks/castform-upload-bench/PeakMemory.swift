import Foundation

/// The process's peak resident set size, as the kernel counts it.
enum PeakMemory {
    /// `VmHWM` from /proc/self/status, in KiB; `nil` off Linux.
    static func highWaterMarkKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }
}
