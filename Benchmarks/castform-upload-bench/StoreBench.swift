import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `castform-upload-bench store [--objects 11000] [--creates 300]`: the emulators' store at
/// scale (issue 16), a figure, not a test.
///
/// Fills a data directory with `--objects` objects (ten in eleven Mixcloud shows, seeded in one
/// change; the rest Livepeer streams, created over HTTP), then prints how long both emulators
/// take to load it again, and what one create costs as `castform apply` makes it (Mixcloud: a
/// multipart upload and the GET of the new show; Livepeer: a POST and a GET of the stream) in
/// an empty store and in the full one. Goals: reload ≤ 2 s; create cost independent of size.
enum StoreBench {
    static func run(_ arguments: [String]) async throws {
        var objects = 11_000
        var creates = 300
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--objects": objects = Int(iterator.next() ?? "") ?? objects
            case "--creates": creates = Int(iterator.next() ?? "") ?? creates
            default: print("ignoring unknown argument \(argument)")
            }
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("castform-store-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let full = root.appendingPathComponent("full")
        let shows = objects * 10 / 11

        var started = ContinuousClock.now
        try await fill(full, shows: shows, streams: objects - shows)
        print("store: filled \(objects) objects (\(shows) shows, \(objects - shows) streams) in \(seconds(since: started))")

        started = ContinuousClock.now
        let mixcloud = try MixcloudEmulator(dataDirectory: full.appendingPathComponent("mixcloud"))
        let livepeer = try LivepeerEmulator(dataDirectory: full.appendingPathComponent("livepeer"))
        let reload = seconds(since: started)
        let loaded = await (mixcloud.cloudcasts.count, livepeer.streams.count)
        print("store: reload of \(loaded.0 + loaded.1) objects: \(reload) (goal ≤ 2 s)")

        let empty = root.appendingPathComponent("empty")
        let emptyCost = try await createCost(
            try MixcloudEmulator(dataDirectory: empty.appendingPathComponent("mixcloud")),
            try LivepeerEmulator(dataDirectory: empty.appendingPathComponent("livepeer")), creates: creates)
        let fullCost = try await createCost(mixcloud, livepeer, creates: creates)
        print("store: create cost, empty store: mixcloud \(emptyCost.mixcloud) ms, livepeer \(emptyCost.livepeer) ms per create (\(creates) each)")
        print("store: create cost, \(objects)-object store: mixcloud \(fullCost.mixcloud) ms, livepeer \(fullCost.livepeer) ms per create (\(creates) each)")
    }

    private static func fill(_ directory: URL, shows: Int, streams: Int) async throws {
        let mixcloud = try MixcloudEmulator(dataDirectory: directory.appendingPathComponent("mixcloud"))
        try await mixcloud.seed(count: shows)
        let livepeer = try LivepeerEmulator(dataDirectory: directory.appendingPathComponent("livepeer"))
        try await serve(livepeer) { client in
            for number in 0..<streams { _ = try await client.createStream(number) }
        }
    }

    /// Mean milliseconds per create over `creates` creates on each emulator.
    private static func createCost(_ mixcloud: MixcloudEmulator, _ livepeer: LivepeerEmulator,
                                   creates: Int) async throws -> (mixcloud: String, livepeer: String) {
        var started = ContinuousClock.now
        try await serve(mixcloud) { client in
            for number in 0..<creates { try await client.uploadShow(number) }
        }
        let mixcloudCost = milliseconds(since: started, per: creates)
        started = ContinuousClock.now
        try await serve(livepeer) { client in
            for number in 0..<creates {
                let id = try await client.createStream(number)
                _ = try await client.send("GET", "/api/stream/\(id)")
            }
        }
        return (mixcloudCost, milliseconds(since: started, per: creates))
    }

    private static func serve(_ service: any EmulatedService, _ body: (BenchClient) async throws -> Void) async throws {
        let server = EmulatorServer(service: service)
        let port = try await server.start()
        do {
            try await body(BenchClient(port: port))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    private static func seconds(since start: ContinuousClock.Instant) -> String {
        let elapsed = ContinuousClock.now - start
        return String(format: "%.2f s", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    private static func milliseconds(since start: ContinuousClock.Instant, per count: Int) -> String {
        let elapsed = ContinuousClock.now - start
        let total = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return String(format: "%.2f", total / Double(max(count, 1)))
    }
}

/// The requests `castform apply` sends to create, over one keep-alive session.
private struct BenchClient {
    let port: Int
    private let session = URLSession(configuration: .ephemeral)

    init(port: Int) { self.port = port }

    func send(_ method: String, _ path: String, body: Data? = nil, contentType: String? = nil) async throws -> Data {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        request.setValue("Bearer livepeer-test-key", forHTTPHeaderField: "Authorization")
        let (data, response) = try await session.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw BenchError("\(method) \(path): HTTP \(status): \(String(decoding: data, as: UTF8.self))")
        }
        return data
    }

    /// `POST /api/stream`; returns the new stream's id.
    func createStream(_ number: Int) async throws -> String {
        let data = try await send("POST", "/api/stream", body: Data(#"{"name":"bench \#(number)"}"#.utf8), contentType: "application/json")
        guard let id = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String else {
            throw BenchError("POST /api/stream: no id")
        }
        return id
    }

    /// `POST /upload/` with a name and a small MP3, then the GET of the new show.
    func uploadShow(_ number: Int) async throws {
        let boundary = "castform-bench-boundary"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nBench Show \(number)\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"mp3\"; filename=\"show.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n".utf8))
        body.append(Data([0xFF, 0xFB, 0x90, 0x64] + [UInt8](repeating: 0, count: 4096)))
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let token = "access_token=\(EmulatorServerProcess.token)"
        let data = try await send("POST", "/upload/?\(token)", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        let result = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["result"] as? [String: Any]
        guard let key = result?["key"] as? String else { throw BenchError("POST /upload/: no key") }
        _ = try await send("GET", "\(key)?\(token)")
    }
}

private struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
