import CastformCore

/// What the plan does to one resource, with the values before and after.
///
/// Values are held redacted: a sensitive value is `.sensitive(.string(hash))`, never the secret.
public struct ResourceChange: Sendable, Codable, Equatable {
    public var address: ResourceAddress
    public var provider: String
    public var kind: ChangeKind
    /// The object as it is (nil for a create).
    public var before: [String: Value]?
    /// The object as it will be (nil for a delete); unknown parts are `.unknown`.
    public var after: [String: Value]?
    /// Attributes whose values change, in schema order.
    public var changedAttributes: [String]
    /// The attributes that force a replacement.
    public var replacedBecause: [String]
    /// Why the change is what it is (`action_reason` in the plan document).
    public var actionReason: ActionReason?
    /// What the action really does, in words, where a service makes it special
    /// ("the service cannot delete: it will be unpublished (moved to drafts)").
    public var note: String?
    public var remoteID: String?
    public var dependencies: [ResourceAddress]
    /// Replaced objects still to remove (left by an interrupted create-before-destroy).
    public var deposed: [String] = []
    /// The type's lifecycle options this change runs under: as declared, or as state recorded
    /// them for an object no longer declared. nil for types without options.
    public var lifecycle: [String: Value]?
    /// State's options when they differ from the declared ones: the change records the new
    /// ones (`lifecycle.NAME` in `changedAttributes`), without a call to the service.
    public var priorLifecycle: [String: Value]?
    /// For an adoption: the provider's private data of the object found (a content hash, the
    /// time its details were read), so the adopted object is recorded as completely as a
    /// created one.
    public var adoptedPrivateData: [String: Value]?
    /// An object that already existed for a declaration state had no record of: the plan
    /// imports it (Terraform 1.5's import), then changes what differs.
    public var importing: Importing?
    /// Where state held the object before a `moved` entry moved it here: apply records the
    /// move first (Terraform's `previous_address`).
    public var previousAddress: ResourceAddress?

    public struct Importing: Sendable, Codable, Equatable {
        public var id: String
        /// Why castform takes this object for the declaration, in words.
        public var reason: String

        public init(id: String, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    /// Whether apply first records an existing object in state: one found after a lost create
    /// answer, or an import.
    public var adopts: Bool {
        actionReason == .adoptAfterLostResponse || importing != nil
    }

    public init(address: ResourceAddress, provider: String, kind: ChangeKind, before: [String: Value]? = nil,
                after: [String: Value]? = nil, changedAttributes: [String] = [], replacedBecause: [String] = [],
                actionReason: ActionReason? = nil, note: String? = nil, remoteID: String? = nil, dependencies: [ResourceAddress] = []) {
        self.address = address
        self.provider = provider
        self.kind = kind
        self.before = before
        self.after = after
        self.changedAttributes = changedAttributes
        self.replacedBecause = replacedBecause
        self.actionReason = actionReason
        self.note = note
        self.remoteID = remoteID
        self.dependencies = dependencies
    }
}

extension ChangeKind: Codable {
    public init(from decoder: Decoder) throws {
        let actions = try [PlanAction](from: decoder)
        guard let kind = ChangeKind(actions: actions) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown actions \(actions)"))
        }
        self = kind
    }

    public func encode(to encoder: Encoder) throws {
        try actions.encode(to: encoder)
    }
}
