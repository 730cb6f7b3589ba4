import CastformCore

/// One check over a whole workspace. Rules never throw and never stop each other: the
/// validator runs them all and reports every diagnostic.
public protocol ValidationRule: Sendable {
    func check(_ context: ValidationContext) -> [Diagnostic]
}

public enum Validator {
    /// Every rule, in the order their findings are most useful; output is sorted by place anyway.
    public static let rules: [any ValidationRule] = [
        DuplicateAddressRule(),
        AttributeConstraintRule(),
        InterpolationRule(),
        ObjectShapeRule(),
        ReferenceRule(),
        DependsOnRule(),
        CycleRule(),
        ForEachRule(),
        MoveRule(),
    ]

    /// Runs the rules side by side (they read one workspace and share nothing; on 10,000
    /// declarations each takes tens of milliseconds) and returns their findings in rule order.
    public static func run(_ context: ValidationContext, rules: [any ValidationRule] = Validator.rules) -> [Diagnostic] {
        rules.concurrentMap { $0.check(context) }.flatMap { $0 }
    }
}
