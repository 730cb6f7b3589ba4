import CastformCore
import CastformEmulator
import CastformProviders
import Foundation

extension Providers {
    /// The emulated services of the castform binary (for --sandbox and castform emulator),
    /// each keeping its data in its own folder of `directory` when one is given. Emulators live
    /// apart from the providers on purpose: they model the APIs, not castform's client.
    ///
    /// The Mixcloud emulator serves the account the workspace names (`providers.mixcloud.user`),
    /// with the sandbox's token; without a name, the default account. Throws when a data
    /// directory's files cannot be loaded (the error names the file and line).
    @Sendable static func emulators(_ directory: URL?, settings: [String: [String: Value]]) throws -> [any EmulatedService] {
        var account = MixcloudAccount.deepSessions
        if let user = settings["mixcloud"]?["user"]?.unmarked.stringValue, !user.isEmpty, user != account.username {
            account = MixcloudAccount(username: user, tokens: account.tokens)
        }
        return [
            try MixcloudEmulator(dataDirectory: directory?.appendingPathComponent("mixcloud"), accounts: [account]),
            try LivepeerEmulator(dataDirectory: directory?.appendingPathComponent("livepeer")),
            try LivestreamEmulator(dataDirectory: directory?.appendingPathComponent("livestream")),
            SideFXEmulator(),
            LivecodingEmulator(),
        ]
    }
}
