import Hummingbird

/// A route throws a `LivepeerError`; Hummingbird turns it into the server's error answer here,
/// in one place, instead of a do/catch around every handler.
extension LivepeerError: HTTPResponseError {
    var status: HTTPResponse.Status { .init(code: statusCode) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        LivepeerResponse.error(self)
    }
}
