import CastformRendering
import Foundation

/// Where commands write: stdout for results, stderr for diagnostics and progress.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
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
}
