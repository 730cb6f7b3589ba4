// castform-chaos: castform under SIGKILLs and injected faults, against `castform emulator`
// over real HTTP, counting what users fear most: a show uploaded twice (Mixcloud cannot delete
// it) and work done but lost from state.
//
//   .build/debug/castform-chaos                                  # the short form (CI): 100 objects, 10 kills
//   swift run -c release castform-chaos --objects 1000 --kills 100 --destroy-kills 30
//
// Options: --objects N (default 100), --kills N (during apply, default 10), --destroy-kills N
// (default kills / 2), --fault-rate F (default 0.1; faults drop, 500, 503, 429, 403 in turn),
// --seed N, --binary PATH (default: the castform built beside this program), --keep (leave
// the workspace for a look), --verbose (each killed run's last lines). Exits 1 when anything was duplicated or lost, or a phase did not
// converge.
import Foundation

let options = ChaosOptions(Array(CommandLine.arguments.dropFirst()))
exit(try await runChaos(options) ? 0 : 1)

/// Both phases, with the table; whether everything held.
func runChaos(_ options: ChaosOptions) async throws -> Bool {
    var random = SeededRandom(seed: options.seed)
    let emulator = try await EmulatorProcess.start(binary: options.binary, faultRate: options.faultRate, seed: options.seed)
    defer { emulator.stop() }
    let workspace = try ChaosWorkspace(objects: options.objects, binary: options.binary, emulator: emulator)
    defer { if options.keep { print("workspace kept at \(workspace.path)") } else { workspace.remove() } }
    print("castform-chaos: \(workspace.declared.count) objects (\(workspace.summary)), fault rate \(options.faultRate), seed \(options.seed)")
    var rows: [ChaosRow] = []
    rows.append(try await ChaosPhase.run(.apply, kills: options.kills, workspace: workspace, emulator: emulator, random: &random, verbose: options.verbose))
    rows.append(try await ChaosPhase.run(.destroy, kills: options.destroyKillCount, workspace: workspace, emulator: emulator, random: &random, verbose: options.verbose))
    print(ChaosRow.table(rows))
    let passed = rows.allSatisfy(\.passed)
    print(passed ? "castform-chaos: passed: no duplicate, no lost state entry, every phase converged" : "castform-chaos: FAILED")
    return passed
}
