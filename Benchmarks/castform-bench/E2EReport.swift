// The e2e benchmark's table: one row per phase, with what the kernel counted for castform
// (or the bare client) and what the emulator used meanwhile.
import BenchSupport
import Foundation

struct E2ERow {
    var name: String
    var walls: [Double] = []
    var cpus: [Double] = []
    var peaks: [Double] = []
    var emulatorCPUs: [Double] = []
    var requests: Int?
}

struct E2EReport {
    private(set) var rows: [E2ERow] = []

    /// Adds one run's figures to the row `name` (created on first use).
    mutating func add(_ name: String, wall: Double, usage: ChildProcess.Usage?, emulatorCPU: Double?, requests: Int? = nil) {
        if !rows.contains(where: { $0.name == name }) { rows.append(E2ERow(name: name)) }
        let index = rows.firstIndex { $0.name == name }!
        rows[index].walls.append(wall)
        if let usage {
            rows[index].cpus.append(usage.cpuSeconds)
            rows[index].peaks.append(usage.peakMiB)
        }
        if let emulatorCPU { rows[index].emulatorCPUs.append(emulatorCPU) }
        if let requests { rows[index].requests = requests }
    }

    mutating func setRequests(_ name: String, _ requests: Int) {
        if let index = rows.firstIndex(where: { $0.name == name }) { rows[index].requests = requests }
    }

    func print(_ title: String) {
        Swift.print(title)
        let width = max(30, rows.map(\.name.count).max() ?? 0)
        Swift.print("  " + "phase".padding(toLength: width, withPad: " ", startingAt: 0)
            + "  wall median (min)    CPU s  peak MiB  emulator CPU s  requests  runs")
        for row in rows {
            let name = row.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let wall = String(format: "%7.2f (%6.2f)", median(row.walls), row.walls.min() ?? 0)
            let cpu = row.cpus.isEmpty ? "      -" : String(format: "%7.2f", median(row.cpus))
            let peak = row.peaks.isEmpty ? "       -" : String(format: "%8.0f", row.peaks.max()!)
            let emulator = row.emulatorCPUs.isEmpty ? "             -" : String(format: "%14.2f", median(row.emulatorCPUs))
            let requests = row.requests.map { String(format: "%8d", $0) } ?? "       -"
            Swift.print("  \(name)  \(wall)  \(cpu)  \(peak)  \(emulator)  \(requests)  \(row.walls.count)")
        }
    }
}
