import Foundation
import Hummingbird
import Logging
import NIOCore

/// The receiving end: a Hummingbird server on 127.0.0.1 that reads every request body chunk
/// by chunk, counts the bytes and throws them away, then answers `{"bytes": N}`. Prints
/// `PORT <n>` on standard output once it listens.
enum SinkServer {
    static func run() async throws {
        var logger = Logger(label: "sink")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                var count = 0
                for try await chunk in request.body {
                    count += chunk.readableBytes
                }
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: #"{"bytes": \#(count)}"#)))
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                // Unbuffered: the parent waits for this line before it starts uploading.
                FileHandle.standardOutput.write(Data("PORT \(channel.localAddress?.port ?? 0)\n".utf8))
            },
            logger: logger
        )
        try await app.runService()
    }
}
