import CastformEmulator
import CastformProviders
import Foundation

extension Providers {
    /// The emulated services of the castform binary (for --sandbox and castform emulator),
    /// each keeping its data in its own folder of `directory` when one is given. Emulators live
    /// apart from the providers on purpose: they model the APIs, not castform's client.
    @Sendable static func emulators(_ directory: URL?) -> [any EmulatedService] {
        [
            MixcloudEmulator(dataDirectory: directory?.appendingPathComponent("mixcloud")),
            LivepeerEmulator(dataDirectory: directory?.appendingPathComponent("livepeer")),
        ]
    }
}
