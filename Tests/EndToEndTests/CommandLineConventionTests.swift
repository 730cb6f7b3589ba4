import CastformTestSupport
import Foundation
import Testing

/// What a CI script written for Terraform relies on: variables from the command line, the
/// environment and files; missing inputs failing the plan; `plan -destroy`; never prompting;
/// waiting for a lock; `output -raw`; one dash or two.
@Suite struct CommandLineConventionTests {
    static let manifests = """
        fake_object:
          alpha: {name: "${var.prefix}-alpha", size: "${var.size}"}
        """

    static func bed(_ manifests: String = CommandLineConventionTests.manifests) throws -> Testbed {
        let bed = try Testbed(manifests)
        try bed.directory.write("castform.yaml", "variables:\n  prefix: base\n  size: 1\n")
        return bed
    }

    @Test func variablesComeFromEnvironmentThenFilesThenTheCommandLine() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        try bed.directory.write("ci.yaml.vars", "prefix: from-file\n")
        let cases: [([String], [String: String], String)] = [
            ([], [:], "base-alpha"),
            ([], ["CASTFORM_VAR_prefix": "from-env"], "from-env-alpha"),
            (["-var-file", "ci.yaml.vars"], ["CASTFORM_VAR_prefix": "from-env"], "from-file-alpha"),
            (["-var", "prefix=from-cli", "--var-file=ci.yaml.vars"], ["CASTFORM_VAR_prefix": "from-env"], "from-cli-alpha"),
            (["-var", "prefix=first", "-var", "prefix=last"], [:], "last-alpha"),
        ]
        for (arguments, environment, expected) in cases {
            let plan = try bed.castform(["plan"] + arguments, extra: environment)
            #expect(plan.status == 0, "\(arguments): \(plan.stderr)")
            #expect(plan.stdout.contains("+ name     = \"\(expected)\""), "\(arguments) \(environment): \(plan.stdout)")
        }
    }

    @Test func aVariableNobodyDeclaredOrOfTheWrongKindIsAnError() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        let unknown = try bed.castform(["plan", "-var", "prefx=x"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("-var prefx=x sets the variable \"prefx\", which castform.yaml does not declare: declare it under variables: with a default; did you mean \"prefix\"?"), "\(unknown.stderr)")
        let wrong = try bed.castform(["plan", "-var", "size=large"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("-var size=large: expected a whole number, got \"large\""), "\(wrong.stderr)")
        #expect(try bed.castform(["plan", "-var", "size=42"]).stdout.contains("+ size     = 42"))
    }

    @Test func aSavedPlanAppliesWithTheVariablesItWasMadeWith() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        #expect(try bed.castform(["plan", "-var", "prefix=release", "-out", "review.plan"]).status == 0)
        let refused = try bed.castform(["apply", "-var", "prefix=other", "review.plan"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("a saved plan carries the variables it was made with"), "\(refused.stderr)")
        let apply = try bed.castform(["apply", "review.plan"])
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(bed.remoteNames == ["release-alpha"])
    }

    @Test func anUnsetEnvironmentVariableWarnsAtValidateAndFailsThePlanAtItsPlace() throws {
        let bed = try Testbed("""
            fake_object:
              alpha: {name: alpha, secret: "${env.FAKE_SECRET}"}
            """)
        defer { bed.directory.remove() }
        let validate = try bed.castform(["validate"])
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("warning: environment variable FAKE_SECRET is not set"), "\(validate.stderr)")
        for command in [["plan"], ["apply", "--auto-approve"]] {
            let run = try bed.castform(command)
            #expect(run.status == 1)
            #expect(run.stderr.contains("main.yaml:2:33: error: environment variable FAKE_SECRET is not set: castform needs its value to plan and apply"), "\(run.stderr)")
        }
        #expect(bed.remoteNames.isEmpty)
    }

    @Test func planDestroyIsSavedAndAppliedLikeAnyPlan() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "-auto-approve"]).status == 0)
        let destroy = try bed.castform(["destroy"])
        #expect(destroy.status == 1)
        #expect(destroy.stderr.contains("castform plan -destroy -out FILE; castform apply FILE"), "\(destroy.stderr)")
        let plan = try bed.castform(["plan", "-destroy", "-out", "destroy.plan"])
        #expect(plan.stdout.contains("Plan: 0 to add, 0 to change, 1 to destroy."), "\(plan.stdout)")
        let apply = try bed.castform(["apply", "destroy.plan"])
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("Destroy complete!"), "\(apply.stdout)")
        #expect(bed.remoteNames.isEmpty)
    }

    @Test func inputFalseNeverAsks() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        let apply = try bed.castform(["apply", "-input=false"])
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("castform apply needs a \"yes\" and --input=false forbids asking: pass --auto-approve"), "\(apply.stderr)")
        #expect(bed.remoteNames.isEmpty)
    }

    @Test func aTargetThatNamesNothingIsAnErrorWithASuggestion() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        let plan = try bed.castform(["plan", "-target", "fake_object.alhpa"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("--target fake_object.alhpa names nothing declared in the manifests or recorded in state; did you mean \"fake_object.alpha\"?"), "\(plan.stderr)")
    }

    @Test func outputRawPrintsTheValueAlone() throws {
        let bed = try Self.bed()
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve", "--no-color"]).status == 0)
        let raw = try bed.castform(["output", "-raw", "fake_object.alpha.id"])
        #expect(raw.status == 0)
        #expect(raw.stdout.hasPrefix("fk-") && !raw.stdout.hasSuffix("\n"), "\(raw.stdout)")
        let list = try bed.castform(["output", "-raw", "fake_object.alpha"])
        #expect(list.status != 0)
    }

    /// A second apply waits for the first's lock with -lock-timeout, and fails at once without.
    @Test func aLockIsWaitedForWithLockTimeout() async throws {
        let bed = try Self.bed("""
            fake_object:
              alpha: {name: alpha}
              beta: {name: beta}
            """)
        defer { bed.directory.remove() }
        let slow = bed.environment.merging(["CASTFORM_FAKE_LATENCY_MS": "8000"]) { $1 }
        let first = try ProcessRunner.start(bed.binary, ["apply", "--auto-approve"], environment: slow,
                                            directory: bed.directory.path, output: bed.directory.path + "/first.log")
        // The first holds the lock once its lock file names it (a loaded CI machine may take
        // a while to start it), and keeps it for at least 8 s. The wait and the second apply
        // run on a thread of their own: on Swift's pool, which tests running processes keep
        // busy, this test could wake up only after the first had finished.
        let holder = "\"pid\" : \(first.processIdentifier)"
        let (impatient, patient) = try await Self.onOwnThread {
            for _ in 0..<2400 where !String(decoding: bed.file(".castform/state.json.lock"), as: UTF8.self).contains(holder) {
                Thread.sleep(forTimeInterval: 0.05)
            }
            return (try bed.castform(["apply", "--auto-approve"]), try bed.castform(["apply", "--auto-approve", "-lock-timeout=60s"]))
        }
        #expect(impatient.status == 1, "\(impatient.stdout) / first: \(String(decoding: bed.file("first.log"), as: UTF8.self))")
        #expect(impatient.stderr.contains("the state is locked"), "\(impatient.stderr)")
        #expect(patient.status == 0, "\(patient.stdout)\(patient.stderr)")
        #expect(patient.stderr.contains("Waiting up to 60s for the state lock"), "\(patient.stderr)")
        await Task.detached { first.waitUntilExit() }.value
        #expect(first.terminationStatus == 0)
        #expect(bed.remoteNames == ["alpha", "beta"])
    }

    static func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}
