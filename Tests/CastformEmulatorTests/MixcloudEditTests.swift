@testable import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// `POST /upload/<user>/<slug>/edit/`: only what is sent changes; lists are replaced whole.
@Suite struct MixcloudEditTests {
    let token = MixcloudTestClient.token
    let edit = "/upload/deepsessions/weekly/edit/?access_token=\(MixcloudTestClient.token)"

    func uploadWeekly(_ client: MixcloudTestClient) async throws {
        let reply = try await client.upload("Weekly", fields: [
            ("description", "First description"), ("tags-0-tag", "house"), ("tags-1-tag", "techno"),
            ("sections-0-artist", "A"), ("sections-0-song", "One"), ("sections-0-start_time", "0"),
            ("sections-1-artist", "B"), ("sections-1-song", "Two"), ("sections-1-start_time", "300"),
        ])
        #expect(reply.status == 200)
    }

    @Test func editChangesOnlyWhatIsSentAndReplacesListsWhole() async throws {
        let clock = ManualClock(date: Date(timeIntervalSince1970: 1_790_000_000))
        let emulator = MixcloudEmulator(now: { clock.date })
        try await withMixcloud(emulator) { client, _ in
            try await uploadWeekly(client)
            let created = try #require(await emulator.cloudcasts.first)
            clock.advance(by: .seconds(60))
            let reply = try await client.post(edit, fields: [("tags-0-tag", "ambient"), ("sections-0-chapter", "Live set"), ("sections-0-start_time", "10")])
            #expect(reply.status == 200)
            #expect((reply.json["result"] as? [String: Any])?["key"] as? String == "/deepsessions/weekly/")
            let edited = try #require(await emulator.cloudcasts.first)
            #expect(edited.tags == ["ambient"])
            #expect(edited.sections == [.chapter("Live set", at: 10)])
            #expect(edited.name == "Weekly" && edited.description == "First description")
            #expect(edited.updatedTime == created.updatedTime + 60)

            clock.advance(by: .seconds(60))
            let picture = Data(repeating: 7, count: 100)
            let second = try await client.post(edit, fields: [("name", "Weekly (renamed)"), ("description", "")], files: [("picture", "p.png", picture)])
            #expect(second.status == 200)
            let renamed = try #require(await emulator.cloudcasts.first)
            #expect(renamed.name == "Weekly (renamed)" && renamed.slug == "weekly")
            #expect(renamed.description == "" && renamed.tags == ["ambient"])
            #expect(renamed.picture?.byteCount == 100)
            #expect(renamed.updatedTime == created.updatedTime + 120)

            let json = try await client.get("/deepsessions/weekly/").json
            #expect(json["updated_time"] as? String == "2026-09-21T14:15:20Z")
            #expect(json["created_time"] as? String == "2026-09-21T14:13:20Z")
        }
    }

    @Test func emptyListFieldsClearTagsSectionsAndHosts() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            try await uploadWeekly(client)
            let reply = try await client.postURLEncoded(edit, fields: [("tags-0-tag", ""), ("sections-0-chapter", ""), ("hosts-0-username", "")])
            #expect(reply.status == 200)
            let cleared = try #require(await emulator.cloudcasts.first)
            #expect(cleared.tags.isEmpty && cleared.sections.isEmpty && cleared.hosts.isEmpty)
        }
    }

    @Test func visibilityActionsOneAtATime() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            try await uploadWeekly(client)
            let conflict = try await client.post(edit, fields: [("publish", "1"), ("unpublish", "1")])
            #expect(conflict.status == 400)
            #expect(conflict.details["__all__"]?.first?.contains("only one of unlisted, publish and unpublish") == true)
            #expect(try await client.post(edit, fields: [("unlisted", "1"), ("unpublish", "0")]).status == 400)

            #expect(try await client.post(edit, fields: [("unpublish", "1")]).status == 200)
            #expect(await emulator.cloudcasts.first?.visibility == .draft)
            // A draft is gone for the public and from the list, but its owner still reads it.
            #expect(try await client.get("/deepsessions/weekly/").status == 404)
            #expect(try await client.get("/deepsessions/weekly/?access_token=\(token)").status == 200)
            #expect((try await client.get("/deepsessions/cloudcasts/").json["data"] as? [Any])?.count == 0)

            #expect(try await client.post(edit, fields: [("unlisted", "true")]).status == 200)
            #expect(await emulator.cloudcasts.first?.visibility == .unlisted)
            #expect(try await client.get("/deepsessions/weekly/").status == 200)
            #expect((try await client.get("/deepsessions/cloudcasts/").json["data"] as? [Any])?.count == 0)

            #expect(try await client.post(edit, fields: [("publish", "1")]).status == 200)
            #expect(await emulator.cloudcasts.first?.visibility == .published)
            #expect((try await client.get("/deepsessions/cloudcasts/").json["data"] as? [Any])?.count == 1)
        }
    }

    @Test func publishDateAppliesOnlyToShowsNeverPublic() async throws {
        let clock = ManualClock(date: Date(timeIntervalSince1970: 1_790_000_000))
        let emulator = MixcloudEmulator(now: { clock.date })
        try await withMixcloud(emulator) { client, _ in
            _ = try await client.upload("Draft first", fields: [("publish_date", "2026-09-21T15:00:00Z")])
            #expect(await emulator.cloudcasts[0].visibility(at: clock.date) == .scheduled)
            #expect(try await client.get("/deepsessions/draft-first/").status == 404)
            clock.advance(by: .seconds(3600)) // past the publish date
            #expect(try await client.get("/deepsessions/draft-first/").status == 200)
            #expect(await emulator.cloudcasts[0].hasBeenPublic(at: clock.date))
            // Once public, a new publish_date is ignored.
            _ = try await client.post("/upload/deepsessions/draft-first/edit/?access_token=\(token)", fields: [("unpublish", "1")])
            _ = try await client.post("/upload/deepsessions/draft-first/edit/?access_token=\(token)", fields: [("publish_date", "2030-01-01T00:00:00Z")])
            #expect(await emulator.cloudcasts[0].visibility == .draft)
        }
    }

    @Test func editErrors() async throws {
        let emulator = MixcloudEmulator(accounts: [.deepSessions, MixcloudAccount(username: "other", tokens: ["other-token"])])
        try await withMixcloud(emulator) { client, _ in
            try await uploadWeekly(client)
            let audio = try await client.post(edit, fields: [("name", "x")], files: [("mp3", "new.mp3", Data(count: 10))])
            #expect(audio.status == 400 && audio.details["mp3"] != nil)
            #expect(try await client.post(edit, fields: [("name", " ")]).details["name"] == ["This field is required."])
            let missing = try await client.post("/upload/deepsessions/nope/edit/?access_token=\(token)", fields: [("name", "x")])
            #expect(missing.status == 404 && missing.errorType == "NotFoundException")
            let foreign = try await client.post("/upload/deepsessions/weekly/edit/?access_token=other-token", fields: [("name", "Mine")])
            #expect(foreign.status == 403 && foreign.errorType == "PermissionException")
            let anonymous = try await client.post("/upload/deepsessions/weekly/edit/", fields: [("name", "x")])
            #expect(anonymous.status == 400 && anonymous.errorType == "OAuthException")
            #expect(await emulator.cloudcasts.first?.name == "Weekly")
        }
    }

    @Test func hostChangeIsAllOrNothing() async throws {
        let emulator = MixcloudEmulator(accounts: [.deepSessions, MixcloudAccount(username: "guest")])
        try await withMixcloud(emulator) { client, _ in
            try await uploadWeekly(client)
            _ = try await client.post(edit, fields: [("hosts-0-username", "guest")])
            #expect(await emulator.cloudcasts.first?.hosts == ["guest"])
            _ = try await client.post(edit, fields: [("hosts-0-username", "deepsessions"), ("hosts-1-username", "ghost")])
            #expect(await emulator.cloudcasts.first?.hosts == ["guest"])
        }
    }
}
