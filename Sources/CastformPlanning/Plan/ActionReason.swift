/// Why a change is what it is, as Terraform's plan JSON names it in `action_reason`.
///
/// A case, not a string, so the planner, the plan file and the renderers cannot disagree on a
/// spelling; the raw values are the names Terraform (and castform's additions) write in the
/// document, and the only place they appear.
public enum ActionReason: String, Sendable, Codable, Equatable, CaseIterable {
    /// Terraform's: an attribute that cannot change in place forces a new object.
    case replaceBecauseCannotUpdate = "replace_because_cannot_update"
    /// Terraform's: a data source whose arguments are known only after apply.
    case readBecauseConfigUnknown = "read_because_config_unknown"
    /// Terraform's: the object is in state but no longer declared.
    case deleteBecauseNoResourceConfig = "delete_because_no_resource_config"
    /// Terraform's: a `for_each` instance whose key is no longer in the collection.
    case deleteBecauseEachKey = "delete_because_each_key"
    /// Terraform's: the declaration gained or lost `for_each`, so the object's address no
    /// longer exists (a `moved` entry would have kept it).
    case deleteBecauseWrongRepetition = "delete_because_wrong_repetition"
    /// Terraform's: an object left by an interrupted create-before-destroy replacement.
    case deleteBecauseReplaced = "delete_because_replaced"
    /// castform's: a pending create that recovery showed never reached the service.
    case forgetNeverCreated = "forget_never_created"
    /// castform's: a create whose answer was lost, found on the service and recorded.
    case adoptAfterLostResponse = "adopt_after_lost_response"
    /// castform's drift: the object was deleted outside castform.
    case deletedOutsideCastform = "deleted_outside_castform"
    /// castform's drift: the object was changed outside castform.
    case changedOutsideCastform = "changed_outside_castform"
}
