import Foundation

/// The browser half of an OAuth authorization-code login for a command-line app (RFC 8252):
/// castform makes a random `state`, sends the user to the service's authorize page, and gets
/// the code back on a loopback port — or, with `--no-browser`, from the address the user
/// pastes — refusing an answer that does not carry its `state`.
enum BrowserAuthorization {
    /// What a login says to the user about the service, and how to run it again.
    struct Service {
        var name: String
        /// "publish on your Mixcloud account", "read Livecoding.tv".
        var purpose: String
        var command: String
        /// The environment variable that fixes the loopback port (a registered redirect URI).
        var portVariable: String
    }

    /// The code, and the redirect URI it was issued for (the token exchange repeats it).
    /// `parameters` are the authorize page's own; `redirect_uri` and `state` are added here.
    static func code(_ context: LoginContext, _ service: Service, authorize: String,
                     parameters: [URLQueryItem]) async throws -> (code: String, redirect: String) {
        let listener = context.noBrowser ? nil : try LoopbackRedirect(port: Int(context.environment[service.portVariable] ?? "") ?? 0)
        let redirect = "http://127.0.0.1:\(listener?.port ?? 8765)/callback"
        let state = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        var url = URLComponents(string: authorize)!
        url.queryItems = parameters + [.init(name: "redirect_uri", value: redirect), .init(name: "state", value: state)]
        let address = url.string!
        let query: [String: String]
        if let listener {
            context.say("Open this address to let castform \(service.purpose):\n\n  \(address)\n\nWaiting for \(service.name) to send you back to \(redirect) ...")
            openBrowser(address, environment: context.environment)
            query = try await listener.awaitQuery(timeout: 300, page: "<html><body><p>castform is logged in to \(service.name). You can close this window.</p></body></html>")
        } else {
            context.say("Open this address in a browser on any machine and approve:\n\n  \(address)\n\nThe browser is then sent to \(redirect)?code=... (the page will not load: that is expected).")
            let pasted = await context.ask("Paste that address here: ") ?? ""
            query = Dictionary((URLComponents(string: pasted.trimmingCharacters(in: .whitespaces))?.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { $1 }
        }
        guard query["state"] == state else {
            throw LoginFailure("the login answer did not carry castform's state: it was not the answer to this login; run `\(service.command)` again")
        }
        guard let code = query["code"], !code.isEmpty else {
            throw LoginFailure("\(service.name) did not grant access" + (query["error"].map { " (\($0))" } ?? ""))
        }
        return (code, redirect)
    }

    /// Best effort: `$CASTFORM_BROWSER`, `xdg-open` or `open`; the printed address is enough.
    static func openBrowser(_ url: String, environment: [String: String]) {
        let candidates = [environment["CASTFORM_BROWSER"], "/usr/bin/xdg-open", "/usr/bin/open"].compactMap { $0 }
        guard let program = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
