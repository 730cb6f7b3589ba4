import CastformTestSupport
import Foundation
import Testing

/// A runner without the team's state (a fresh clone, a lost `.castform/`) must never make a
/// second object: what exists for a declaration is planned as an import (Terraform 1.5's
/// wording), adopted by apply, and then nothing is left to change.
@Suite struct TwinImportTests {
    static let manifests = """
        fake_object:
          alpha: {name: alpha, size: 1}
          beta: {name: beta, parent_id: "${fake_object.alpha.id}"}
        """

    @Test func aWorkspaceWithoutStateImportsWhatExists() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        try FileManager.default.removeItem(atPath: bed.directory.path + "/.castform")

        let plan = try bed.castform(["plan", "--detailed-exitcode"])
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("# fake_object.alpha will be imported: fk-1 exists already (the fake service's fk-1 was made for fake_object.alpha)"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 2 to import, 0 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        let apply = try bed.castform(["apply", "--auto-approve"])
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(bed.remoteNames == ["alpha", "beta"])
        #expect(try bed.castform(["plan", "--detailed-exitcode"]).status == 0)
    }

    @Test func anImportThatDiffersIsImportedThenUpdated() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        try FileManager.default.removeItem(atPath: bed.directory.path + "/.castform")
        try bed.write(Self.manifests.replacingOccurrences(of: "size: 1", with: "size: 2"))
        let plan = try bed.castform(["plan"])
        #expect(plan.stdout.contains("# fake_object.alpha will be imported, then updated in place: fk-1 exists already"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 2 to import, 0 to add, 1 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        #expect(bed.remoteObjects.count == 2)
        #expect(try bed.castform(["plan", "--detailed-exitcode"]).status == 0)
    }

    @Test func noAdoptPlansCreatesAsBefore() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        try FileManager.default.removeItem(atPath: bed.directory.path + "/.castform")
        let plan = try bed.castform(["plan", "--no-adopt"])
        #expect(plan.stdout.contains("Plan: 2 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
    }

    /// Two objects that could each be the declared one: castform does not choose.
    @Test func twoTwinsAreAnErrorThatListsBoth() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        try FileManager.default.removeItem(atPath: bed.directory.path + "/.castform")
        // A second fake_object.alpha, as a second runner without state would have made it.
        #expect(try bed.castform(["apply", "--auto-approve", "--no-adopt", "--target", "fake_object.alpha"]).status == 0)
        try FileManager.default.removeItem(atPath: bed.directory.path + "/.castform")
        let plan = try bed.castform(["plan"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("fake_object.alpha is not in state, and the service holds 2 objects that could be it: fk-1, fk-3"), "\(plan.stderr)")
        #expect(plan.stderr.contains("`castform import fake_object.alpha ID`"), "\(plan.stderr)")
    }
}
