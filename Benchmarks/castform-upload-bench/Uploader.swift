import CastformHTTP
import BenchSupport
import Foundation

/// The measured side: uploads FILE as the `mp3` part of a multipart form with CastformHTTP to
/// the Mixcloud emulator, as the Mixcloud provider does, and prints
/// `RESULT <bytes> <seconds> <VmHWM KiB>`.
enum Uploader {
    static func run(url: String, file: String) async throws {
        let client = HTTPClient(
            service: ServiceConfiguration(
                name: "Mixcloud", baseURL: url,
                middlewares: [AuthMiddleware(.queryParameter("access_token", .fixed(EmulatorServerProcess.token)))],
                timeouts: HTTPTimeouts(read: .seconds(600)))
        )
        var form = MultipartForm()
        form.addField("name", "Benchmark upload \(UUID().uuidString.prefix(8))")
        form.addFile("mp3", path: file, contentType: "audio/mpeg")
        let length = try form.contentLength()
        let started = ContinuousClock.now
        let response = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))
        let elapsed = ContinuousClock.now - started
        guard try response.json()["result"]?["success"]?.bool == true else {
            fatalError("the emulator did not accept the upload: \(response.text)")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("RESULT \(length) \(seconds) \(PeakMemory.highWaterMarkKiB() ?? -1)")
    }
}
