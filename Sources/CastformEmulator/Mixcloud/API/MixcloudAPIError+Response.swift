import Hummingbird

/// A route throws a `MixcloudAPIError`; Hummingbird turns it into Mixcloud's error answer
/// here, in one place, instead of a do/catch around every handler.
extension MixcloudAPIError: HTTPResponseError {
    var status: HTTPResponse.Status { .init(code: statusCode) }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        MixcloudResponse.error(self)
    }
}
