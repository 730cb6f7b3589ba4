// CastformRendering: turns finished values — plan documents and diagnostics — into text for
// people (the terminal, a pull-request comment in Markdown) and JSON for programs. Renderers
// are pure functions from values to strings: the human and Markdown forms are rendered from
// the same `PlanDocument` as the JSON, so they can never disagree; colour is markup resolved at
// the very end by `TerminalStyle`, so tests run without a terminal, and no renderer ever writes
// to a stream itself. Nested values are drawn key by key and element by element from what the
// document says of them (`attribute_display`: formats, the keys naming list elements), never
// from a schema or a provider. The one exception is the reference (`Reference/`): pages and
// the `castform schema` listing are drawn from the schemas themselves, so the documentation of
// every type is generated and cannot go stale. It knows no service.
