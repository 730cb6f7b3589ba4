import CastformHTTP
import Foundation

/// The measured side: uploads FILE as the `mp3` part of a multipart form with CastformHTTP, as
/// the Mixcloud provider will, and prints `RESULT <bytes> <seconds> <VmHWM KiB>`.
enum Uploader {
    static func run(url: String, file: String) async throws {
        let client = HTTPClient(
            service: ServiceConfiguration(name: "Sink", baseURL: url, timeouts: HTTPTimeouts(read: .seconds(600)))
        )
        var form = MultipartForm()
        form.addField("name", "Benchmark upload")
        form.addFile("mp3", path: file, contentType: "audio/mpeg")
        let length = try form.contentLength()
        let started = ContinuousClock.now
        let response = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))
        let elapsed = ContinuousClock.now - started
        let received = try response.json()["bytes"]?.number.map(Int64.init)
        guard received == length else {
            fatalError("the sink received \(received.map(String.init) ?? "?") bytes of \(length)")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("RESULT \(length) \(seconds) \(PeakMemory.highWaterMarkKiB() ?? -1)")
    }
}
