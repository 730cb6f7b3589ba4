// What the benchmarks share: child processes whose CPU time and peak memory the kernel
// reports, and the figures of a process that is still running (an emulator serving a run).
import Foundation

/// A child process started with posix_spawn, its standard output on a pipe, and waited for
/// with wait4 so that its own peak RSS (ru_maxrss) is known. Foundation's `Process` reaps its
/// children itself and reports no resource usage, hence this.
public final class ChildProcess {
    public let pid: pid_t
    private let output: FileHandle

    /// Starts `executable` (looked up on PATH) with `arguments`. `environment` entries are
    /// added to this process's; standard error goes to `standardError` (a file, truncated)
    /// or is inherited.
    public init(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                standardError: String? = nil) throws {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        if let standardError {
            posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        close(pipe[1])
        guard status == 0 else {
            close(pipe[0])
            throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOENT)
        }
        self.pid = pid
        self.output = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true)
    }

    /// The next line the child prints, or `nil` at end of output.
    public func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            let byte = output.readData(ofLength: 1)
            guard let first = byte.first else { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }

    /// What the kernel counted for the child: peak RSS, CPU time, minor page faults.
    public struct Usage: Sendable {
        public var peakKiB: Int
        public var cpuSeconds: Double
        public var minorFaults: Int
        public var peakMiB: Double { Double(peakKiB) / 1024 }
    }

    /// Reads the rest of the output, waits for exit, and returns the output, the exit status
    /// and the child's resource usage.
    public func finish() -> (output: String, status: Int32, usage: Usage) {
        let rest = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return (rest, exit, Usage(peakKiB: Int(usage.ru_maxrss), cpuSeconds: cpu, minorFaults: Int(usage.ru_minflt)))
    }

    public func terminate() {
        kill(pid, SIGTERM)
        _ = finish()
    }
}
