import CastformCore
import CastformManifest
import CastformProviders
import CastformTestSupport
import Foundation
import Testing
import YAML

/// What the manifest layer finds, asserted as cases: the problem and its facts, at the marked
/// place. The sentences are asserted once, by the fixture corpus and `ManifestProblemMessageTests`;
/// here a change of wording changes nothing.
@Suite struct ManifestProblemTests {
    /// A problem found, and the marker of its place (`-` for none, the location when unmarked).
    struct Found: Equatable, CustomStringConvertible {
        var problem: ManifestProblem?
        var at: String

        init(_ problem: ManifestProblem?, at marker: Character?) {
            self.problem = problem
            at = marker.map(String.init) ?? "-"
        }

        init(_ problem: ManifestProblem?, place: String) {
            self.problem = problem
            at = place
        }

        var description: String { "\(at): \(problem.map { "\($0)" } ?? "no problem")" }
    }

    /// Loads a workspace of marked files (with `audio/show.mp3` beside them).
    static func found(_ files: [String: String], environment: [String: String] = [:]) throws -> (found: [Found], root: String) {
        let directory = try TemporaryDirectory("castform-problems")
        defer { directory.remove() }
        try directory.write("audio/show.mp3", Data([0xFF, 0xFB, 0x90, 0x64]))
        var markers: [CastformCore.SourceLocation: Character] = [:]
        for (relative, marked) in files {
            let text = MarkedText(marked)
            try directory.write(relative, text.text)
            for (marker, position) in text.positions {
                markers[CastformCore.SourceLocation(file: directory.path + "/" + relative, line: position.line, column: position.column)] = marker
            }
        }
        let result = WorkspaceLoader(registry: Providers.registry, environment: environment).load(root: directory.path)
        let found = result.diagnostics.map { diagnostic in
            guard let location = diagnostic.location else { return Found(diagnostic.manifestProblem, at: nil) }
            return markers[location].map { Found(diagnostic.manifestProblem, at: $0) }
                ?? Found(diagnostic.manifestProblem, place: location.description)
        }
        return (found, directory.path)
    }

    static let show = ResourceAddress(type: "mixcloud_cloudcast", name: "show")

    @Test func anUnknownAttributeCarriesItsSuggestionAndTheMissingOneIsNamed() throws {
        let (found, _) = try Self.found(["show.yaml": """
            mixcloud_cloudcast:
              2️⃣show:
                1️⃣titel: Deep Sessions
                audio: audio/show.mp3
            """])
        #expect(found == [
            Found(.value(.missingRequired("title", in: .resource(Self.show))), at: "2️⃣"),
            Found(.value(.unknownAttribute("titel", in: .resource(Self.show), suggestion: "title")), at: "1️⃣"),
        ])
    }

    @Test func anAttributeWrittenUnderTwoOfItsNamesIsReportedAtTheSecondNamingTheFirst() throws {
        let (found, _) = try Self.found(["show.yaml": """
            mixcloud_cloudcast:
              show:
                title: Deep Sessions
                audio: audio/show.mp3
                1️⃣name: Other
                desc: About
                2️⃣description: Again
                tracks:
                  - {start: "0:00", artist: A, song: B, 3️⃣track: C}
              aliased: {name: Written by its alias, audio: audio/show.mp3}
            """])
        #expect(found == [
            Found(.value(.sameAttributeTwice("name", earlier: "title")), at: "1️⃣"),
            Found(.value(.sameAttributeTwice("description", earlier: "desc")), at: "2️⃣"),
            Found(.value(.sameAttributeTwice("track", earlier: "song")), at: "3️⃣"),
        ])
    }

    @Test func aWrongTypeCarriesTheTypeExpectedAndWhatWasWritten() throws {
        let (found, _) = try Self.found(["show.yaml": """
            livepeer_stream:
              main:
                name: Main Stage
                record: 2️⃣yes
                profiles:
                  - {name: 720p, width: 1280, height: 720, bitrate: 1️⃣3M, fps: 30}
            mixcloud_cloudcast:
              show: {title: Show, audio: audio/show.mp3, tags: [house, 3️⃣[deep]]}
            """])
        #expect(found == [
            Found(.value(.wrongType(.named("record"), expected: .bool, found: .string, written: Scalar("yes"))), at: "2️⃣"),
            Found(.value(.wrongType(.named("bitrate"), expected: .int, found: .string, written: Scalar("3M"))), at: "1️⃣"),
            Found(.value(.wrongType(.eachItem(of: "tags"), expected: .string, found: .list, written: nil)), at: "3️⃣"),
        ])
    }

    @Test func outOfRangeCarriesTheRangeAndTheNumber() throws {
        let (found, _) = try Self.found(["streams.yaml": """
            livepeer_stream:
              main:
                name: Main Stage
                profiles:
                  - {name: tiny, width: 1️⃣100, height: 720, bitrate: 3000000, fps: 2️⃣99999999999999999999}
            """])
        let size = NumberRange(min: 128, max: 2_147_483_647)
        #expect(found == [
            Found(.constraint(.outOfRange(attribute: "width", range: size, value: .int(100))), at: "1️⃣"),
            Found(.value(.numberTooLarge(.named("fps"), bound: .range(NumberRange(min: 0, max: 2_147_483_647)),
                                         written: "99999999999999999999")), at: "2️⃣"),
        ])
    }

    @Test func aBadTimeCarriesTheTextAndWhyItIsNoTime() throws {
        let (found, _) = try Self.found(["show.yaml": """
            mixcloud_cloudcast:
              show:
                title: Show
                audio: audio/show.mp3
                tracks:
                  - {start: 1️⃣2:60, artist: A, track: B}
                  - {start: 2️⃣-5, artist: C, track: D}
                  - {start: 3️⃣"soon", artist: E, track: F}
            """])
        #expect(found == [
            Found(.value(.badTime("2:60", .secondsOutOfRange)), at: "1️⃣"),
            Found(.value(.badTime("-5", .negative)), at: "2️⃣"),
            Found(.value(.badTime("soon", .malformed)), at: "3️⃣"),
        ])
    }

    @Test func undeclaredVariablesAndResourcesCarryTheirSuggestions() throws {
        let (found, _) = try Self.found([
            "castform.yaml": "variables:\n  show_prefix: Deep Sessions\n",
            "show.yaml": """
                livepeer_webhook:
                  playback-auth: {name: Auth, url: "https://auth.example.org/x", events: [playback.accessControl]}
                livepeer_stream:
                  main:
                    name: "1️⃣${var.show_prefx}"
                    playback_policy: {type: webhook, webhook_id: "2️⃣${livepeer_webhook.playback-auht.id}"}
                """,
        ])
        #expect(found == [
            Found(.reference(.undeclaredVariable("show_prefx", settingsFile: "castform.yaml", suggestion: "show_prefix")), at: "1️⃣"),
            Found(.reference(.undeclared(ResourceAddress(type: "livepeer_webhook", name: "playback-auht"), suggestion: "playback-auth")),
                  at: "2️⃣"),
        ])
    }

    @Test func anUnsetEnvironmentVariableIsAWarningAtValidate() throws {
        let (found, _) = try Self.found(["targets.yaml": """
            livepeer_multistream_target:
              youtube: {name: YouTube, url: "1️⃣${env.YOUTUBE_RTMP_URL}"}
            """])
        #expect(found == [Found(.reference(.environmentNotSet("YOUTUBE_RTMP_URL", required: false)), at: "1️⃣")])
        #expect(ManifestProblem.reference(.environmentNotSet("X", required: false)).severity == .warning)
        #expect(ManifestProblem.reference(.environmentNotSet("X", required: true)).severity == .error)
    }

    @Test func aCycleListsItsResourcesFromTheFirstInFileOrder() throws {
        let (found, _) = try Self.found(["cycle.yaml": """
            livepeer_stream:
              main:
                name: Main Stage
                playback_policy: {type: webhook, webhook_id: "1️⃣${livepeer_webhook.auth.id}"}
            livepeer_webhook:
              auth: {name: Auth, url: "https://auth.example.org/x", events: [playback.accessControl], stream_id: "${livepeer_stream.main.id}"}
            """])
        let cycle = [ResourceAddress(type: "livepeer_stream", name: "main"), ResourceAddress(type: "livepeer_webhook", name: "auth")]
        #expect(found == [Found(.reference(.cycle(cycle)), at: "1️⃣")])
    }

    @Test func fileProblemsNameTheAttributeAndThePathAsShown() throws {
        let (found, root) = try Self.found(["show.yaml": """
            mixcloud_cloudcast:
              show: {title: Show, audio: 1️⃣audio/missing.mp3, picture: 2️⃣audio}
            """])
        #expect(found == [
            Found(.file(.missing(attribute: "audio", path: root + "/audio/missing.mp3")), at: "1️⃣"),
            Found(.file(.notARegularFile(attribute: "picture", path: root + "/audio", kind: .directory)), at: "2️⃣"),
        ])
    }

    /// libyaml's report stays data all the way: the YAML error itself is the problem.
    @Test func aSyntaxErrorIsTheYAMLErrorItself() throws {
        let (found, root) = try Self.found(["show.yaml": """
            mixcloud_cloudcast:
              show:
                tags: 1️⃣[deep house, soulful house
                audio: audio/show.mp3
            """])
        let error = YAMLError(kind: .syntax(problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence"),
                              mark: Mark(file: root + "/show.yaml", line: 3, column: 11))
        #expect(found == [Found(.syntax(error), at: "1️⃣")])
    }

    @Test func aConstraintOnASubstitutedValueSaysWhereTheValueCameFrom() throws {
        let (found, _) = try Self.found([
            "castform.yaml": "variables:\n  width: 100\n",
            "streams.yaml": """
                livepeer_stream:
                  main:
                    name: Main Stage
                    profiles:
                      - {name: tiny, width: 1️⃣"${var.width}", height: 720, bitrate: 3000000, fps: 30}
                """,
        ])
        let narrow = ManifestProblem.constraint(.outOfRange(attribute: "width", range: NumberRange(min: 128, max: 2_147_483_647), value: .int(100)))
        #expect(found == [Found(.substituted(narrow, from: .reference(.variable("width"))), at: "1️⃣")])
    }

    @Test func settingsProblemsNameTheSettingsFile() throws {
        let (found, _) = try Self.found([
            "castform.yaml": "1️⃣provders: {}\n2️⃣livepeer_stream: {}\n",
            "show.yaml": "mixcloud_cloudcast:\n  show: {title: Show, audio: audio/show.mp3}\n",
        ])
        #expect(found == [
            Found(.settings(.unknownSetting("provders", file: "castform.yaml", suggestion: "providers")), at: "1️⃣"),
            Found(.settings(.declaration(type: "livepeer_stream", file: "castform.yaml")), at: "2️⃣"),
        ])
    }
}
