// Command-line options shared by the benchmark modes, parsed by hand (the benchmark stays
// free of the argument parser so it builds quickly).
import Foundation

struct Options {
    // validate
    var cloudcasts = 10_000
    var streams = 1_000
    // plan, apply
    var resources = [2_000, 10_000]
    var parallelism = 4
    /// Where `apply` writes state.json and plan JSON of its last run, for comparing engines.
    var dump: String?
    var runs = 5
    // e2e
    var latency = 50
    var skipSandbox = false
    var skipPerObject = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--cloudcasts": cloudcasts = Int(iterator.next() ?? "") ?? cloudcasts
            case "--streams": streams = Int(iterator.next() ?? "") ?? streams
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--resources":
                let list = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
                if !list.isEmpty { resources = list }
            case "--parallelism": parallelism = Int(iterator.next() ?? "") ?? parallelism
            case "--dump": dump = iterator.next()
            case "--latency": latency = Int(iterator.next() ?? "") ?? latency
            case "--skip-sandbox": skipSandbox = true
            case "--skip-per-object": skipPerObject = true
            default:
                print("unknown option \(argument)")
                exit(2)
            }
        }
    }
}
