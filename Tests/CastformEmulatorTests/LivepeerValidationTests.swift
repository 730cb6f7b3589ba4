import CastformEmulator
import Foundation
import Testing

/// Schema failures (422 with Ajv's error objects), business rules (400), auth (401).
@Suite struct LivepeerValidationTests {
    func expectErrors(_ lp: LivepeerHarness, _ method: String, _ path: String, _ body: String?, status: Int,
                      _ errors: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let reply = try await lp.send(method, path, json: body)
        #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
        #expect(reply.errors == errors, sourceLocation: sourceLocation)
    }

    @Test func schemaViolationsAre422WithTheFirstAjvError() async throws {
        try await LivepeerHarness.with { lp in
            try await expectErrors(lp, "POST", "/stream", "{}", status: 422, [
                ##"{"instancePath":"","schemaPath":"#/required","keyword":"required","params":{"missingProperty":"name"},"message":"must have required property 'name'"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","foo":1,"bar":2}"#, status: 422, [
                ##"{"instancePath":"","schemaPath":"#/additionalProperties","keyword":"additionalProperties","params":{"additionalProperty":"foo"},"message":"must NOT have additional properties"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":5}"#, status: 422, [
                ##"{"instancePath":"/name","schemaPath":"#/properties/name/type","keyword":"type","params":{"type":"string"},"message":"must be string"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":"720p"}"#, status: 422, [
                ##"{"instancePath":"/profiles","schemaPath":"#/properties/profiles/type","keyword":"type","params":{"type":["array","null"]},"message":"must be array,null"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":100,"height":720,"bitrate":3000000,"fps":30}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0/width","schemaPath":"#/properties/profiles/items/properties/width/minimum","keyword":"minimum","params":{"comparison":">=","limit":128},"message":"must be >= 128"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":300,"fps":30}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0/bitrate","schemaPath":"#/properties/profiles/items/properties/bitrate/minimum","keyword":"minimum","params":{"comparison":">=","limit":400},"message":"must be >= 400"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":30,"quality":45}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0/quality","schemaPath":"#/properties/profiles/items/properties/quality/maximum","keyword":"maximum","params":{"comparison":"<=","limit":44},"message":"must be <= 44"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":30.5}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0/fps","schemaPath":"#/properties/profiles/items/properties/fps/type","keyword":"type","params":{"type":"integer"},"message":"must be integer"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0","schemaPath":"#/properties/profiles/items/required","keyword":"required","params":{"missingProperty":"fps"},"message":"must have required property 'fps'"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":30,"profile":"H265Main"}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0/profile","schemaPath":"#/properties/profiles/items/properties/profile/enum","keyword":"enum","params":{"allowedValues":["H264Baseline","H264Main","H264High","H264ConstrainedHigh"]},"message":"must be equal to one of the allowed values"}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","multistream":{"targets":[{"profile":"source","spec":{"url":"http://x.example/live"}}]}}"#, status: 422, [
                ##"{"instancePath":"/multistream/targets/0/spec/url","schemaPath":"#/properties/multistream/properties/targets/items/properties/spec/properties/url/pattern","keyword":"pattern","params":{"pattern":"^(srt|rtmps?)://"},"message":"must match pattern \"^(srt|rtmps?)://\""}"##,
            ])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","playbackPolicy":{"type":"signed"}}"#, status: 422, [
                ##"{"instancePath":"/playbackPolicy/type","schemaPath":"#/properties/playbackPolicy/properties/type/enum","keyword":"enum","params":{"allowedValues":["public","jwt","webhook","lit_signing_condition"]},"message":"must be equal to one of the allowed values"}"##,
            ])
            #expect(await lp.emulator.streams.isEmpty)
        }
    }

    /// Numbers no integer holds are a 422 (the schema's bound on profile integers is int32's),
    /// never a trap: the emulator answers each and keeps serving.
    @Test func hostileNumbersAre422AndTheEmulatorKeepsServing() async throws {
        try await LivepeerHarness.with { lp in
            func maximum(_ path: String, _ schemaPath: String) -> String {
                ##"{"instancePath":"\##(path)","schemaPath":"#/properties/\##(schemaPath)/maximum","keyword":"maximum","params":{"comparison":"<=","limit":2147483647},"message":"must be <= 2147483647"}"##
            }
            let profile = #"{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":30}"#
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":9223372036854775807}]}"#,
                                   status: 422, [maximum("/profiles/0/fps", "profiles/items/properties/fps")])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":1e300,"fps":30}]}"#,
                                   status: 422, [maximum("/profiles/0/bitrate", "profiles/items/properties/bitrate")])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":30,"fpsDen":18446744073709551616}]}"#,
                                   status: 422, [maximum("/profiles/0/fpsDen", "profiles/items/properties/fpsDen")])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","record":true,"recordingSpec":{"profiles":[{"bitrate":3000000,"width":1e20}]}}"#,
                                   status: 422, [maximum("/recordingSpec/profiles/0/width", "recordingSpec/properties/profiles/items/properties/width")])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"p","width":1280,"height":720,"bitrate":3000000,"fps":1e999}]}"#, status: 422, [
                ##"{"instancePath":"/profiles/0/fps","schemaPath":"#/properties/profiles/items/properties/fps/type","keyword":"type","params":{"type":"integer"},"message":"must be integer"}"##,
            ])
            let stream = try await lp.createStream(#"{"name":"s","profiles":[\#(profile)]}"#)
            let id = try #require(stream["id"] as? String)
            try await expectErrors(lp, "PATCH", "/stream/\(id)", #"{"profiles":[{"name":"p","width":1280,"height":99999999999999999999999999999999999999,"bitrate":3000000,"fps":30}]}"#,
                                   status: 422, [maximum("/profiles/0/height", "profiles/items/properties/height")])
            // Free-form numbers are stored as they came and written back as JavaScript writes them.
            let tagged = try await lp.send("POST", "/stream", json: #"{"name":"t","userTags":{"big":1e20,"huge":1e300,"max":9223372036854775807,"low":-1e19}}"#)
            #expect(tagged.status == 201, "\(tagged.text)")
            #expect(tagged.text.contains(#""userTags":{"big":100000000000000000000,"huge":1e+300,"max":9223372036854776000,"low":-10000000000000000000}"#), "\(tagged.text)")
            let listed = try await lp.send("GET", "/stream?limit=99999999999999999999&cursor=skip9223372036854775807")
            #expect(listed.status == 200 && listed.array.isEmpty, "\(listed.text)")
            let all = try await lp.send("GET", "/stream?limit=99999999999999999999")
            #expect(all.status == 200 && all.array.count == 2, "\(all.text)")
            #expect(try await lp.send("GET", "/stream/\(id)").status == 200)
        }
    }

    @Test func oneOfReportsEveryBranchThenItself() async throws {
        try await LivepeerHarness.with { lp in
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","creatorId":5}"#, status: 422, [
                ##"{"instancePath":"/creatorId","schemaPath":"#/properties/creatorId/oneOf/0/type","keyword":"type","params":{"type":"object"},"message":"must be object"}"##,
                ##"{"instancePath":"/creatorId","schemaPath":"#/properties/creatorId/oneOf/1/type","keyword":"type","params":{"type":"string"},"message":"must be string"}"##,
                ##"{"instancePath":"/creatorId","schemaPath":"#/properties/creatorId/oneOf","keyword":"oneOf","params":{"passingSchemas":null},"message":"must match exactly one schema in oneOf"}"##,
            ])
            let tags = try await lp.send("POST", "/stream", json: #"{"name":"s","userTags":{"ok":"x","bad":true}}"#)
            #expect(tags.status == 422)
            #expect(tags.errors.count == 4)
            #expect(tags.errors.last?.contains(##""instancePath":"/userTags/bad","schemaPath":"#/properties/userTags/additionalProperties/oneOf""##) == true)
        }
    }

    @Test func businessRulesAre400WithTheServersWords() async throws {
        try await LivepeerHarness.with { lp in
            let p720 = #"{"name":"720p","width":1280,"height":720,"bitrate":3000000,"fps":30}"#
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","recordingSpec":{"profiles":null}}"#, status: 400,
                                   ["recordingSpec is only supported with record=true"])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[{"name":"source","width":1280,"height":720,"bitrate":3000000,"fps":30}]}"#,
                                   status: 400, [#"profile cannot be named "source""#])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[\#(p720),\#(p720)]}"#, status: 400,
                                   [#"duplicate profile name "720p""#])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","profiles":[\#(p720)],"multistream":{"targets":[{"profile":"1080p","id":"x"}]}}"#,
                                   status: 400, [#"multistream target profile not found: "1080p". available: ["720p","source"]"#])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","multistream":{"targets":[{"profile":"source"}]}}"#, status: 400,
                                   [#"multistream target must have either an "id" or a "spec""#])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","multistream":{"targets":[{"profile":"source","id":"t","spec":{"url":"rtmp://h/k"}}]}}"#,
                                   status: 400, [#"multistream target must have either an "id" or a "spec""#])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","multistream":{"targets":[{"profile":"source","id":"nope"}]}}"#, status: 400,
                                   [#"multistream target not found: "nope""#])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","playbackPolicy":{"type":"webhook","webhookId":"wh-1"}}"#, status: 400,
                                   ["webhook wh-1 not found"])
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","playbackPolicy":{"type":"webhook"}}"#, status: 500,
                                   ["Internal server error: Error"])
            let bigTags = "{" + (0..<100).map { #""tag\#($0)":"value-value-value""# }.joined(separator: ",") + "}"
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","userTags":\#(bigTags)}"#, status: 400,
                                   ["userTags object is too large. Max size is 2048 characters"])
            #expect(await lp.emulator.streams.isEmpty)

            let target = try await lp.send("POST", "/multistream/target", json: #"{"url":"rtmp://h.example/live/k"}"#)
            let targetId = try #require(target.object["id"] as? String)
            try await expectErrors(lp, "POST", "/stream", #"{"name":"s","multistream":{"targets":[{"profile":"source","id":"\#(targetId)"},{"profile":"source","id":"\#(targetId)"}]}}"#,
                                   status: 400, ["multistream target {id,profile} must be unique"])
        }
    }

    @Test func aPolicyNamingTheCallersWebhookIsAccepted() async throws {
        try await LivepeerHarness.with { lp in
            let webhook = try await lp.send("POST", "/webhook", json: #"{"name":"auth","url":"https://auth.example.org/lp","events":["playback.accessControl"]}"#)
            let id = try #require(webhook.object["id"] as? String)
            let stream = try await lp.createStream(#"{"name":"s","playbackPolicy":{"type":"webhook","webhookId":"\#(id)","webhookContext":{"streamerId":"main"},"refreshInterval":600}}"#)
            let policy = stream["playbackPolicy"] as? [String: Any]
            #expect(policy?["webhookId"] as? String == id)
            #expect((policy?["webhookContext"] as? [String: Any])?["streamerId"] as? String == "main")
            #expect(policy?["refreshInterval"] as? Int == 600)
        }
    }

    @Test func authenticationFailuresAre401() async throws {
        try await LivepeerHarness.with { lp in
            let none = try await lp.send("GET", "/stream", key: nil)
            #expect(none.status == 401 && none.errors == ["request is not authenticated"])
            let wrong = try await lp.send("GET", "/stream", key: "nope")
            #expect(wrong.status == 401 && wrong.errors == ["no token nope found"])
            let scheme = try await lp.send("GET", "/stream", key: nil, headers: ["Authorization": "Token abc"])
            #expect(scheme.status == 401 && scheme.errors == ["unsupported authorization header scheme: Token"])
            let lowercase = try await lp.send("GET", "/stream", key: nil, headers: ["Authorization": "bearer \(LivepeerHarness.key)"])
            #expect(lowercase.status == 200)
            let account = try #require(await lp.emulator.account(forAPIKey: LivepeerHarness.key))
            let basic = Data("\(account.userId):\(LivepeerHarness.key)".utf8).base64EncodedString()
            #expect(try await lp.send("GET", "/stream", key: nil, headers: ["Authorization": "Basic \(basic)"]).status == 200)
            let project = try await lp.send("GET", "/stream?projectId=x")
            #expect(project.status == 400 && project.errors == ["projectId as query param not supported"])
            // Authentication comes before validation.
            #expect(try await lp.send("POST", "/stream", json: "{}", key: nil).status == 401)
        }
    }

    @Test func brokenJSONIs400AndANonJSONBodyCountsAsEmpty() async throws {
        try await LivepeerHarness.with { lp in
            let broken = try await lp.send("POST", "/stream", json: #"{"name": }"#)
            #expect(broken.status == 400)
            #expect(broken.errors == [#"Unexpected token '}', "{"name": }" is not valid JSON"#])
            let plain = try await lp.send("POST", "/stream", json: nil, headers: ["Content-Type": "text/plain"])
            #expect(plain.status == 422 && plain.errors.first?.contains("missingProperty") == true)
        }
    }
}
