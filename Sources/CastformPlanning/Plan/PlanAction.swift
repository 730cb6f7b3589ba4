/// One action on a resource, named as in Terraform's plan JSON.
public enum PlanAction: String, Codable, Sendable, Hashable {
    case noOp = "no-op"
    case create
    case read
    case update
    case delete
    /// Drop from state and leave the remote object as it is (Terraform 1.7's `forget`).
    case forget
}

/// The actions of one change, in the order they happen.
public enum ChangeKind: Sendable, Hashable {
    case noOp, create, read, update, delete
    /// Let go of the object: removed from state, left as it is remotely.
    case forget
    /// Delete the old object, then create the new one.
    case replaceDestroyFirst
    /// Create the new object, then delete the old one.
    case replaceCreateFirst

    public var actions: [PlanAction] {
        switch self {
        case .noOp: return [.noOp]
        case .create: return [.create]
        case .read: return [.read]
        case .update: return [.update]
        case .delete: return [.delete]
        case .forget: return [.forget]
        case .replaceDestroyFirst: return [.delete, .create]
        case .replaceCreateFirst: return [.create, .delete]
        }
    }

    public init?(actions: [PlanAction]) {
        switch actions {
        case [.noOp]: self = .noOp
        case [.create]: self = .create
        case [.read]: self = .read
        case [.update]: self = .update
        case [.delete]: self = .delete
        case [.forget]: self = .forget
        case [.delete, .create]: self = .replaceDestroyFirst
        case [.create, .delete]: self = .replaceCreateFirst
        default: return nil
        }
    }

    public var isReplace: Bool { self == .replaceCreateFirst || self == .replaceDestroyFirst }
}
