// CastformState: what castform knows it manages — the state snapshot, its backends, locks,
// and the keyed hashes that stand in for secrets. It never stores a secret in clear: values
// marked sensitive are replaced by an HMAC before anything is written.
