// CastformRendering: turns finished values (diagnostics now; plans later) into text for people
// and JSON for programs. Renderers are pure functions from values to strings: colour is markup
// resolved at the very end by `TerminalStyle`, so tests run without a terminal and no renderer
// ever writes to a stream itself.
