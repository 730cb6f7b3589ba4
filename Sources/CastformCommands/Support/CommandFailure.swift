import ArgumentParser
import CastformPlanning
import CastformState

/// Prints an error from the libraries in castform's words and returns the exit code 1.
func failure(_ error: Error) -> ExitCode {
    switch error {
    case let error as StateError: Console.error(error.message)
    case let error as PlanFileError: Console.error(error.message)
    case let error as ExitCode: return error
    case let error as CommandError: Console.error(error.message)
    default: Console.error("\(error)")
    }
    return .failure
}

/// A problem a command found itself, in words for the user.
struct CommandError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
