// castform-bench: speed figures that tests must not assert (shared, noisy machines).
//
//   swift run -c release castform-bench validate [--cloudcasts N] [--streams N] [--runs N]
//   swift run -c release castform-bench plan  [--resources 2000,10000] [--runs N]
//   swift run -c release castform-bench apply [--resources 2000,10000] [--runs N] [--parallelism N] [--dump DIR]
//   swift run -c release castform-bench journal [--resources 1000] [--runs N] [--parallelism N]
//   swift build -c release --product castform && swift run -c release castform-bench e2e \
//       [--resources 1000,10000] [--runs N] [--latency 50] [--skip-sandbox] [--skip-per-object]
//
// Each mode generates a workspace in a temporary directory and times the work of the command
// of the same name in process, printing min and median over the runs: `validate` loads and
// validates Mixcloud and Livepeer manifests; `plan` and `apply` run the engine (loader,
// planner, executor, local state backend) against the fake provider of CastformTestSupport,
// so no network is involved. `--dump DIR` keeps apply's state files and churn plan, to check
// that an engine change leaves them the same. `journal` applies N Mixcloud shows to the
// emulator with the local backend and with PostgreSQL (CASTFORM_BENCH_PG_URL or
// CASTFORM_TEST_PG_URL) and prints each backend's cost per recorded operation. `e2e` runs the
// castform binary against `castform emulator` as users do (E2EBench.swift; docs/performance.md).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? ""
if mode == "bare-fetch" {
    try await BareFetch.run(Array(arguments.dropFirst()))
    exit(0)
}
var options = Options(Array(arguments.dropFirst()))
if !arguments.contains("--runs"), mode != "validate" { options.runs = 3 }
if !arguments.contains("--resources"), mode == "journal" { options.resources = [1_000] }
if !arguments.contains("--resources"), mode == "e2e" { options.resources = [1_000, 10_000] }
switch mode {
case "validate": try runValidate(options)
case "plan": try await runPlan(options)
case "apply": try await runApply(options)
case "journal": try await runJournal(options)
case "e2e": try await runE2E(options)
default:
    print("usage: castform-bench validate|plan|apply|journal|e2e [options] (see Benchmarks/castform-bench/main.swift)")
    exit(2)
}
