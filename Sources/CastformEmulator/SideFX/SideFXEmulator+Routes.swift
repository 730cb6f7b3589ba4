import Foundation
import Hummingbird
import NIOCore

/// The token, RPC and download routes. Errors are plain text bodies, as the service's are.
extension SideFXEmulator {
    func addAPIRoutes(to router: Router<EmulatorContext>) {
        router.post("oauth2/application_token") { [self] request, _ in
            guard let (id, secret) = PlainResponses.basicCredentials(request), id == Self.clientID, secret == Self.clientSecret else {
                return PlainResponses.text("Invalid client credentials", status: .unauthorized)
            }
            return PlainResponses.json(["access_token": issueToken(), "expires_in": Self.tokenLifetime, "token_type": "Bearer"])
        }
        router.post("api/") { [self] request, _ in try await rpc(request) }
        router.get("downloads/:signature/:filename") { [self] request, context in
            download(request, signature: context.parameters.get("signature") ?? "", filename: context.parameters.get("filename") ?? "")
        }
        router.post("_castform/sidefx/corrupt") { [self] _, _ in
            counters.withLock { $0.corruptNext = true }
            return Response(status: .noContent)
        }
        router.get("_castform/sidefx/downloads") { [self] _, _ in
            let (whole, ranged) = counters.withLock { ($0.whole, $0.ranged) }
            return PlainResponses.json(["whole": whole, "ranged": ranged])
        }
    }

    private func rpc(_ request: Request) async throws -> Response {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.hasPrefix("Bearer "), isValid(token: String(authorization.dropFirst(7))) else {
            return PlainResponses.text("Invalid or expired access token", status: .unauthorized)
        }
        let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
        guard let field = ReceivedForm(urlEncoded: body)["json"], let call = try? JSONSerialization.jsonObject(with: Data(field.utf8)) as? [Any],
              call.count == 3, let function = call[0] as? String, let args = call[1] as? [Any], let kwargs = call[2] as? [String: Any] else {
            return PlainResponses.text("The json parameter must be [function, args, kwargs]", status: .badRequest)
        }
        let base = "http://" + (request.head.authority ?? "127.0.0.1")
        return answer(function, SideFXCall(args: args, kwargs: kwargs), base: base)
    }

    private func answer(_ function: String, _ call: SideFXCall, base: String) -> Response {
        switch function {
        case "download.get_daily_builds_list":
            // "Latest first", but as text, as the service sorts them.
            let matching = builds.filter { call.matches($0, platformAt: 2) }.sorted { $0.build > $1.build }
            return PlainResponses.json(matching.map(\.listing))
        case "download.get_daily_build_download":
            guard let build = chosenBuild(call) else { return PlainResponses.text("No such build", status: .notFound) }
            return PlainResponses.json(["download_url": "\(base)/downloads/\(signature(for: build.filename))/\(build.filename)",
                              "filename": build.filename, "hash": build.md5, "size": build.contents.count,
                              "date": build.date, "releases_list": build.release, "status": build.status])
        case "changelog.get_latest_changelog_entries":
            return PlainResponses.json(SideFXSeed.changelog)
        case "bugs.get_submission_options":
            return PlainResponses.json(["os": ["Linux", "Windows", "macOS"], "products": ["Houdini"], "categories": ["Crash", "Rendering"]])
        default:
            return PlainResponses.text("Unknown API function: \(function)", status: .badRequest)
        }
    }

    /// `build` as the call names it: a number, or "production" for the newest gold build.
    private func chosenBuild(_ call: SideFXCall) -> SideFXBuild? {
        let candidates = builds.filter { call.matches($0, platformAt: 3) }
        guard let wanted = call.string("build", at: 2) else { return nil }
        if wanted == "production" {
            return candidates.filter { $0.release == "gold" }.max { (Int($0.build) ?? 0) < (Int($1.build) ?? 0) }
        }
        return candidates.first { $0.build == wanted }
    }

    private func download(_ request: Request, signature: String, filename: String) -> Response {
        guard let build = builds.first(where: { $0.filename == filename }), isValid(signature: signature, filename: filename) else {
            return PlainResponses.text("Not found", status: .notFound)
        }
        var bytes = build.contents
        let corrupt = counters.withLock { counters in
            defer { counters.corruptNext = false }
            return counters.corruptNext
        }
        if corrupt { bytes[bytes.count / 2] ^= 0xFF }
        var headers = HTTPFields()
        headers[.contentType] = "application/octet-stream"
        headers[.acceptRanges] = "bytes"
        if let range = request.headers[.range], range.hasPrefix("bytes="), let start = Int(range.dropFirst(6).split(separator: "-").first ?? ""),
           start < bytes.count {
            counters.withLock { $0.ranged += 1 }
            headers[.contentRange] = "bytes \(start)-\(bytes.count - 1)/\(bytes.count)"
            return Response(status: .partialContent, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes[start...])))
        }
        counters.withLock { $0.whole += 1 }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// A call's arguments, positional or by keyword (`product, version, build, platform`).
struct SideFXCall {
    var args: [Any]
    var kwargs: [String: Any]

    func string(_ name: String, at position: Int) -> String? {
        if let value = kwargs[name] as? String { return value }
        return position < args.count ? args[position] as? String : nil
    }

    /// Whether a build is one the call asks for: product, version, platform, production only.
    func matches(_ build: SideFXBuild, platformAt position: Int) -> Bool {
        guard build.product == string("product", at: 0) else { return false }
        if let version = string("version", at: 1), build.version != version { return false }
        if let platform = string("platform", at: position), build.platform != platform { return false }
        if (kwargs["only_production"] as? Bool) == true, build.release != "gold" { return false }
        return true
    }
}
