import CastformRendering
import Foundation

/// Where commands write: stdout for results, stderr for diagnostics and progress.
enum Console {
    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    static func err(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes everything, retrying short writes. When the reader has gone (`castform output |
    /// head`), castform stops quietly, with the status a process killed by SIGPIPE would have,
    /// instead of trapping in Foundation.
    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { exit(141) }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var stdinIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static func style(forStderr: Bool = false) -> TerminalStyle {
        TerminalStyle.detect(isTerminal: forStderr ? stderrIsTerminal : stdoutIsTerminal, environment: ProcessInfo.processInfo.environment)
    }

    /// An error message in castform's form, on stderr.
    static func error(_ message: String) {
        let style = style(forStderr: true)
        err(style.red(style.bold("error:")) + " " + message + "\n")
    }

    /// A warning in castform's form, on stderr.
    static func warning(_ message: String) {
        let style = style(forStderr: true)
        err(style.yellow(style.bold("warning:")) + " " + message + "\n")
    }
}
