// CastformEmulator: local, faithful emulators of the services castform talks to — real HTTP
// servers on 127.0.0.1 with the services' routes, validation, error shapes and status codes,
// plus fault injection (latency, rate limits, 5xx, dropped connections, slow uploads) and
// inspection (a request log and the current objects) for tests.
//
// Server/ serves one emulated service; FaultInjection/ misbehaves on request (waiting on the
// clock the server is given, never on Task.sleep); Store/ keeps an emulator's data in an actor,
// in memory or journaled to a directory (one line per change, so a write costs the same in
// any size of store); Forms/ reads form bodies (multipart streamed to disk) for any emulator;
// one folder per service (Mixcloud/, ...) holds its API. Routes throw the service's errors,
// which render themselves (Hummingbird's HTTPResponseError).
//
// It models the APIs, not castform's client: it must not import CastformProviders, and it
// shares no types with them, so a misunderstanding of the API cannot hide on both sides.
