import CastformTestSupport
import Foundation
import Testing

/// The Terraform workflow through the binary: exit codes, saved plans, locks, secrets.
@Suite struct WorkflowTests {
    static let manifests = """
        fake_object:
          alpha: {name: alpha, size: 1, secret: "${env.FAKE_SECRET}"}
          beta: {name: beta, parent_id: "${fake_object.alpha.id}"}
        """

    @Test func planApplyPlanWithExitCodes() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        let secret = ["FAKE_SECRET": "s3cret-value"]
        let plan = try bed.castform(["plan", "--detailed-exitcode"], extra: secret)
        #expect(plan.status == 2, "\(plan.stderr)")
        #expect(plan.stdout.contains("Plan: 2 to add, 0 to change, 0 to destroy."))
        let apply = try bed.castform(["apply", "--auto-approve"], extra: secret)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."))
        let again = try bed.castform(["plan", "--detailed-exitcode"], extra: secret)
        #expect(again.status == 0)
        #expect(again.stdout == "No changes. The remote objects match the manifests.\n")
        #expect(bed.remoteNames == ["alpha", "beta"])
    }

    @Test func applyWithoutATerminalNeedsAutoApproveOrAPlanFile() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        let apply = try bed.castform(["apply"], extra: ["FAKE_SECRET": "x"])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("needs a \"yes\" and there is no terminal to ask on: pass --auto-approve"))
        #expect(bed.remoteNames.isEmpty)
    }

    @Test func aSavedPlanAppliesExactlyAndAStaleOneIsRefused() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        let secret = ["FAKE_SECRET": "s3cret-value"]
        #expect(try bed.castform(["plan", "-out", "first.plan"], extra: secret).status == 0)
        #expect(try bed.castform(["plan", "-out", "second.plan"], extra: secret).status == 0)
        let applied = try bed.castform(["apply", "first.plan"], extra: secret)
        #expect(applied.status == 0, "\(applied.stderr)")
        let stale = try bed.castform(["apply", "second.plan"], extra: secret)
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("the plan is stale: the state changed since it was made (serial 0 then"))
        #expect(bed.remoteNames == ["alpha", "beta"])
    }

    @Test func aSavedPlanIsRefusedWhenASecretChanged() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["plan", "-out", "p.plan"], extra: ["FAKE_SECRET": "first-s3cret"]).status == 0)
        let result = try bed.castform(["apply", "p.plan"], extra: ["FAKE_SECRET": "second-s3cret"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the manifests or the environment changed since the plan was made: fake_object.alpha: secret would differ from the plan"))
        // The refusal names the attribute, never either value.
        for secret in ["first-s3cret", "second-s3cret"] {
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        }
        #expect(bed.remoteNames.isEmpty)
    }

    @Test func aSecondStateWriterFailsAtOnceWithWhoHoldsTheLock() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        // Held by this (live) test process, as a castform holds it: an flock on the file.
        let pid = ProcessInfo.processInfo.processIdentifier
        let lock = """
            {"created": "2026-11-26T10:00:00Z", "host": "\(ProcessInfo.processInfo.hostName)", "id": "lock-123",
             "operation": "apply", "pid": \(pid), "user": "ana"}
            """
        let path = try bed.directory.write(".castform/state.json.lock", lock)
        // Close-on-exec: a process another test starts meanwhile must not inherit the lock.
        let holder = open(path, O_RDWR | O_CLOEXEC)
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let started = Date()
        let blocked = try bed.castform(["apply", "--auto-approve"], extra: ["FAKE_SECRET": "x"])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("the state is locked: castform apply by ana@"))
        #expect(blocked.stderr.contains("(pid \(pid))"))
        // Its holder runs: force-unlock refuses, and says whom to stop.
        let refused = try bed.castform(["force-unlock", "lock-123"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Local state cannot be unlocked by another process"), "\(refused.stderr)")
        #expect(refused.stderr.contains("kill \(pid)"))
        // Gone (as a killed castform: its file stays), it no longer holds anything.
        close(holder)
        #expect(try bed.castform(["force-unlock", "lock-123"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try bed.castform(["apply", "--auto-approve"], extra: ["FAKE_SECRET": "x"]).status == 0)
    }

    @Test func secretsNeverAppearInAnythingCastformWrites() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        let secret = "sup3r-s3cret-v4lue"
        let env = ["FAKE_SECRET": secret]
        var written = ""
        for arguments in [["plan"], ["plan", "--json"], ["plan", "--markdown"], ["plan", "-out", "p.plan"], ["apply", "p.plan"],
                          ["show"], ["show", "--json"], ["output"], ["output", "--json"], ["state", "show", "fake_object.alpha"]] {
            let result = try bed.castform(arguments, extra: env)
            written += result.stdout + result.stderr
        }
        // Rotate the secret: the update goes through, and the new one must not leak either.
        let rotated = try bed.castform(["apply", "--auto-approve"], extra: ["FAKE_SECRET": secret + "-2"])
        written += rotated.stdout + rotated.stderr
        #expect(rotated.stdout.contains("1 changed"))
        for file in [".castform/state.json", ".castform/state.json.backup", "p.plan"] {
            written += String(decoding: bed.file(file), as: UTF8.self)
        }
        #expect(!written.isEmpty)
        #expect(!written.contains(secret))
        // The service-issued token is sensitive too.
        let tokens = bed.remoteObjects.compactMap { ($0["attributes"] as? [String: Any])?["token"] as? String }
        #expect(tokens.count == 2)
        for token in tokens { #expect(!written.contains(token)) }
        // ... and shown on request.
        let shown = try bed.castform(["output", "fake_object.alpha.token", "--show-sensitive"])
        #expect(tokens.contains(shown.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    @Test func stateCommandsAndImport() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        let env = ["FAKE_SECRET": "x"]
        #expect(try bed.castform(["apply", "--auto-approve"], extra: env).status == 0)
        #expect(try bed.castform(["state", "list"]).stdout == "fake_object.alpha\nfake_object.beta\n")
        let id = try bed.castform(["output", "fake_object.beta.id"]).stdout.trimmingCharacters(in: .newlines)
        #expect(try bed.castform(["state", "rm", "fake_object.beta"]).status == 0)
        #expect(try bed.castform(["state", "list"]).stdout == "fake_object.alpha\n")
        let imported = try bed.castform(["import", "fake_object.beta", id])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try bed.castform(["plan", "--detailed-exitcode"], extra: env).status == 0)
        let graph = try bed.castform(["graph"])
        #expect(graph.stdout.contains("\"fake_object.beta\" -> \"fake_object.alpha\";"))
    }
}
