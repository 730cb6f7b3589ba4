import CastformTestSupport
import Foundation

/// One phase of the chaos run: `kills` runs of apply (or destroy) each SIGKILLed at a random
/// instant, then runs without kills, faults still on, until castform says it is done; then
/// the census of what the services hold against what state says.
enum ChaosPhase: String {
    case apply, destroy

    /// Runs after the kills before the phase counts as not converging.
    static let maxRuns = 12

    static func run(_ phase: ChaosPhase, kills: Int, workspace: ChaosWorkspace, emulator: EmulatorProcess,
                    random: inout SeededRandom, verbose: Bool = false) async throws -> ChaosRow {
        let started = ContinuousClock.now
        var row = ChaosRow(phase: phase.rawValue, objects: workspace.declared.count, kills: kills)
        let command = [phase.rawValue, "--auto-approve", "--parallelism", "8"]
        for round in 0..<kills {
            if phase == .apply { try workspace.reveal(fraction: Double(round + 1) / Double(kills + 1)) }
            let process = try workspace.start(command)
            let moment = KillMoment.draw(using: &random)
            let killed = try await moment.kill(process, workspace: workspace)
            if killed { row.killedMidRun += 1 }
            if verbose { print("  \(phase) round \(round + 1): \(killed ? "killed \(moment)" : "exited \(process.terminationStatus) before it was killed \(moment)"): \(workspace.lastLines(2))") }
        }
        if phase == .apply { try workspace.reveal(fraction: 1) }
        for attempt in 1...maxRuns {
            row.runsToConverge = attempt
            let result = try workspace.run(command)
            if verbose { print("  \(phase) run \(attempt): exit \(result.status): \((result.stdout + result.stderr).split(separator: "\n").suffix(2).joined(separator: " / "))") }
            if result.status == 0, try phase.isDone(workspace) {
                row.converged = true
                break
            }
            row.userDecisions += try await Settle.undecided(result.stdout + result.stderr, workspace: workspace, emulator: emulator)
        }
        let census = Census(inventory: try await emulator.inventory(), state: try workspace.stateIDs(), declared: workspace.declared)
        (row.duplicates, row.lost, row.leftBehind) = phase == .apply ? census.afterApply() : census.afterDestroy()
        row.seconds = Double((ContinuousClock.now - started).components.seconds)
        return row
    }

    /// Apply is done when a plan finds nothing to change; destroy when state is empty.
    func isDone(_ workspace: ChaosWorkspace) throws -> Bool {
        switch self {
        case .apply: return try workspace.run(["plan", "--detailed-exitcode"]).status == 0
        case .destroy: return try workspace.stateIDs().isEmpty
        }
    }

}

/// When a run is killed: most of the time a random moment after its first operation started
/// (an upload in flight, a create whose answer is on its way), otherwise a random moment after
/// it started (during loading, planning or recovery).
struct KillMoment: CustomStringConvertible {
    var afterFirstOperation: Bool
    var milliseconds: Int

    static func draw(using random: inout SeededRandom) -> KillMoment {
        let afterFirstOperation = Int.random(in: 0..<5, using: &random) > 0
        return KillMoment(afterFirstOperation: afterFirstOperation,
                          milliseconds: Int.random(in: afterFirstOperation ? 0...800 : 50...1500, using: &random))
    }

    var description: String {
        "\(milliseconds) ms after \(afterFirstOperation ? "its first operation began" : "it started")"
    }

    /// SIGKILLs the process at this moment; false when it ended first.
    func kill(_ process: Process, workspace: ChaosWorkspace) async throws -> Bool {
        if afterFirstOperation {
            let limit = ContinuousClock.now + .seconds(120)
            while process.isRunning, ContinuousClock.now < limit, !workspace.runHasBegunOperations {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
        let deadline = ContinuousClock.now + .milliseconds(milliseconds)
        while process.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        guard process.isRunning else { return false }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return true
    }
}

/// What a user does when castform stops because it cannot tell whether an interrupted create
/// happened: look at the service, then adopt the object (`castform import`) or let castform
/// create it again (`castform state rm`), as the message says.
enum Settle {
    static func undecided(_ output: String, workspace: ChaosWorkspace, emulator: EmulatorProcess) async throws -> Int {
        let addresses = output.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: ": castform cannot tell whether its interrupted") else { return nil }
            return String(line[..<range.lowerBound]).split(separator: " ").last.map(String.init)
        }
        guard !addresses.isEmpty else { return 0 }
        let inventory = try await emulator.inventory()
        let held = Set(try workspace.stateIDs().values.compactMap { $0 })
        for address in Set(addresses) {
            guard let object = workspace.declared.first(where: { $0.address == address }) else { continue }
            let found = inventory.first { Census.matches(object, $0) && !held.contains($0.id) }
            let step = found.map { ["import", address, $0.id] } ?? ["state", "rm", address]
            let result = try workspace.run(step)
            print("  user decision: castform \(step.joined(separator: " ")) → exit \(result.status)")
        }
        return Set(addresses).count
    }
}
