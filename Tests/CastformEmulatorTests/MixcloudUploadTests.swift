@testable import CastformEmulator
import Crypto
import Foundation
import Testing

/// `POST /upload/` over real HTTP: fields, files, limits, errors and slugs.
@Suite struct MixcloudUploadTests {
    let token = MixcloudTestClient.token

    @Test func uploadWithEveryFieldReadsBack() async throws {
        let emulator = MixcloudEmulator(accounts: [.deepSessions, MixcloudAccount(username: "guest")])
        try await withMixcloud(emulator) { client, _ in
            let audio = MixcloudTestData.mp3(seconds: 5)
            let picture = Data(repeating: 0xAB, count: 2048)
            let reply = try await client.post("/upload/?access_token=\(token)", fields: [
                ("name", "Deep Sessions #42"), ("description", "Two hours of deep house."), ("percentage_music", "100"),
                ("tags-0-tag", "deep house"), ("tags-1-tag", "Vinyl"),
                ("sections-0-chapter", "Introduction"), ("sections-0-start_time", "0"),
                ("sections-1-artist", "Kerri Chandler"), ("sections-1-song", "Rain"), ("sections-1-start_time", "174"),
                ("hosts-0-username", "guest"), ("hosts-1-username", "nobody-by-that-name"),
                ("disable_comments", "1"), ("hide_stats", "true"),
            ], files: [("mp3", "show.mp3", audio), ("picture", "cover.jpg", picture)])
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "text/javascript; charset=utf-8")
            let result = try #require(reply.json["result"] as? [String: Any])
            #expect(result["success"] as? Bool == true)
            #expect(result["key"] as? String == "/deepsessions/deep-sessions-42/")
            #expect(result["message"] as? String == "Uploaded")

            let stored = try #require(await emulator.cloudcast(key: "/deepsessions/deep-sessions-42/"))
            #expect(stored.audio?.byteCount == Int64(audio.count))
            #expect(stored.audio?.sha256 == SHA256.hash(data: audio).map { String(format: "%02x", $0) }.joined())
            #expect(try Data(contentsOf: emulator.fileURL(stored.audio!)) == audio)
            #expect(stored.picture?.byteCount == 2048)
            #expect(await emulator.uploadedFiles.count == 2)
            #expect(stored.hosts == ["guest"]) // unknown host usernames are ignored on upload
            #expect(stored.disableComments && stored.hideStats)
            #expect(stored.otherFields == ["percentage_music": "100"])
            #expect(stored.visibility == .published)
            #expect(stored.audioLength == 5)

            let show = try await client.get("/deepsessions/deep-sessions-42/")
            #expect(show.status == 200)
            let json = show.json
            #expect(json["name"] as? String == "Deep Sessions #42")
            #expect(json["description"] as? String == "Two hours of deep house.")
            #expect(json["slug"] as? String == "deep-sessions-42")
            #expect(json["url"] as? String == "https://www.mixcloud.com/deepsessions/deep-sessions-42/")
            #expect(json["audio_length"] as? Int == 5)
            #expect((json["tags"] as? [[String: Any]])?.map { $0["name"] as? String } == ["deep house", "Vinyl"])
            #expect((json["tags"] as? [[String: Any]])?.first?["key"] as? String == "/discover/deep-house/")
            let sections = try #require(json["sections"] as? [[String: Any]])
            #expect(sections.count == 2)
            #expect(sections[0]["section_type"] as? String == "chapter" && sections[0]["chapter"] as? String == "Introduction")
            #expect(sections[0]["position"] as? Int == 1 && sections[0]["start_time"] as? Int == 0)
            #expect(sections[1]["section_type"] as? String == "track" && sections[1]["start_time"] as? Int == 174)
            let track = try #require(sections[1]["track"] as? [String: Any])
            #expect(track["name"] as? String == "Rain")
            #expect((track["artist"] as? [String: Any])?["name"] as? String == "Kerri Chandler")
            #expect((track["artist"] as? [String: Any])?["slug"] as? String == "kerri-chandler")
            #expect((json["user"] as? [String: Any])?["username"] as? String == "deepsessions")
            #expect(json["percentage_music"] as? Int == 100)
        }
    }

    @Test func everyProblemIsReportedAtOnceAfterTheBody() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            var fields = (0...5).map { ("tags-\($0)-tag", "tag \($0)") }
            fields += [("description", String(repeating: "é", count: 1001)), ("publish_date", "tomorrow"), ("unlisted", "maybe"),
                       ("sections-0-artist", "Only an artist"), ("sections-1-chapter", "Both"), ("sections-1-song", "Song"),
                       ("sections-2-chapter", "Late"), ("sections-2-start_time", "1:30"), ("hosts-2-username", "deepsessions")]
            let reply = try await client.post("/upload/?access_token=\(token)", fields: fields)
            #expect(reply.status == 400)
            #expect(reply.errorType == "ValidationException")
            #expect(Set(reply.details.keys) == [
                "mp3", "name", "tags-5-tag", "description", "publish_date", "unlisted", "sections-0-song",
                "sections-1-chapter", "sections-2-start_time", "hosts-2-username",
            ])
            #expect(reply.details["description"] == ["Ensure this value has at most 1000 characters (it has 1001)."])
            #expect(reply.details["mp3"] == ["This field is required."])
            #expect(await emulator.cloudcasts.isEmpty)
        }
    }

    /// A start time no integer holds is a 400 with the field's problem, never a trap; the
    /// emulator keeps serving, and a start time at the bound is stored.
    @Test func hostileStartTimesAreRejectedAndTheEmulatorKeepsServing() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            let fields = [("sections-0-chapter", "One"), ("sections-0-start_time", "1e300"),
                          ("sections-1-chapter", "Two"), ("sections-1-start_time", String(repeating: "9", count: 40)),
                          ("sections-2-chapter", "Three"), ("sections-2-start_time", "2147483648"),
                          ("sections-3-chapter", "Four"), ("sections-3-start_time", "-1")]
            let reply = try await client.upload("Hostile", fields: fields)
            #expect(reply.status == 400)
            #expect(reply.details == [
                "sections-0-start_time": ["Enter a whole number of seconds."],
                "sections-1-start_time": ["Ensure this value is less than or equal to 2147483647."],
                "sections-2-start_time": ["Ensure this value is less than or equal to 2147483647."],
                "sections-3-start_time": ["Enter a whole number of seconds."],
            ])
            #expect(await emulator.cloudcasts.isEmpty)
            let fine = try await client.upload("At the bound", fields: [("sections-0-chapter", "Late"), ("sections-0-start_time", "2147483647")])
            #expect(fine.status == 200)
            let paged = try await client.get("/deepsessions/cloudcasts/?limit=20&offset=9223372036854775807")
            #expect(paged.status == 200, "\(paged.json)")
            #expect((paged.json["data"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func fiveTagsAndExactlyAThousandCharactersAreFine() async throws {
        try await withMixcloud { client, _ in
            let reply = try await client.upload("Five tags", fields: (0...4).map { ("tags-\($0)-tag", "t\($0)") } + [("description", String(repeating: "x", count: 1000))])
            #expect(reply.status == 200)
        }
    }

    @Test func pictureOverTenMebibytesIsRejectedAndNothingIsKept() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            let picture = Data(count: 10_485_761)
            let reply = try await client.post("/upload/?access_token=\(token)", fields: [("name", "Big picture")],
                                              files: [("mp3", "a.mp3", MixcloudTestData.mp3(seconds: 1)), ("picture", "big.jpg", picture)])
            #expect(reply.status == 400)
            #expect(reply.details["picture"] == ["Ensure this file is at most 10485760 bytes (it has 10485761)."])
            #expect(await emulator.cloudcasts.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: emulator.filesDirectory.path).isEmpty)
        }
    }

    @Test func audioOverTheLimitIsRejected() async throws {
        // The documented 4 GiB is checked by the same code; a lower limit keeps the test small.
        let emulator = MixcloudEmulator(limits: MixcloudLimits(audioBytes: 1000))
        try await withMixcloud(emulator) { client, _ in
            let reply = try await client.upload("Too long", audio: Data(count: 1001))
            #expect(reply.status == 400)
            #expect(reply.details["mp3"] == ["Ensure this file is at most 1000 bytes (it has 1001)."])
            let empty = try await client.upload("Empty", audio: Data())
            #expect(empty.details["mp3"] == ["The submitted file is empty."])
            #expect(try await client.upload("Just fits", audio: Data(count: 1000)).status == 200)
        }
    }

    @Test func slugsCollideWithASuffix() async throws {
        try await withMixcloud { client, _ in
            var keys: [String] = []
            for name in ["Weekly Mix", "Weekly Mix!", "weekly   mix", "Weekly Mix 2"] {
                let reply = try await client.upload(name)
                keys.append((reply.json["result"] as? [String: Any])?["key"] as? String ?? "")
            }
            #expect(keys == ["/deepsessions/weekly-mix/", "/deepsessions/weekly-mix-2/", "/deepsessions/weekly-mix-3/", "/deepsessions/weekly-mix-2-2/"])
        }
    }

    @Test func uploadNeedsAValidToken() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            for path in ["/upload/", "/upload/?access_token=wrong"] {
                let reply = try await client.post(path, fields: [("name", "x")], files: [("mp3", "a.mp3", Data(count: 10))])
                #expect(reply.status == 400)
                #expect(reply.errorType == "OAuthException")
                #expect(reply.errorMessage == "An invalid access token was provided")
            }
            try await emulator.revokeToken(token)
            #expect(try await client.upload("Revoked").errorMessage == "An invalid access token was provided")
            try await emulator.addToken("fresh-token", for: "deepsessions")
            let reply = try await client.post("/upload/?access_token=fresh-token", fields: [("name", "Fresh")], files: [("mp3", "a.mp3", Data(count: 10))])
            #expect(reply.status == 200)
            #expect(await emulator.cloudcasts.map(\.name) == ["Fresh"])
        }
    }

    @Test func unlistedAndScheduledUploads() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            _ = try await client.upload("Hidden", fields: [("unlisted", "on"), ("publish_date", "2099-01-01T00:00:00Z")])
            _ = try await client.upload("Later", fields: [("publish_date", "2099-01-01T00:00:00Z")])
            #expect(await emulator.cloudcasts.map(\.visibility) == [.unlisted, .scheduled])
            #expect(await emulator.cloudcasts.map(\.publishDate) == [nil, Date(timeIntervalSince1970: 4_070_908_800)])
        }
    }
}
