// YAML: the binding to the system's libyaml (the `CYAML` system library, pkg-config `yaml-0.1`)
// and the node tree castform reads manifests from. Every node knows its file, line and column
// (`Mark`), so each later error can point at what the user wrote; scalars keep their style
// (plain or quoted), so `2:54` can be told from `"2:54"`. Parsing stops at nothing the user can
// write: syntax errors, aliases, duplicate keys and depth or size beyond `ParseLimits` are
// `YAMLError` values with positions, reported together. This module knows YAML only — no
// castform type, no schema, no service.
