import CastformEmulator
import Foundation

/// The receiving end: castform's Mixcloud emulator on 127.0.0.1, which streams each upload to
/// disk, checks the fields and answers as Mixcloud does. Prints `PORT <n>` on standard output
/// once it listens, then serves until killed.
enum EmulatorServerProcess {
    static let token = "mixcloud-test-token"

    static func run() async throws {
        let server = EmulatorServer(service: MixcloudEmulator())
        let port = try await server.start()
        // Unbuffered: the parent waits for this line before it starts uploading.
        FileHandle.standardOutput.write(Data("PORT \(port)\n".utf8))
        while true { try await Task.sleep(for: .seconds(3600)) }
    }
}
