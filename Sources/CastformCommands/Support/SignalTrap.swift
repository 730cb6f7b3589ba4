import CastformExecution
import Dispatch
import Foundation

/// SIGINT and SIGTERM during an apply: the first stops new work, gives operations in flight
/// half a second to finish, then cancels them (an upload stops, and what castform knows of it
/// is recorded) and saves state; a second exits at once — the journal already holds every
/// completed operation.
// @unchecked: `sources` is set once, in `init`, and only kept alive afterwards;
// DispatchSourceSignal is not Sendable, though its handlers run on their own queue.
final class SignalTrap: @unchecked Sendable {
    let flag = CancellationFlag()
    private var sources: [DispatchSourceSignal] = []

    init(quiet: Bool = false) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [flag] in
                if flag.isSet {
                    Console.err("\nSecond interrupt: exiting now. State holds every completed operation.\n")
                    exit(130)
                }
                flag.set()
                if !quiet {
                    Console.err("\nInterrupt received: stopping operations in flight, then saving state. Interrupt again to exit at once.\n")
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
