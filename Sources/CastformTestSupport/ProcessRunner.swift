import Foundation

/// What a finished program printed and how it exited.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program to completion, capturing its output: how end-to-end tests run `castform`.
public enum ProcessRunner {
    /// Output goes to temporary files rather than pipes, so a chatty program never blocks on a
    /// full pipe while the test waits for it.
    public static func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String]? = nil, directory: String? = nil
    ) throws -> ProcessResult {
        let scratch = try TemporaryDirectory("castform-run")
        defer { scratch.remove() }
        let outPath = try scratch.write("stdout", "")
        let errPath = try scratch.write("stderr", "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        )
    }

    /// `run` on a thread of its own, awaited: for a test whose emulator serves the program from
    /// this process. A blocking wait on Swift's pool, or on Dispatch's global queue (which the
    /// pool shares on Linux, as wide as the machine has cores), would take a thread the
    /// emulator needs to answer: on a 2-core CI machine, a few such waits deadlock the run.
    public static func runOnOwnThread(
        _ executable: String, _ arguments: [String],
        environment: [String: String]? = nil, directory: String? = nil
    ) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try run(executable, arguments, environment: environment, directory: directory)
                })
            }
        }
    }

    /// The built `castform` binary: `CASTFORM_BINARY`, or the build directory's products.
    public static func castformBinary() -> String {
        binary("castform", override: "CASTFORM_BINARY")
    }

    /// castform with the fake provider (Tests/castform-testbed).
    public static func testbedBinary() -> String {
        binary("castform-testbed", override: "CASTFORM_TESTBED_BINARY")
    }

    static func binary(_ name: String, override: String) -> String {
        if let explicit = ProcessInfo.processInfo.environment[override] { return explicit }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Starts a program without waiting, output to files: for tests that kill it midway.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String, output: String
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.standardInput = FileHandle.nullDevice
        FileManager.default.createFile(atPath: output, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }
}
