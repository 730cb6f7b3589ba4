import CastformCore
import CastformPlanning
import CastformState
import Foundation

/// What happens during an apply, as the executor reports it.
public enum ExecutionEvent: Sendable {
    case started(ResourceAddress, StepAction)
    case progress(ResourceAddress, TransferProgress)
    case finished(ResourceAddress, StepAction, elapsed: Duration, id: String?)
    case failed(ResourceAddress, StepAction, [Diagnostic])
    case skipped(ResourceAddress, StepAction, because: ResourceAddress)
    /// A signal arrived: nothing new starts; operations in flight are being stopped.
    case stopping
}

/// Receives events; the terminal and JSON-lines views implement it. Called from many tasks.
public protocol ExecutionObserver: Sendable {
    func handle(_ event: ExecutionEvent)
}

/// One remote operation (or state-only step) of an apply.
public enum StepAction: Sendable, Hashable, CustomStringConvertible {
    case create, update, read
    case delete(id: String?)
    /// Remove an object replaced earlier in the run (create-before-destroy), or left over
    /// from an interrupted replacement.
    case deleteDeposed(id: String)
    /// Let go of such an object without a call, as the type's `on_remove` says (`forget`).
    case forgetDeposed(id: String)
    /// Record an object found after a lost response; no remote call.
    case adopt
    /// Drop from state a create that never happened; no remote call.
    case forget
    /// Record at its new address an object a `moved` entry moves; no remote call.
    case move(from: ResourceAddress)

    public var description: String {
        switch self {
        case .create: return "create"
        case .update: return "update"
        case .read: return "read"
        case .delete: return "delete"
        case .deleteDeposed: return "delete (replaced object)"
        case .forgetDeposed: return "forget (replaced object)"
        case .adopt: return "adopt"
        case .forget: return "forget"
        case .move: return "move"
        }
    }
}

/// How an apply ended.
public struct ExecutionSummary: Sendable {
    public var completed: [(address: ResourceAddress, action: StepAction)] = []
    public var failed: [(address: ResourceAddress, action: StepAction, diagnostics: [Diagnostic])] = []
    public var skipped: [(address: ResourceAddress, action: StepAction, because: ResourceAddress)] = []
    /// Steps never started because a signal stopped the run.
    public var notStarted: [(address: ResourceAddress, action: StepAction)] = []
    public var interrupted = false
    /// Problems writing state: the most serious kind of failure.
    public var stateErrors: [String] = []
    /// State as the run left it.
    public var state: StateSnapshot

    public init(state: StateSnapshot) {
        self.state = state
    }

    public var succeeded: Bool { failed.isEmpty && skipped.isEmpty && notStarted.isEmpty && !interrupted && stateErrors.isEmpty }
}
