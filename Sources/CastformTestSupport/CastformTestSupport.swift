// CastformTestSupport: helpers shared by the test targets — marked text for positions,
// temporary workspaces, running the built binary, a manual clock (for CastformHTTP's waits and
// the emulators' dates). Never linked into the castform binary.
