import CastformEmulator
import Foundation
import Testing

/// `/webhook`, with the server's status codes and quirks (FACTS §5).
@Suite struct LivepeerWebhookTests {
    let body = #"{"name":"auth","url":"https://auth.example.org/livepeer","events":["playback.accessControl","stream.started"],"sharedSecret":"s3cret"}"#

    @Test func createAnswers201AndEchoesTheSharedSecret() async throws {
        try await LivepeerHarness.with { lp in
            let created = try await lp.send("POST", "/webhook", json: body)
            #expect(created.status == 201, "the spec says 200; the server answers 201")
            #expect(created.object["sharedSecret"] as? String == "s3cret")
            #expect(created.object["kind"] as? String == "webhook")
            #expect(created.object["events"] as? [String] == ["playback.accessControl", "stream.started"])
            let id = try #require(created.object["id"] as? String)
            let fetched = try await lp.send("GET", "/webhook/\(id)")
            #expect(fetched.status == 200 && fetched.object["sharedSecret"] as? String == "s3cret")
            #expect(await lp.emulator.webhooks.map(\.sharedSecret) == ["s3cret"])
        }
    }

    @Test func invalidWebhooksAre422() async throws {
        try await LivepeerHarness.with { lp in
            let event = try await lp.send("POST", "/webhook", json: #"{"name":"a","url":"https://x.example","events":["stream.exploded"]}"#)
            #expect(event.status == 422 && event.errors.first?.contains(##""instancePath":"/events/0","schemaPath":"#/properties/events/items/enum""##) == true)
            let scheme = try await lp.send("POST", "/webhook", json: #"{"name":"a","url":"ftp://x.example","events":["stream.idle"]}"#)
            #expect(scheme.errors == [##"{"instancePath":"/url","schemaPath":"#/properties/url/pattern","keyword":"pattern","params":{"pattern":"^http(s)?://"},"message":"must match pattern \"^http(s)?://\""}"##])
            let noEvents = try await lp.send("POST", "/webhook", json: #"{"name":"a","url":"https://x.example"}"#)
            #expect(noEvents.status == 422 && noEvents.errors == [#"must provide "events" field with subscriptions"#])
            let noHost = try await lp.send("POST", "/webhook", json: #"{"name":"a","url":"http://","events":["stream.idle"]}"#)
            #expect(noHost.status == 422 && noHost.errors == ["bad url: http://"])
            let single = try await lp.send("POST", "/webhook", json: #"{"name":"a","url":"https://x.example","event":"stream.idle"}"#)
            #expect(single.status == 201 && single.object["events"] as? [String] == ["stream.idle"], "the deprecated single event")
        }
    }

    @Test func listingAlwaysLinksANonEmptyPage() async throws {
        try await LivepeerHarness.with { lp in
            #expect(try await lp.send("GET", "/webhook").headers["link"] == nil)
            _ = try await lp.send("POST", "/webhook", json: body)
            let list = try await lp.send("GET", "/webhook")
            #expect(list.array.count == 1)
            #expect(list.headers["link"] == "<http://127.0.0.1:\(lp.port)/api/webhook?cursor=undefined>; rel=\"next\"")
        }
    }

    @Test func putFindsTheWebhookByTheBodysIdAndPatchChangesGivenFields() async throws {
        try await LivepeerHarness.with { lp in
            let id = try #require(try await lp.send("POST", "/webhook", json: body).object["id"] as? String)
            let withoutId = try await lp.send("PUT", "/webhook/\(id)", json: #"{"name":"b","url":"https://b.example","events":["stream.idle"]}"#)
            #expect(withoutId.status == 404 && withoutId.errors == ["not found"])
            let replaced = try await lp.send("PUT", "/webhook/ignored", json: #"{"id":"\#(id)","name":"b","url":"https://b.example","events":["stream.idle"]}"#)
            #expect(replaced.status == 200 && replaced.text == #"{"id":"\#(id)"}"#)
            #expect(await lp.emulator.webhooks.first?.name == "b")
            #expect(await lp.emulator.webhooks.first?.sharedSecret == nil, "a full replace")

            #expect(try await lp.send("PATCH", "/webhook/\(id)", json: #"{"sharedSecret":"new"}"#).status == 204)
            let webhook = await lp.emulator.webhooks.first
            #expect(webhook?.sharedSecret == "new" && webhook?.name == "b")
            let stream = try await lp.send("PATCH", "/webhook/\(id)", json: #"{"streamId":"nope"}"#)
            #expect(stream.status == 404 && stream.errors == ["stream not found"])
            #expect(try await lp.send("PATCH", "/webhook/nope", json: "{}").errors == ["webhook not found"])
        }
    }

    @Test func deleteAnswers204AndTheWebhookIsGone() async throws {
        try await LivepeerHarness.with { lp in
            let id = try #require(try await lp.send("POST", "/webhook", json: body).object["id"] as? String)
            let deleted = try await lp.send("DELETE", "/webhook/\(id)")
            #expect(deleted.status == 204 && deleted.body.isEmpty, "the spec says 200 with the webhook")
            #expect(try await lp.send("GET", "/webhook/\(id)").status == 404)
            #expect(try await lp.send("GET", "/webhook").array.isEmpty)
            #expect(await lp.emulator.webhooks.isEmpty)
        }
    }
}
