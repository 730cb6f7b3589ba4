import CastformTestSupport
import Foundation

/// A workspace in a temporary directory driven through the `castform-testbed` binary, whose
/// fake service keeps its objects in a file of the workspace (so separate processes, and
/// processes killed midway, share one "remote").
struct Testbed: Sendable {
    let directory: TemporaryDirectory
    let binary = ProcessRunner.testbedBinary()
    var environment: [String: String]

    init(_ manifests: String) throws {
        directory = try TemporaryDirectory("castform-e2e")
        try directory.write("main.yaml", manifests)
        environment = [
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path,
            "CASTFORM_FAKE_STORE": directory.path + "/.fake-service.json",
        ]
    }

    func castform(_ arguments: [String], extra: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(binary, arguments, environment: environment.merging(extra) { $1 }, directory: directory.path)
    }

    func write(_ manifests: String) throws {
        try directory.write("main.yaml", manifests)
    }

    /// The fake service's objects.
    var remoteObjects: [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: directory.path + "/.fake-service.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let objects = json["objects"] as? [String: [String: Any]] else { return [] }
        return Array(objects.values)
    }

    var remoteNames: [String] {
        remoteObjects.compactMap { ($0["attributes"] as? [String: Any])?["name"] as? String }.sorted()
    }

    func file(_ relative: String) -> Data {
        FileManager.default.contents(atPath: directory.path + "/" + relative) ?? Data()
    }
}
