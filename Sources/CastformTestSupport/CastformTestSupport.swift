// CastformTestSupport: helpers shared by the test targets — marked text for positions,
// temporary workspaces, running the built binary. Never linked into the castform binary.
