import CastformTestSupport
import Foundation
import Testing

/// The state backends between real castform processes (the test bed's fake service), for
/// the local backend and for PostgreSQL (skipped, saying why, without CASTFORM_TEST_PG_URL):
/// one writer at a time, a dead holder never in the way, a lost database session stopping
/// an apply that a re-run then finishes, state pull/push and init -migrate-state.
@Suite struct PostgresStateTests {
    static let names = (0..<8).map { "object-\($0)" }
    static var manifests: String { "fake_object:\n" + names.map { "  \($0): {name: \($0)}\n" }.joined() }

    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case local, postgres
        var testDescription: String { rawValue }
    }

    /// The backends to run with: postgres only when the test server is there.
    static var backends: [Backend] {
        if PostgresTestDatabase.url == nil { print("PostgresStateTests: postgres skipped: \(PostgresTestDatabase.skipReason)") }
        return PostgresTestDatabase.url == nil ? [.local] : [.local, .postgres]
    }

    /// A test bed whose castform.yaml keeps the state in `backend` (a workspace of its own).
    static func bed(_ backend: Backend, manifests: String = manifests) throws -> (Testbed, workspace: String) {
        var bed = try Testbed(manifests)
        let workspace = PostgresTestDatabase.workspace("e2e")
        if backend == .postgres {
            try bed.directory.write("castform.yaml", postgresSettings(workspace))
            bed.environment["CASTFORM_PG_URL"] = PostgresTestDatabase.url
        }
        return (bed, workspace)
    }

    static func postgresSettings(_ workspace: String) -> String {
        "state:\n  backend: postgres\n  url: ${env.CASTFORM_PG_URL}\n  workspace: \(workspace)\n"
    }

    static func start(_ bed: Testbed, _ arguments: [String], log: String, latency: Int) throws -> Process {
        try ProcessRunner.start(bed.binary, arguments, environment: bed.environment.merging(["CASTFORM_FAKE_LATENCY_MS": "\(latency)"]) { $1 },
                                directory: bed.directory.path, output: bed.directory.path + "/" + log)
    }

    static func output(_ bed: Testbed, _ log: String) -> String {
        String(decoding: bed.file(log), as: UTF8.self)
    }

    /// Another apply finishes the work at once (no lock in its way), each object made once,
    /// and then there is nothing left to change.
    static func expectARerunConverges(_ bed: Testbed) throws {
        let rerun = try bed.castform(["apply", "--auto-approve"])
        #expect(rerun.status == 0, "\(rerun.stdout)\(rerun.stderr)")
        #expect(bed.remoteNames == names.sorted())
        let plan = try bed.castform(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }

    @Test(arguments: backends)
    func aSecondApplyFailsAtOnceNamingTheHolder(_ backend: Backend) throws {
        let (bed, _) = try Self.bed(backend)
        defer { bed.directory.remove() }
        let first = try Self.start(bed, ["apply", "--auto-approve", "--parallelism", "1"], log: "first.log", latency: 150)
        usleep(600_000)
        let started = Date()
        let second = try bed.castform(["apply", "--auto-approve"])
        first.waitUntilExit()
        #expect(second.status == 1)
        #expect(second.stderr.contains("the state is locked: castform apply by") && second.stderr.contains("(pid \(first.processIdentifier))"),
                "\(second.stderr)")
        #expect(Date().timeIntervalSince(started) < 10 || first.terminationStatus == 0)
        #expect(first.terminationStatus == 0, "\(Self.output(bed, "first.log"))")
        #expect(bed.remoteNames == Self.names.sorted())
    }

    @Test(arguments: backends)
    func aHolderKilledWithSIGKILLReleasesTheLockAndARerunConverges(_ backend: Backend) throws {
        let (bed, _) = try Self.bed(backend)
        defer { bed.directory.remove() }
        let holder = try Self.start(bed, ["apply", "--auto-approve", "--parallelism", "1"], log: "killed.log", latency: 150)
        usleep(700_000)
        kill(holder.processIdentifier, SIGKILL)
        holder.waitUntilExit()
        try Self.expectARerunConverges(bed)
    }

    /// The database session of an apply ends midway (a lost connection): the apply stops
    /// starting operations and says it lost its lock; the next run finishes the work, making
    /// nothing twice.
    @Test(.enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.skipReason)))
    func aLostConnectionMidApplyStopsItAndARerunConverges() throws {
        let (bed, workspace) = try Self.bed(.postgres)
        defer { bed.directory.remove() }
        let apply = try Self.start(bed, ["apply", "--auto-approve", "--parallelism", "1"], log: "lost.log", latency: 150)
        usleep(700_000)
        #expect(try PostgresTestDatabase.dropLockSession(workspace: workspace) == 1)
        apply.waitUntilExit()
        let output = Self.output(bed, "lost.log")
        #expect(apply.terminationStatus != 0, "\(output)")
        #expect(output.contains("lost its state lock"), "\(output)")
        try Self.expectARerunConverges(bed)
    }

    @Test(arguments: backends)
    func statePushRefusesAnotherLineageOrAnOlderSerialUnlessForced(_ backend: Backend) throws {
        let (bed, _) = try Self.bed(backend)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        let pulled = try bed.castform(["state", "pull"])
        #expect(pulled.status == 0)
        let saved = try bed.directory.write("saved.json", pulled.stdout)
        let old = try JSONSerialization.jsonObject(with: Data(pulled.stdout.utf8)) as? [String: Any]
        let oldSerial = try #require(old?["serial"] as? Int)
        #expect(try bed.castform(["state", "rm", "fake_object.object-0"]).status == 0)

        let older = try bed.castform(["state", "push", saved])
        #expect(older.status == 1 && older.stderr.contains("older than the current state"), "\(older.stderr)")
        let foreign = try bed.directory.write("foreign.json", pulled.stdout.replacingOccurrences(
            of: old?["lineage"] as? String ?? "-", with: "another-lineage"))
        let otherLineage = try bed.castform(["state", "push", foreign])
        #expect(otherLineage.status == 1 && otherLineage.stderr.contains("another workspace's state"), "\(otherLineage.stderr)")

        let forced = try bed.castform(["state", "push", "-force", saved])
        #expect(forced.status == 0, "\(forced.stderr)")
        let after = try JSONSerialization.jsonObject(with: Data(try bed.castform(["state", "pull"]).stdout.utf8)) as? [String: Any]
        #expect((after?["serial"] as? Int ?? 0) > oldSerial + 1)
        #expect((after?["resources"] as? [Any])?.count == Self.names.count)
        let plan = try bed.castform(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }

    /// local → postgres → local with init -migrate-state: the state keeps its lineage and
    /// serial, and a command run before init refuses to start from the new backend's nothing.
    @Test(.enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.skipReason)))
    func initMigratesTheStateBothWaysKeepingLineageAndSerial() throws {
        var (bed, _) = try Self.bed(.local)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["init"]).status == 0)
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        let local = try bed.castform(["state", "pull"]).stdout

        try bed.directory.write("castform.yaml", Self.postgresSettings(PostgresTestDatabase.workspace("migrate")))
        bed.environment["CASTFORM_PG_URL"] = PostgresTestDatabase.url
        let refused = try bed.castform(["plan"])
        #expect(refused.status == 1 && refused.stderr.contains("castform init -migrate-state"), "\(refused.stderr)")
        let noInput = try bed.castform(["init", "-migrate-state", "--input=false"])
        #expect(noInput.status == 1 && noInput.stderr.contains("-force-copy"), "\(noInput.stderr)")
        let migrated = try bed.castform(["init", "-migrate-state", "-force-copy"])
        #expect(migrated.status == 0, "\(migrated.stdout)\(migrated.stderr)")
        #expect(try bed.castform(["state", "pull"]).stdout == local)
        #expect(try bed.castform(["plan", "--detailed-exitcode"]).status == 0)
        #expect(try bed.castform(["state", "rm", "fake_object.object-1"]).status == 0)
        let postgres = try bed.castform(["state", "pull"]).stdout

        try bed.directory.write("castform.yaml", "state: {backend: local}\n")
        let back = try bed.castform(["init", "-migrate-state", "-force-copy"])
        #expect(back.status == 0, "\(back.stdout)\(back.stderr)")
        #expect(try bed.castform(["state", "pull"]).stdout == postgres)
    }
}
