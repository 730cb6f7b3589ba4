import CastformCore
import Foundation

/// Where the Mixcloud access token comes from, in order: the sandbox's emulator token,
/// `MIXCLOUD_ACCESS_TOKEN`, the castform credentials file (`castform login mixcloud`), and
/// `~/.netrc` `machine mixcloud-api` (password = token, as the Python library reads it).
/// Every failure is a sentence for the user, never a crash (the Python library crashes on a
/// netrc without the entry, or with loose permissions: FACTS.md §7).
enum MixcloudCredentials {
    /// The emulator's default account's token (`deepsessions`).
    static let sandboxToken = "mixcloud-test-token"
    static let hint = "log in with `castform login mixcloud`, or set MIXCLOUD_ACCESS_TOKEN, or add `machine mixcloud-api password TOKEN` to ~/.netrc"

    /// Where castform looked, in order, and what to do.
    static func missing(_ context: ProviderContext, netrc: String) -> String {
        let file = context.credentialsPath.isEmpty ? "" : ", the credentials file \(context.credentialsPath) (no mixcloud token)"
        return "no Mixcloud access token: castform looked in MIXCLOUD_ACCESS_TOKEN (not set)\(file) and \(netrc) (no machine mixcloud-api); " + hint
    }

    static func token(_ context: ProviderContext) -> Result<String, CredentialError> {
        if context.sandbox, context.endpoints["mixcloud"] != nil { return .success(sandboxToken) }
        if let token = context.environment["MIXCLOUD_ACCESS_TOKEN"], !token.isEmpty { return .success(token) }
        if !context.credentialsPath.isEmpty {
            do {
                if let token = try CredentialStore(path: context.credentialsPath).token(for: "mixcloud") { return .success(token) }
            } catch let error as CredentialError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(context.credentialsPath))
            }
        }
        let home = context.environment["HOME"] ?? NSHomeDirectory()
        switch Netrc.password(machine: "mixcloud-api", path: home + "/.netrc") {
        case .success(let token?): return .success(token)
        case .success(nil): return .failure(.missing(provider: "mixcloud", hint: missing(context, netrc: home + "/.netrc")))
        case .failure(let problem): return .failure(.missing(provider: "mixcloud", hint: problem.message))
        }
    }
}

/// Just enough of `.netrc` to read one machine's password.
enum Netrc {
    /// nil when the file or the machine is missing; a message when the file is unsafe.
    static func password(machine: String, path: String) -> Result<String?, NetrcProblem> {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return .success(nil) }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        let words = text.split { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }.map(String.init)
        var index = 0
        var current: String?
        var password: String?
        while index < words.count {
            let word = words[index]
            if word == "machine" || word == "default" {
                if current == machine, password != nil { break }
                current = word == "machine" && index + 1 < words.count ? words[index + 1] : nil
                password = nil
                index += word == "machine" ? 2 : 1
                continue
            }
            if word == "password", index + 1 < words.count, current == machine { password = words[index + 1] }
            index += 2
        }
        guard current == machine, let password else { return .success(nil) }
        if mode & 0o077 != 0 {
            return .failure(NetrcProblem(message: String(format: "%@ holds a Mixcloud token but can be read by others (mode %o): run `chmod 600 %@`", path, mode, path)))
        }
        return .success(password)
    }
}

/// A `.netrc` castform will not read a secret from.
struct NetrcProblem: Error {
    var message: String
}
