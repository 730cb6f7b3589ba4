import CastformEmulator
import CastformProviders
import Foundation

extension Providers {
    /// The emulated services of the castform binary (for --sandbox and castform emulator).
    /// Emulators live apart from the providers on purpose: they model the APIs, not the client.
    @Sendable static func emulators(_ directory: URL?) -> [any EmulatedService] {
        []
    }
}
