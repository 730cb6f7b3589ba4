// CastformHTTP: the one HTTP client every castform provider talks through.
//
// It owns requests and responses as plain values, the middleware chain (auth, retries with
// backoff and Retry-After, per-service rate limits, logging), streaming multipart uploads from
// disk, the transport over async-http-client, and the wording of HTTP failures with secrets
// redacted. It must not know any service's resource model: providers bring a
// `ServiceConfiguration` (name, base URL, middlewares, how to read the service's error bodies)
// and get back bytes and `HTTPError`s. Time is injected (`HTTPClock`) so that backoff and rate
// limits are tested exactly; nothing here calls `Task.sleep` directly.

// `JSONValue`, the loosely typed answer every provider reads, comes from CastformJSON.
@_exported import CastformJSON
