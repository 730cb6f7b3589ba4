// CastformEmulator: local, faithful emulators of the services castform talks to — real HTTP
// servers on 127.0.0.1 with the services' routes, validation, error shapes and status codes,
// plus fault injection (latency, rate limits, 5xx, dropped connections, slow uploads) and
// inspection (a request log and the current objects) for tests.
//
// It models the APIs, not castform's client: it must not import CastformProviders, and it
// shares no types with them, so a misunderstanding of the API cannot hide on both sides.
