import CastformEmulator

/// What the services hold against what state says, for the declared objects.
struct Census {
    let inventory: [EmulatedObject]
    let state: [String: String?]
    let declared: [ChaosWorkspace.Declared]

    /// Whether a service's object is the declared one: a show by its title, a stream by the
    /// castform address in its tags, a webhook or target by its name.
    static func matches(_ object: ChaosWorkspace.Declared, _ remote: EmulatedObject) -> Bool {
        guard remote.kind == object.kind else { return false }
        if object.kind == "stream" { return remote.details["userTags"]?.contains("\"castform_address\":\"\(object.address)\"") == true }
        return remote.name == object.name
    }

    /// Duplicates: objects beyond the first for one declaration. Lost: declarations whose
    /// object exists but state does not hold it (or holds an id that is not there).
    func afterApply() -> (duplicates: Int, lost: Int, leftBehind: Int) {
        var duplicates = 0, lost = 0
        for object in declared {
            let remote = inventory.filter { Self.matches(object, $0) }
            duplicates += max(0, remote.count - 1)
            let id = state[object.address] ?? nil
            if !remote.contains(where: { $0.id == id }) { lost += 1 }
        }
        return (duplicates, lost, 0)
    }

    /// After destroy, state is empty; Livepeer objects are gone and each show is a draft
    /// (Mixcloud cannot delete). Lost: entries left in state. Left behind: objects still up.
    func afterDestroy() -> (duplicates: Int, lost: Int, leftBehind: Int) {
        var duplicates = 0, leftBehind = 0
        for object in declared {
            let remote = inventory.filter { Self.matches(object, $0) }
            if object.kind == "cloudcast" {
                duplicates += max(0, remote.count - 1)
                leftBehind += remote.filter { $0.details["visibility"] != "draft" }.count
            } else {
                leftBehind += remote.count
            }
        }
        return (duplicates, state.count, leftBehind)
    }
}

/// One line of the printed table.
struct ChaosRow {
    var phase: String
    var objects: Int
    var kills: Int
    var killedMidRun = 0
    var runsToConverge = 0
    var userDecisions = 0
    var converged = false
    var duplicates = 0
    var lost = 0
    var leftBehind = 0
    var seconds = 0.0

    var passed: Bool { converged && duplicates == 0 && lost == 0 && leftBehind == 0 }

    static func table(_ rows: [ChaosRow]) -> String {
        let header = ["phase", "objects", "kills (mid-run)", "runs to converge", "user decisions", "duplicates", "lost state entries", "left behind", "time"]
        let lines = rows.map { row in
            [row.phase, "\(row.objects)", "\(row.kills) (\(row.killedMidRun))", row.converged ? "\(row.runsToConverge)" : "not within \(row.runsToConverge)",
             "\(row.userDecisions)", "\(row.duplicates)", "\(row.lost)", "\(row.leftBehind)", "\(Int(row.seconds)) s"]
        }
        let widths = header.indices.map { column in ([header] + lines).map { $0[column].count }.max() ?? 0 }
        let format = { (cells: [String]) in "| " + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: " | ") + " |" }
        return ([format(header), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"] + lines.map(format)).joined(separator: "\n")
    }
}
