import Foundation
import Hummingbird
import NIOCore

/// One API call as a Livepeer handler sees it: authentication, the query, the path
/// parameters and the JSON body, each read the way the server's middleware reads them.
struct LivepeerCall: Sendable {
    let request: Request
    let context: EmulatorContext
    let emulator: LivepeerEmulator

    /// The caller's account, from `Authorization` (the server's `authorizer({})`).
    ///
    /// An API key already names its project, so the server refuses a `projectId` parameter.
    func account() async throws -> LivepeerAccount {
        let accounts = await emulator.store.read { $0.accounts.rows }
        let account = try LivepeerAuth.account(authorization: request.headers[.authorization], accounts: accounts)
        if query("projectId") != nil { throw LivepeerError.badRequest("projectId as query param not supported") }
        return account
    }

    /// A path parameter (`:id`).
    func parameter(_ name: String) -> String {
        context.parameters.get(name) ?? ""
    }

    /// The query string's pairs in order, decoded as Express's `qs` decodes them.
    var queryItems: [(name: String, value: String)] {
        LivepeerQuery.items(request.uri.query ?? "")
    }

    /// The first value of a query parameter (`toStringValues`).
    func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body as body-parser leaves it, checked against `schema` as `validatePost` does.
    ///
    /// body-parser only parses JSON bodies: any other (or no) content type, an empty body and a
    /// literal `null` leave `{}`, so a required field then fails as missing (FACTS §1). Broken
    /// JSON is a 400 with `JSON.parse`'s words; a schema failure a 422 with Ajv's errors.
    func body(validatedAgainst schema: LivepeerSchema) async throws -> LivepeerJSON {
        let body = try await jsonBody()
        let errors = LivepeerSchemaValidator.errors(in: body, against: schema)
        if !errors.isEmpty { throw LivepeerError.schema(errors) }
        return body
    }

    /// The parsed body without a schema (routes the server does not validate).
    func jsonBody() async throws -> LivepeerJSON {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType == "application/json" || mediaType.hasSuffix("+json"), buffer.readableBytes > 0 else {
            return .object([])
        }
        do {
            let parsed = try LivepeerJSONParser.parse(Data(buffer.readableBytesView))
            return parsed.isNull ? .object([]) : parsed
        } catch let error as LivepeerJSONParser.SyntaxError {
            throw LivepeerError.badRequest(error.message)
        }
    }

    /// The URL of this request as the client addressed it, with `cursor` set to `cursor`
    /// (`makeNextHREF`: the same path and query, re-encoded as `URLSearchParams` does).
    func nextLink(cursor: String) -> String {
        let host = request.head.authority ?? "127.0.0.1"
        var items = queryItems
        if let index = items.firstIndex(where: { $0.name == "cursor" }) {
            items[index].value = cursor
            items = items.enumerated().filter { $0.offset == index || $0.element.name != "cursor" }.map(\.element)
        } else {
            items.append((name: "cursor", value: cursor))
        }
        return "http://\(host)\(request.uri.path)?\(LivepeerQuery.encode(items))"
    }
}
