// CastformCore: the vocabulary every other module speaks, with no I/O.
//
// It owns diagnostics and source locations, resource addresses, values (as written in a
// manifest, and as evaluated), expressions, and the schema language in which a provider
// describes its resource types. It must not read files, talk to the network, or know the name
// of any service: providers bring their schemas to it, not the other way round.
