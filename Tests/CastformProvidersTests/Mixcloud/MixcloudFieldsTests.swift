import CastformCore
@testable import CastformProviders
import Testing

/// The exact form fields an edit sends: only what changed, with tags and the tracklist
/// whole (Mixcloud replaces them wholesale), and visibility as the one action allowed.
@Suite struct MixcloudFieldsTests {
    let desired: [String: Value] = [
        "title": .string("Deep Sessions #41"),
        "description": .string("Late night.\n"),
        "tags": .list([.string("house"), .string("vinyl")]),
        "tracks": .list([
            .object(["start": .int(0), "artist": .string("Blaze"), "track": .string("Lovelee Dae")]),
            .object(["start": .int(60), "chapter": .string("Guest")]),
        ]),
        "unlisted": .bool(false),
    ]

    @Test func titleAloneSendsName() {
        #expect(MixcloudFields.edit(desired, changed: ["title"]).map { "\($0.0)=\($0.1)" } == ["name=Deep Sessions #41"])
    }

    @Test func descriptionIsTrimmed() {
        #expect(MixcloudFields.edit(desired, changed: ["description"]).map { "\($0.0)=\($0.1)" } == ["description=Late night."])
    }

    @Test func tagsAndTracksGoWhole() {
        #expect(MixcloudFields.edit(desired, changed: ["tags"]).map { "\($0.0)=\($0.1)" } == ["tags-0-tag=house", "tags-1-tag=vinyl"])
        #expect(MixcloudFields.edit(desired, changed: ["tracks"]).map { "\($0.0)=\($0.1)" } == [
            "sections-0-artist=Blaze", "sections-0-song=Lovelee Dae", "sections-0-start_time=0",
            "sections-1-chapter=Guest", "sections-1-start_time=60",
        ])
    }

    @Test func unlistedFalsePublishes() {
        #expect(MixcloudFields.edit(desired, changed: ["unlisted"]).map { "\($0.0)=\($0.1)" } == ["publish=1"])
    }

    @Test func uploadCarriesEverything() {
        let names = MixcloudFields.upload(desired).map(\.0)
        #expect(names.first == "name")
        #expect(names.contains("tags-1-tag") && names.contains("sections-1-chapter") && !names.contains("unlisted"))
    }
}
