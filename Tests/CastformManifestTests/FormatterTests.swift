import CastformCore
import CastformManifest
import CastformProviders
import Foundation
import Testing

/// `castform fmt`'s layout, as examples: what changes, what is kept, and that formatting a
/// formatted file changes nothing.
@Suite struct FormatterTests {
    let formatter = ManifestFormatter(registry: SchemaRegistry(Providers.schemas, providers: Providers.configurations))

    func formatted(_ text: String, settings: Bool = false) -> String? {
        if case .formatted(let result) = formatter.format(text, file: "shows.yaml", isSettings: settings) { return result }
        return nil
    }

    @Test func keysFollowTheSchemaAndMetaArgumentsFrameThem() {
        let text = """
            livepeer_stream:
              main:
                lifecycle: {prevent_destroy: true}
                record: true
                depends_on: [livepeer_webhook.auth]
                name: Main
            """
        #expect(formatted(text) == """
            livepeer_stream:
              main:
                name: Main
                record: true
                depends_on: [livepeer_webhook.auth]
                lifecycle: {prevent_destroy: true}

            """)
    }

    @Test func tracksBecomeAlignedFlowLinesWithTimesAsWritten() {
        let text = """
            mixcloud_cloudcast:
                show:
                    title: Show
                    tracks:
                        - start: "0:00"
                          artist: Kerri Chandler
                          track: Rain
                        - {start: 2:54, chapter: Guest mix}
            """
        #expect(formatted(text) == """
            mixcloud_cloudcast:
              show:
                title: Show
                tracks:
                  - {start: "0:00", artist: Kerri Chandler, track: Rain}
                  - {start: 2:54,   chapter: Guest mix}

            """)
    }

    @Test func commentsAndBlankLinesBetweenResourcesStay() {
        let text = """
            # the station's shows
            mixcloud_cloudcast:
              # first
              a:
                title: A     # short


              b: {title: B}
            # the end
            """
        #expect(formatted(text) == """
            # the station's shows
            mixcloud_cloudcast:
              # first
              a:
                title: A     # short

              b: {title: B}
            # the end

            """)
    }

    @Test func aBlockScalarIsReindentedWithItsInnerIndentation() {
        let text = "mixcloud_cloudcast:\n    a:\n        description: |\n            line one\n              indented\n        title: A\n"
        #expect(formatted(text) == "mixcloud_cloudcast:\n  a:\n    title: A\n    description: |\n      line one\n        indented\n")
    }

    @Test func aListItemWithAnInnerCommentStaysBlock() {
        let text = """
            mixcloud_cloudcast:
              a:
                title: A
                tracks:
                  - start: 0      # the intro
                    chapter: Intro
            """
        #expect(formatted(text) == text + "\n")
    }

    @Test func settingsKeepTheirOrderAndWrittenListStyle() {
        let text = "variables:\n  b: 2\n  a: [x, y]\nproviders:\n  mixcloud: {user: me}\n"
        #expect(formatted(text, settings: true) == text)
    }

    @Test func aShowFileOfTheServicesLibraryIsLaidOutAsTheTypesBody() {
        let text = "tags: [house]\ntitle: Mix\ntracks:\n  - start: 0\n    artist: A\n    track: B\n"
        #expect(formatted(text) == "title: Mix\ntags: [house]\ntracks:\n  - {start: 0, artist: A, track: B}\n")
    }

    @Test func whatFmtCannotWriteBackIsLeftWithAReason() {
        #expect(formatter.format("a: &x {b: 1}\nc: *x\n", file: "f.yaml") == .skipped(.anchorsOrTags(line: 1)))
        #expect(formatter.format("a: 1\n---\nb: 2\n", file: "f.yaml") == .skipped(.severalDocuments))
        let comment = "mixcloud_cloudcast:\n  a: {title: A,   # inside\n      tags: [x]}\n"
        #expect(formatter.format(comment, file: "f.yaml") == .skipped(.wouldMoveComment))
        guard case .skipped(let reason) = formatter.format("a: [", file: "f.yaml") else { Issue.record("invalid YAML formatted"); return }
        #expect(reason.isError)
    }

    /// Idempotence over every fixture (hostile ones included) and every example: formatting
    /// twice gives what formatting once gave, and never traps.
    @Test func formattingTwiceChangesNothing() throws {
        var checked = 0
        for path in try Self.yamlFiles() {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let settings = ManifestFormatter.isSettingsFile(path)
            guard case .formatted(let once) = formatter.format(text, file: path, isSettings: settings) else { continue }
            #expect(formatter.format(once, file: path, isSettings: settings) == .formatted(once), "\(path)")
            checked += 1
        }
        #expect(checked > 100)
    }

    static func yamlFiles() throws -> [String] {
        let roots = [FixtureWorkspace.fixturesRoot(), URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples").path]
        return roots.flatMap { root in
            (FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { root + "/" + $0 }
        }
    }
}
