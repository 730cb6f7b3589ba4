// Wall-clock timing and the figures the benchmark prints: median and min over runs, and the
// process's peak resident set size.
import BenchSupport
import Foundation

/// Seconds taken by `body`, with its result.
func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Double) {
    let start = ContinuousClock.now
    let result = try await body()
    return (result, seconds(ContinuousClock.now - start))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Times per phase name over several runs, printed in the order phases were first seen.
struct PhaseTimes {
    private var order: [String] = []
    private var times: [String: [Double]] = [:]
    /// Phases reported in milliseconds (costs per operation), not seconds.
    private var inMilliseconds: Set<String> = []

    mutating func add(_ phase: String, _ seconds: Double) {
        if times[phase] == nil { order.append(phase) }
        times[phase, default: []].append(seconds)
    }

    /// A cost per operation: reported in milliseconds, where seconds would show 0.000.
    mutating func addPerOperation(_ phase: String, _ seconds: Double) {
        add(phase, seconds * 1000)
        inMilliseconds.insert(phase)
    }

    func report(_ title: String) {
        print(title)
        let width = order.map(\.count).max() ?? 0
        for phase in order {
            let values = times[phase]!
            let name = phase.padding(toLength: width, withPad: " ", startingAt: 0)
            let unit = inMilliseconds.contains(phase) ? "ms" : "s"
            print(String(format: "  %@  median %8.3f %@  min %8.3f %@  (%d runs)", name, median(values), unit, values.min()!, unit, values.count))
        }
    }
}

/// The process's peak resident set size (`VmHWM`), in MiB; nil off Linux.
func peakMemoryMiB() -> Double? {
    PeakMemory.highWaterMarkKiB().map { Double($0) / 1024 }
}

func printPeakMemory() {
    if let peak = peakMemoryMiB() { print(String(format: "peak RSS %.0f MiB (whole process)", peak)) }
}
