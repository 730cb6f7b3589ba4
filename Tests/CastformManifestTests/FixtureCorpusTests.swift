import CastformTestSupport
import Testing

/// Each invalid fixture gives exactly its expected diagnostics, at exactly the marked places.
@Suite struct FixtureCorpusTests {
    @Test(arguments: FixtureWorkspace.all())
    func fixtureGivesExactlyItsDiagnostics(_ name: String) throws {
        let fixture = try FixtureWorkspace(name)
        defer { fixture.directory.remove() }
        #expect(!fixture.expected.isEmpty, "\(name) states no expectation")
        let actual = fixture.actual()
        #expect(actual.sorted { $0.description < $1.description } == fixture.expected.sorted { $0.description < $1.description },
                "\(name):\nexpected:\n\(fixture.expected.map(\.description).joined(separator: "\n"))\nactual:\n\(actual.map(\.description).joined(separator: "\n"))")
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(FixtureWorkspace.all().count >= 40)
    }
}
