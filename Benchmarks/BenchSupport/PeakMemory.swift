import Foundation

/// Memory and CPU figures the kernel keeps for a process, read from /proc (Linux).
public enum PeakMemory {
    /// `VmHWM` (peak resident set) of this process, in KiB; `nil` off Linux.
    public static func highWaterMarkKiB() -> Int? {
        field("VmHWM:", of: "self")
    }

    /// A running process's peak resident set in MiB (`VmHWM`).
    public static func peakMiB(of pid: pid_t) -> Double? {
        field("VmHWM:", of: String(pid)).map { Double($0) / 1024 }
    }

    /// User plus system CPU seconds a running process has used so far (/proc/PID/stat).
    public static func cpuSeconds(of pid: pid_t) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // After "pid (comm)": state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func field(_ name: String, of process: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/status", encoding: .utf8) else { return nil }
        let line = status.split(separator: "\n").first { $0.hasPrefix(name) }
        return line.flatMap { Int($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
    }
}
