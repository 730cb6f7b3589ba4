import CastformHTTP
import Foundation
import NIOConcurrencyHelpers
import Testing

@Suite struct MultipartUploadTests {
    @Test func theServerParsesFieldsAndFileBytesWithAnExactContentLength() async throws {
        let audio = TemporaryFile.pattern(count: 1_234_567)
        try await TemporaryFile.with(named: "deep-sessions-42.mp3", bytes: audio) { file in
            try await TestServer.with(script: [.json(200, #"{"result": {"success": true, "key": "/u/deep-sessions-42/"}}"#)]) { server in
                let client = makeClient(server.baseURL, name: "Mixcloud")
                var form = MultipartForm()
                form.addField("name", "Deep Sessions #42")
                form.addField("description", "Two hours of \"deep\" house.\r\nRecorded live — ünïcödé.")
                form.addFile("mp3", path: file.path, contentType: "audio/mpeg")
                form.addField("tags-0-tag", "deep house")
                let expectedLength = try form.contentLength()
                _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))

                let request = try #require(server.requests.first)
                #expect(request.header("Content-Length") == "\(expectedLength)")
                #expect(Int64(request.body.count) == expectedLength)
                #expect(request.header("Transfer-Encoding") == nil)
                let parts = try MultipartParser.parse(request.body, contentType: try #require(request.header("Content-Type")))
                #expect(parts.map(\.name) == ["name", "description", "mp3", "tags-0-tag"])
                #expect(parts[0].body == Array("Deep Sessions #42".utf8))
                #expect(parts[1].body == Array("Two hours of \"deep\" house.\r\nRecorded live — ünïcödé.".utf8))
                #expect(parts[2].filename == "deep-sessions-42.mp3")
                #expect(parts[2].contentType == "audio/mpeg")
                #expect(parts[2].body == audio)
                #expect(parts[3].body == Array("deep house".utf8))
            }
        }
    }

    @Test func progressIsMonotonicAndEndsAtTheTotal() async throws {
        let reports = NIOLockedValueBox<[(sent: Int64, total: Int64)]>([])
        try await TemporaryFile.with(bytes: TemporaryFile.pattern(count: 3 << 20)) { file in
            try await TestServer.with(script: [.json(200, "{}")]) { server in
                let client = makeClient(server.baseURL)
                var form = MultipartForm { sent, total in reports.withLockedValue { $0.append((sent, total)) } }
                form.addField("name", "show")
                form.addFile("mp3", path: file.path)
                let total = try form.contentLength()
                _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))

                let seen = reports.withLockedValue { $0 }
                #expect(seen.count > 3)  // several file chunks, not one report at the end
                #expect(seen.allSatisfy { $0.total == total })
                #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.sent < $1.sent })
                #expect(seen.last?.sent == total)
                #expect(Int64(server.requests.first?.body.count ?? 0) == total)
            }
        }
    }

    @Test func namesWithQuotesAndLineBreaksCannotBreakThePartHeaders() async throws {
        try await TemporaryFile.with(bytes: [1, 2, 3]) { file in
            try await TestServer.with(script: [.json(200, "{}")]) { server in
                let client = makeClient(server.baseURL)
                var form = MultipartForm()
                form.addFile("mp3", path: file.path, filename: "a \"quoted\"\r\nname.mp3")
                _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))
                let request = try #require(server.requests.first)
                let parts = try MultipartParser.parse(request.body, contentType: try #require(request.header("Content-Type")))
                #expect(parts.first?.filename == "a %22quoted%22%0D%0Aname.mp3")
                #expect(parts.first?.body == [1, 2, 3])
            }
        }
    }

    @Test func aMissingFileFailsBeforeAnythingIsSent() async throws {
        try await TestServer.with(script: [.json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, name: "Mixcloud")
            var form = MultipartForm()
            form.addFile("mp3", path: "/nonexistent/show.mp3")
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form))) }
            #expect(error.kind == .requestBody("cannot read /nonexistent/show.mp3: no such file"))
            #expect(!error.outcomeUnknown)
            #expect(server.requests.isEmpty)
        }
    }

    @Test func anEmptyFileIsAValidPart() async throws {
        try await TemporaryFile.with(bytes: []) { file in
            try await TestServer.with(script: [.json(200, "{}")]) { server in
                let client = makeClient(server.baseURL)
                var form = MultipartForm()
                form.addFile("picture", path: file.path, contentType: "image/jpeg")
                _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))
                let request = try #require(server.requests.first)
                let parts = try MultipartParser.parse(request.body, contentType: try #require(request.header("Content-Type")))
                #expect(parts == [.init(name: "picture", filename: "upload.mp3", contentType: "image/jpeg", body: [])])
            }
        }
    }

    @Test func aFileThatShrinksDuringTheUploadFailsInsteadOfSendingAShortBody() async throws {
        try await TemporaryFile.with(bytes: TemporaryFile.pattern(count: 2 << 20)) { file in
            try await TestServer.with(script: [.json(200, "{}")]) { server in
                let client = makeClient(server.baseURL, name: "Mixcloud")
                let path = file.path
                // Truncate the file as soon as its first chunk has gone out.
                var form = MultipartForm { sent, _ in
                    if sent > 300_000 { truncate(path, 1000) }
                }
                form.addFile("mp3", path: file.path)
                let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form))) }
                #expect(error.kind == .requestBody("\(path) changed while it was being uploaded"))
                #expect(server.requests.isEmpty)
            }
        }
    }
}
