import Foundation
import Hummingbird
import NIOCore

/// The Channel API's routes: one handler for every method, by path (`/x<name>x/2.0/info.json`)
/// or by Host header (`/2.0/info.json`). Every request is counted against the rate limits
/// first; a `LivestreamServiceError` thrown below becomes the HTML error page.
extension LivestreamEmulator {
    func addAPIRoutes(to router: Router<EmulatorContext>) {
        router.get(":host/2.0/:method") { [self] request, context in
            await answer(request, label: context.parameters.get("host") ?? "", method: context.parameters.get("method") ?? "")
        }
        router.get("2.0/:method") { [self] request, context in
            let host = request.head.authority ?? ""
            let label = host.split(separator: ".").first.map(String.init) ?? ""
            return await answer(request, label: label, method: context.parameters.get("method") ?? "")
        }
    }

    func answer(_ request: Request, label: String, method: String) async -> Response {
        switch limiter.admit(now: clock().timeIntervalSince1970) {
        case .refused(let retryAfter, var headers):
            headers[.retryAfter] = String(retryAfter)
            return LivestreamServiceError(status: 429, detail: "rate limit exceeded").response(headers: headers)
        case .allowed(let headers):
            do {
                var response = try await respond(request, label: label, method: method)
                for field in headers { response.headers.append(field) }
                return response
            } catch let error as LivestreamServiceError {
                return error.response(headers: headers)
            } catch {
                return LivestreamServiceError(status: 500, detail: nil).response(headers: headers)
            }
        }
    }

    /// The method's answer in the asked format: `name`, `name.xml` or `name.json`.
    func respond(_ request: Request, label: String, method: String) async throws -> Response {
        let parts = method.split(separator: ".", maxSplits: 1).map(String.init)
        let format = parts.count > 1 ? parts[1] : "xml"
        guard format == "xml" || format == "json" else { throw LivestreamServiceError.badRequest("unknown format \(format)") }
        let query = request.uri.queryParameters
        guard let channel = await store.read({ $0.channel(label: label) }), label.hasPrefix("x"), label.hasSuffix("x") else {
            throw LivestreamServiceError.notFound("channel not found")
        }
        let (node, lists) = try feed(parts[0], channel, query: { query.get($0) })
        if format == "xml" {
            return Self.body(LivestreamXML.document(node), contentType: "text/xml; charset=utf-8")
        }
        let json = LivestreamJSON.document(node, lists: lists)
        guard let callback = query.get("callback"), !callback.isEmpty else {
            return Self.body(json, contentType: "application/json; charset=utf-8")
        }
        guard Self.isCallbackName(callback) else { throw LivestreamServiceError.badRequest("invalid callback") }
        return Self.body("\(callback)(\(json))", contentType: "text/javascript; charset=utf-8")
    }

    /// A method's node tree, and which of its elements JSON writes as arrays.
    func feed(_ method: String, _ channel: LivestreamChannel, query: (String) -> String?) throws -> (LivestreamFeedNode, Set<String>) {
        switch method {
        case "info": return (LivestreamFeeds.info(channel), [])
        case "livestatus": return (LivestreamFeeds.liveStatus(channel), [])
        case "listplaylists": return (LivestreamFeeds.playlists(channel), ["directory"])
        case "events": return (LivestreamFeeds.events(channel), ["event"])
        case "latestclips":
            let clips = channel.latestClips
            return (LivestreamFeeds.clips(channel, page: try Self.page(clips, query), total: clips.count), ["item"])
        case "listclips":
            let id = try Self.required("id", query)
            guard channel.playlists.contains(where: { $0.id == id }) else { throw LivestreamServiceError.notFound("playlist not found") }
            let clips = channel.latestClips.filter { $0.playlistID == id }
            return (LivestreamFeeds.clips(channel, page: try Self.page(clips, query), total: clips.count), ["item"])
        case "clipdetails":
            return (LivestreamFeeds.clipDetails(channel, try Self.clip(channel, query)), [])
        case "thumbnail":
            let clip = try Self.clip(channel, query)
            guard clip.hasThumbnail else { throw LivestreamServiceError.notFound("thumbnail not found") }
            let time = try query("time").map { text -> Int in
                guard let seconds = Int(text), seconds >= 0 else { throw LivestreamServiceError.badRequest("invalid time") }
                return seconds
            } ?? 10
            return (LivestreamFeeds.thumbnail(clip, channel, time: time), [])
        default:
            throw LivestreamServiceError.badRequest("invalid action \(method)")
        }
    }

    static func required(_ name: String, _ query: (String) -> String?) throws -> String {
        guard let value = query(name), !value.isEmpty else { throw LivestreamServiceError.badRequest("missing parameter \(name)") }
        return value
    }

    static func clip(_ channel: LivestreamChannel, _ query: (String) -> String?) throws -> LivestreamClip {
        let id = try required("id", query)
        guard let clip = channel.clips.first(where: { $0.id == id }) else { throw LivestreamServiceError.notFound("clip not found") }
        return clip
    }

    /// `page` (default 1) of `maxresults` (default 10) clips; both positive integers.
    static func page(_ clips: [LivestreamClip], _ query: (String) -> String?) throws -> [LivestreamClip] {
        func positive(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = query(name) else { return fallback }
            guard let value = Int(text), value > 0 else { throw LivestreamServiceError.badRequest("invalid \(name)") }
            return value
        }
        let page = try positive("page", 1), size = try positive("maxresults", 10)
        let start = (page - 1).multipliedReportingOverflow(by: size)
        guard !start.overflow, start.partialValue < clips.count else { return [] }
        return Array(clips[start.partialValue..<min(start.partialValue + size, clips.count)])
    }

    /// A JavaScript identifier path (`cb`, `jQuery123_456`, `ns.fn`): anything else would
    /// let the caller's text run as script on the page that loads the answer.
    static func isCallbackName(_ name: String) -> Bool {
        name.count <= 128 && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_$.".unicodeScalars.contains($0)) }
            && !(name.first?.isNumber ?? true)
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
