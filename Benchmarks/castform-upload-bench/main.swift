// castform-upload-bench: streams a large file through CastformHTTP's multipart uploader and
// through `curl -F` to castform's Mixcloud emulator (which streams it to disk and checks it as
// Mixcloud does), and prints throughput and peak memory of each.
//
//   swift run -c release castform-upload-bench [--size-mib 1024] [--runs 3] [--file PATH] [--sparse]
//
// Each side runs in a process of its own (this binary's `upload` mode, and curl), and the
// emulator in a third (`serve` mode), so a process's peak RSS is its own: for castform
// the VmHWM it reads from /proc/self/status, for both the ru_maxrss that wait4 reports.
// Targets (issue 4): castform's peak RSS under 64 MiB, throughput at least 80% of curl's.
//
// `castform-upload-bench store` measures the emulators' store instead: reload time of a data
// directory with 11,000 objects and the cost of one create in an empty and a full store
// (issue 16; see StoreBench.swift).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "serve":
    try await EmulatorServerProcess.run()
case "store":
    try await StoreBench.run(Array(arguments.dropFirst()))
case "upload":
    guard arguments.count == 3 else { fatalError("usage: castform-upload-bench upload URL FILE") }
    try await Uploader.run(url: arguments[1], file: arguments[2])
default:
    try await Comparison(BenchOptions(arguments)).run()
}
