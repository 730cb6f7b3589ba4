import CastformCore
import CastformManifest

extension Planner {
    /// Files named through `${...}` that only planning can resolve (an environment value,
    /// another resource's attribute) get the checks validation gives written paths: inside the
    /// workspace, a regular file, within the size limit. Without them, `picture:
    /// "${env.HOME}/.ssh/id_rsa"` in a pull request would upload the CI runner's key.
    static func fileProblems(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema, desired: [String: Value],
                             workspace: Workspace) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for field in declaration.body.fields {
            guard case .template(let template) = field.value.kind, !template.isKnownAtValidation,
                  let attribute = schema.attribute(field.name), let value = desired[attribute.name],
                  !value.containsUnknown, let path = value.unmarked.stringValue else { continue }
            for case .file(let maxBytes) in attribute.constraints {
                diagnostics += WorkspaceFileCheck.problems(path, attribute: attribute.name, maxBytes: maxBytes,
                                                           at: field.value.location, workspace: workspace,
                                                           hidden: value.containsSensitive)
            }
        }
        return diagnostics
    }
}
