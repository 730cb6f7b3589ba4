@testable import CastformEmulator
import Foundation
import Testing

/// With a data directory the emulator keeps its state across restarts, as `--sandbox` and
/// `castform emulator --data DIR` rely on.
@Suite struct MixcloudPersistenceTests {
    @Test func stateAndFilesSurviveARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mixcloud-persist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let audio = MixcloudTestData.mp3(seconds: 1)
        try await withMixcloud(try MixcloudEmulator(dataDirectory: directory)) { client, _ in
            #expect(try await client.upload("Kept", fields: [("tags-0-tag", "house")], audio: audio).status == 200)
            _ = try await client.post("/upload/deepsessions/kept/edit/?access_token=\(MixcloudTestClient.token)", fields: [("unpublish", "1")])
        }
        let restarted = try MixcloudEmulator(dataDirectory: directory)
        let kept = try #require(await restarted.cloudcasts.first)
        #expect(kept.key == "/deepsessions/kept/" && kept.tags == ["house"] && kept.visibility == .draft)
        #expect(try Data(contentsOf: restarted.fileURL(kept.audio!)) == audio)
        try await withMixcloud(restarted) { client, _ in
            // The same name again collides with the persisted show.
            let reply = try await client.upload("Kept")
            #expect((reply.json["result"] as? [String: Any])?["key"] as? String == "/deepsessions/kept-2/")
        }
        #expect(try await MixcloudEmulator(dataDirectory: directory).cloudcasts.count == 2)
    }

    @Test func withoutADataDirectoryFilesGoToATemporaryDirectoryRemovedWithTheEmulator() throws {
        var emulator: MixcloudEmulator? = MixcloudEmulator()
        let files = try #require(emulator?.filesDirectory)
        #expect(FileManager.default.fileExists(atPath: files.path))
        emulator = nil
        #expect(!FileManager.default.fileExists(atPath: files.path))
    }
}
