// CastformManifest: from a workspace directory to a checked, typed `Workspace`.
//
// Files are found (Loading), parsed by the YAML module into position-carrying nodes, decoded
// against the providers' schemas (Parsing: values, templates, times), and then every validation
// rule runs over the result (Validation: one rule per file). Everything that can be known
// without a network call is checked here, and every problem is reported in one run. Each
// problem is a `ManifestProblem` case carrying its facts (Problems/), worded only in
// `ManifestProblem+Message.swift` and the phrases it shares (`+Phrases`). This module never
// talks to a service and never evaluates a reference's value.
