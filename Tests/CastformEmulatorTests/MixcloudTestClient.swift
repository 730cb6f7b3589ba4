@testable import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A plain HTTP client for the Mixcloud emulator tests: real requests over loopback, no
/// redirect following (tests assert 301 and 302 themselves), and a multipart body builder.
struct MixcloudTestClient {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        /// `error.type`, for error replies.
        var errorType: String? { (json["error"] as? [String: Any])?["type"] as? String }
        var errorMessage: String? { (json["error"] as? [String: Any])?["message"] as? String }
        var details: [String: [String]] { json["details"] as? [String: [String]] ?? [:] }
    }

    let port: Int
    static let token = "mixcloud-test-token"
    private let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)

    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    func get(_ path: String) async throws -> Reply {
        try await send(URLRequest(url: url(path)))
    }

    /// POSTs a multipart form built from `fields` and `files` (field name → (file name, bytes)).
    func post(_ path: String, fields: [(String, String)] = [], files: [(String, String, Data)] = []) async throws -> Reply {
        let form = MultipartBody(fields: fields, files: files)
        var request = URLRequest(url: url(path))
        request.httpMethod = "POST"
        request.setValue(form.contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = form.data
        return try await send(request)
    }

    /// POSTs `application/x-www-form-urlencoded` fields.
    func postURLEncoded(_ path: String, fields: [(String, String)]) async throws -> Reply {
        var request = URLRequest(url: url(path))
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(FormURLEncoded.encode(fields).utf8)
        return try await send(request)
    }

    func send(_ request: URLRequest) async throws -> Reply {
        var request = request
        request.timeoutInterval = 60
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers["\(name)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: headers, body: data)
    }

    /// An upload of `name` with a small fake MP3 and extra fields, as the token's user.
    func upload(_ name: String, fields: [(String, String)] = [], audio: Data = MixcloudTestData.mp3(seconds: 2)) async throws -> Reply {
        try await post("/upload/?access_token=\(Self.token)", fields: [("name", name)] + fields, files: [("mp3", "show.mp3", audio)])
    }
}

/// Refuses to follow redirects, so tests see them.
final class NoRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

/// A `multipart/form-data` body, built the way HTTP libraries build one.
struct MultipartBody {
    let boundary = "castform-test-\(UUID().uuidString)"
    var data = Data()

    init(fields: [(String, String)], files: [(String, String, Data)]) {
        for (name, value) in fields {
            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, filename, content) in files {
            data.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            data.append(content)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
    }

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}

enum MixcloudTestData {
    /// A fake constant-bitrate MP3: an MPEG-1 Layer III frame header at 128 kbit/s, then bytes
    /// for `seconds` of audio (16,000 bytes a second).
    static func mp3(seconds: Int) -> Data {
        var bytes = [UInt8](repeating: 0, count: seconds * 16_000)
        bytes.replaceSubrange(0..<4, with: [0xFF, 0xFB, 0x90, 0x64])
        for index in stride(from: 4, to: bytes.count, by: 7) { bytes[index] = UInt8(truncatingIfNeeded: index) }
        return Data(bytes)
    }
}

/// Starts `emulator` on an ephemeral port for the duration of `body`.
func withMixcloud(_ emulator: MixcloudEmulator = MixcloudEmulator(), faults: FaultPlan = FaultPlan(),
                  _ body: (MixcloudTestClient, EmulatorServer) async throws -> Void) async throws {
    let server = EmulatorServer(service: emulator, faults: faults)
    let port = try await server.start()
    do {
        try await body(MixcloudTestClient(port: port), server)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}
