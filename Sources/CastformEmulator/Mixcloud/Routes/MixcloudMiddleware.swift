import Hummingbird

/// Mixcloud's rules around every route: a path without its trailing slash is answered with a
/// 301 to the path with it (query kept, FACTS.md §5), and the 404 of a path no route matches
/// leaves in Mixcloud's shape.
///
/// The OAuth paths are exempt from the slash rule: they live on www.mixcloud.com, whose
/// documented URLs (`/oauth/authorize`, `/oauth/access_token`) have no trailing slash.
struct MixcloudMiddleware: RouterMiddleware {
    typealias Context = EmulatorContext

    func handle(_ request: Request, context: EmulatorContext, next: (Request, EmulatorContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if !path.hasSuffix("/") && !path.hasPrefix("/oauth/") {
            let query = request.uri.query.map { "?\($0)" } ?? ""
            return MixcloudResponse.redirect(to: "\(MixcloudRequest(request).apiRoot)\(path)/\(query)", status: 301)
        }
        // The API's own errors render themselves (`MixcloudAPIError: HTTPResponseError`); a path
        // no route matches is Hummingbird's 404, given Mixcloud's shape here.
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            throw MixcloudAPIError.notFound
        }
    }
}
