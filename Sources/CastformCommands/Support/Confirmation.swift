import ArgumentParser
import Foundation

/// Asking for "yes" before a command changes something, as Terraform asks: only on a
/// terminal, and never with --input=false, where the command fails saying what to pass instead.
enum Confirmation {
    /// - Parameters:
    ///   - what: the command that needs the "yes" ("castform apply").
    ///   - instead: what to do where castform cannot ask ("pass --auto-approve").
    ///   - declined: what is said when the answer is not "yes".
    static func ask(_ prompt: String, what: String, instead: String, input: Bool, declined: String) throws {
        guard input else { throw CommandError("\(what) needs a \"yes\" and --input=false forbids asking: \(instead)") }
        guard Console.stdinIsTerminal else {
            throw CommandError("\(what) needs a \"yes\" and there is no terminal to ask on: \(instead)")
        }
        Console.out(prompt + "\n  Only 'yes' will be accepted: ")
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            Console.out("\n\(declined)\n")
            throw ExitCode.failure
        }
    }
}
