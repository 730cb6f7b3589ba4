/// The orchestrator's command-line options.
struct BenchOptions {
    var sizeMiB = 1024
    var runs = 3
    /// An existing file to upload instead of a generated one.
    var file: String?
    /// Generate a sparse file (reads as zeros without touching the disk) instead of random data.
    var sparse = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--size-mib": sizeMiB = Int(iterator.next() ?? "") ?? sizeMiB
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--file": file = iterator.next()
            case "--sparse": sparse = true
            default: print("ignoring unknown argument \(argument)")
            }
        }
    }
}
