import CastformCore
import Foundation

/// A plan: what will change and why, against which state. It is data only; rendering and
/// execution are elsewhere.
public struct Plan: Sendable, Codable {
    /// The state the plan was made against; `apply FILE` refuses to run on another.
    public var lineage: String
    public var serial: Int
    public var changes: [ResourceChange]
    /// Changes made outside castform since the last run, as found by the refresh.
    public var drift: [ResourceChange]
    /// Objects this workspace created that state no longer knows (found by their tags).
    public var untracked: [String]
    public var isDestroy: Bool
    public var created: Date
    /// How many requests the refresh made, for figures.
    public var refreshRequests: Int
    /// The declarations and variables the plan was made from (nil in plan files of castform
    /// versions that did not record them).
    public var configuration: PlanConfiguration?
    /// The `--target` addresses the plan was limited to; nil or empty when it covers everything.
    public var targets: [ResourceAddress]?

    public init(lineage: String, serial: Int, changes: [ResourceChange], drift: [ResourceChange] = [],
                untracked: [String] = [], isDestroy: Bool = false, created: Date = Date(), refreshRequests: Int = 0,
                configuration: PlanConfiguration? = nil, targets: [ResourceAddress] = []) {
        self.lineage = lineage
        self.serial = serial
        self.changes = changes
        self.drift = drift
        self.untracked = untracked
        self.isDestroy = isDestroy
        self.created = created
        self.refreshRequests = refreshRequests
        self.configuration = configuration
        self.targets = targets
    }

    /// Whether the plan covers every declared and recorded resource (no `--target`).
    public var isComplete: Bool { targets?.isEmpty ?? true }

    /// Changes that do something, in plan order: not no-ops (except adoptions, which record
    /// an object in state) and not reads already done while planning.
    public var effectiveChanges: [ResourceChange] {
        changes.filter(Self.isEffective)
    }

    /// Whether there are any: asked of each plan, looked at in place (a scan that copies
    /// each of 10,000 changes costs more than the question).
    public var hasEffectiveChanges: Bool {
        changes.indices.contains { Self.isEffective(changes[$0]) }
    }

    private static func isEffective(_ change: ResourceChange) -> Bool {
        // Objects replaced in an interrupted run are still to be taken down.
        if !change.deposed.isEmpty { return true }
        switch change.kind {
        case .noOp: return change.adopts || change.previousAddress != nil
        case .read: return change.actionReason == .readBecauseConfigUnknown
        default: return true
        }
    }

    public var hasChanges: Bool {
        changes.contains { ($0.kind != .noOp && $0.kind != .read) || !$0.deposed.isEmpty || $0.importing != nil || $0.previousAddress != nil }
    }

    /// The first change of `address`. It scans the changes: code that looks up many builds
    /// a dictionary once.
    public func change(for address: ResourceAddress) -> ResourceChange? {
        changes.first { $0.address == address }
    }
}
