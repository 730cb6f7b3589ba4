import Crypto
import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// SideFX with the built binary: builds chosen by number in the sandbox, values used in a show,
/// a second plan unmoved by the download URL that changes on every read, the token cached in
/// the credentials file, and `castform run ... download`: the file's MD5 checked, a damaged
/// file deleted, a partial file resumed with Range.
@Suite struct SideFXEndToEndTests {
    static let manifest = """
        data:
          sidefx_build:
            houdini: {product: houdini, version: "20.5", platform: linux_x86_64_gcc11.2}
            production:
              product: houdini
              version: "20.5"
              platform: linux_x86_64_gcc11.2
              only_production: true
          sidefx_call:
            changes: {function: changelog.get_latest_changelog_entries, kwargs: {version: "20.5"}}

        mixcloud_cloudcast:
          notes:
            title: "Rendered with Houdini ${data.sidefx_build.houdini.version}.${data.sidefx_build.houdini.build}"
            description: "${data.sidefx_call.changes.result[0].title}"
            audio: show.mp3
        """

    struct Workspace {
        let directory: TemporaryDirectory
        var environment: [String: String]

        init(settings: String = "") throws {
            directory = try TemporaryDirectory("castform-sidefx")
            _ = try directory.write("builds.yaml", SideFXEndToEndTests.manifest)
            if !settings.isEmpty { _ = try directory.write("castform.yaml", settings) }
            let audio = MixcloudWorkspace.repositoryRoot + "/examples/weekly-show/audio/deep-sessions-41.mp3"
            _ = try directory.write("show.mp3", try Data(contentsOf: URL(fileURLWithPath: audio)))
            environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path,
                           "CASTFORM_CREDENTIALS": directory.path + "/credentials.json"]
        }

        /// Run on a thread of its own, awaited (`ProcessRunner.runOnOwnThread`): the emulator
        /// this process serves the program from needs the pool a blocking wait would take.
        func castform(_ arguments: String...) async throws -> ProcessResult {
            try await ProcessRunner.runOnOwnThread(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory.path)
        }

        func md5(_ path: String) throws -> String {
            Insecure.MD5.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
        }
    }

    @Test func buildsFeedAShowInTheSandboxAndTheDownloadHasTheirMD5() async throws {
        let workspace = try Workspace()
        defer { workspace.directory.remove() }
        let plan = try await workspace.castform("plan", "--sandbox")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        // 1000 is newer than 987, though "987" sorts after "1000" as text; 1001 is a bad build.
        #expect(plan.stdout.contains("\"Rendered with Houdini 20.5.1000\""), "\(plan.stdout)")
        #expect(plan.stdout.contains("\"Faster USD import\""), "\(plan.stdout)")
        #expect(try await workspace.castform("apply", "--sandbox", "--auto-approve").status == 0)
        // The signed URL differs on every read; the plan has nothing to change.
        #expect(try await workspace.castform("plan", "--sandbox", "--detailed-exitcode").status == 0)
        #expect(try await workspace.castform("output", "--sandbox", "-raw", "data.sidefx_build.production.build").stdout == "987")
        let hash = try await workspace.castform("output", "--sandbox", "-raw", "data.sidefx_build.houdini.hash").stdout
        #expect(hash.count == 32, "\(hash)")

        let download = try await workspace.castform("run", "--sandbox", "data.sidefx_build.houdini", "download", "--to", "dl")
        #expect(download.status == 0, "\(download.stdout)\(download.stderr)")
        let file = workspace.directory.path + "/dl/houdini-20.5.1000-linux_x86_64_gcc11.2.tar.gz"
        #expect(try workspace.md5(file) == hash)
        // One token, cached for the sandbox whatever its port, and never printed.
        let credentials = try String(contentsOfFile: workspace.directory.path + "/credentials.json", encoding: .utf8)
        #expect(credentials.components(separatedBy: "sidefx-token@").count == 2, "\(credentials)")
        #expect(!download.stdout.contains("sfx1.") && !plan.stdout.contains("sfx1."))
    }

    /// Against `castform emulator`, whose admin routes can damage a download: a damaged file
    /// is refused and deleted; a partial one is completed with a Range request.
    @Test func aDamagedDownloadIsDeletedAndAPartialOneIsResumed() async throws {
        let emulator = try await EmulatorCommand.start(binary: ProcessRunner.castformBinary(), services: ["sidefx"])
        defer { emulator.stop() }
        let url = try #require(emulator.urls["sidefx"])
        var workspace = try Workspace(settings: "providers:\n  sidefx: {endpoint: \"\(url)\"}\n")
        defer { workspace.directory.remove() }
        workspace.environment["SIDEFX_CLIENT_ID"] = "castform-sandbox"
        workspace.environment["SIDEFX_CLIENT_SECRET"] = "sandbox-secret-key"
        _ = try workspace.directory.write("builds.yaml", "data:\n  sidefx_build:\n    houdini: {product: houdini, version: \"20.5\", only_production: true}\n")
        let applied = try await ProcessRunner.runOnOwnThread(ProcessRunner.castformBinary(), ["apply", "--auto-approve"],
                                                             environment: workspace.environment, directory: workspace.directory.path)
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        let hash = try await workspace.castform("output", "-raw", "data.sidefx_build.houdini.hash").stdout

        try await Self.post(url + "/_castform/sidefx/corrupt")
        let damaged = try await workspace.castform("run", "data.sidefx_build.houdini", "download", "--to", "dl")
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("is damaged: its MD5 is") && damaged.stderr.contains("the file was deleted"), "\(damaged.stderr)")
        let file = workspace.directory.path + "/dl/houdini-20.5.987-linux_x86_64_gcc11.2.tar.gz"
        #expect(!FileManager.default.fileExists(atPath: file))

        #expect(try await workspace.castform("run", "data.sidefx_build.houdini", "download", "--to", "whole").status == 0)
        let whole = try Data(contentsOf: URL(fileURLWithPath: workspace.directory.path + "/whole/houdini-20.5.987-linux_x86_64_gcc11.2.tar.gz"))
        _ = try workspace.directory.write("dl/houdini-20.5.987-linux_x86_64_gcc11.2.tar.gz", whole.prefix(50_000))
        let resumed = try await workspace.castform("run", "data.sidefx_build.houdini", "download", "--to", "dl")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try workspace.md5(file) == hash)
        let counts = try await Self.get(url + "/_castform/sidefx/downloads")
        #expect(counts.contains("\"ranged\":1"), "\(counts)")
    }

    static func post(_ url: String) async throws {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        _ = try await URLSession.shared.data(for: request)
    }

    static func get(_ url: String) async throws -> String {
        String(decoding: try await URLSession.shared.data(from: URL(string: url)!).0, as: UTF8.self)
    }
}
