import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Turns what async-http-client and NIO throw into an `HTTPError`, deciding the one thing a
/// provider must know: could the request have been carried out?
///
/// Failures while connecting (refused, unreachable, DNS, connect timeout) happen before a byte
/// is sent: definitely no effect. Failures after (connection closed or reset, read timeout)
/// leave the outcome unknown. Anything unrecognised is treated as unknown too: wrongly saying
/// "may have happened" costs a lookup, wrongly saying "did not happen" costs a duplicate.
enum TransportFailure {
    static func error(_ error: any Error, request: RequestLine) -> any Error {
        if error is CancellationError || error is HTTPError { return error }
        if let error = error as? MultipartForm.FileError {
            return HTTPError(request: request, kind: .requestBody(error.description))
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return CancellationError()
            case .connectTimeout, .tlsHandshakeTimeout:
                return HTTPError(request: request, kind: .timeout(.connect))
            case .readTimeout, .deadlineExceeded:
                return HTTPError(request: request, kind: .timeout(.read), outcomeUnknown: true)
            case .remoteConnectionClosed:
                return HTTPError(request: request, kind: .connection("the connection was closed before a response arrived"), outcomeUnknown: true)
            default:
                return HTTPError(request: request, kind: .connection("\(error)"), outcomeUnknown: true)
            }
        }
        if let error = error as? NIOConnectionError {
            return HTTPError(request: request, kind: .connection(describe(error)))
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return HTTPError(request: request, kind: .timeout(.connect))
        }
        if let error = error as? IOError {
            let beforeSending = [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
            return HTTPError(request: request, kind: .connection(describe(error)), outcomeUnknown: !beforeSending)
        }
        return HTTPError(request: request, kind: .connection("\(error)"), outcomeUnknown: true)
    }

    /// `connection refused`, or `could not resolve host example.org`.
    private static func describe(_ error: NIOConnectionError) -> String {
        if let first = error.connectionErrors.first {
            if let ioError = first.error as? IOError { return describe(ioError) }
            return "\(first.error)"
        }
        if error.dnsAError != nil || error.dnsAAAAError != nil {
            return "could not resolve host \(error.host)"
        }
        return "could not connect to \(error.host):\(error.port)"
    }

    /// The C library's wording of the errno, lower-cased: `connection refused`.
    private static func describe(_ error: IOError) -> String {
        let text = String(cString: strerror(error.errnoCode))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
