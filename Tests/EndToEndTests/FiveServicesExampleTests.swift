import Crypto
import CastformTestSupport
import Foundation
import Testing

/// `examples/five-services` in the sandbox, with no configuration beyond its files: the three
/// read-only services feed a Mixcloud show and Livepeer streams, the apply converges, and the
/// SideFX build's hash is the MD5 of the file the download writes.
@Suite struct FiveServicesExampleTests {
    @Test func theExampleAppliesConvergesAndDownloadsTheBuildItNames() throws {
        let directory = try TemporaryDirectory("castform-five")
        defer { directory.remove() }
        let copy = try ProcessRunner.run("/bin/cp", ["-R", MixcloudWorkspace.repositoryRoot + "/examples/five-services", directory.path + "/ws"])
        #expect(copy.status == 0)
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path, "CASTFORM_CREDENTIALS": directory.path + "/credentials.json"]
        func castform(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory.path + "/ws")
        }
        let plan = try castform("plan", "--sandbox")
        #expect(plan.stdout.contains("\"Studio notes: Houdini 20.5.987\""), "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("the stream is on Mogulus Pro Showcase."), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 4 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        let apply = try castform("apply", "--sandbox", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(try castform("plan", "--sandbox", "--detailed-exitcode").status == 0)
        let hash = try castform("output", "--sandbox", "-raw", "data.sidefx_build.houdini.hash").stdout
        #expect(try castform("run", "--sandbox", "data.sidefx_build.houdini", "download", "--to", "dl").status == 0)
        let file = directory.path + "/ws/dl/houdini-20.5.987-linux_x86_64_gcc11.2.tar.gz"
        let md5 = Insecure.MD5.hash(data: try Data(contentsOf: URL(fileURLWithPath: file))).map { String(format: "%02x", $0) }.joined()
        #expect(md5 == hash)
    }
}
