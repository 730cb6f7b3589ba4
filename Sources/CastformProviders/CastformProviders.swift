// CastformProviders: one folder per service (Mixcloud, Livepeer, Livestream, Livecoding, SideFX),
// each with its types' schemas and its `Provider`: reads in batches, creates, updates, removals,
// recovery of lost creates, twins, imports, and what is special about the service — its error
// format and rate-limit signal (given to CastformHTTP), its own file format (`DocumentFormat`),
// its credentials. No folder imports another, and only this module (with the emulators) knows
// a service's name: the engine sees schemas and the `Provider` protocol.
import CastformCore

public enum Providers {
    /// Every type castform manages or reads, from every provider.
    public static let schemas: [ResourceTypeSchema] =
        MixcloudSchemas.all + LivepeerSchemas.all + LivestreamSchemas.all
        + LivecodingSchemas.all + SideFXSchemas.all

    /// What each provider accepts in castform.yaml. Every one takes `endpoint`, the base URL
    /// to use instead of the service's (for the emulator).
    public static let configurations: [ProviderSchema] = [
        ProviderSchema(name: "mixcloud", config: ObjectSchema([
            endpoint,
            Attribute("user", .string, summary: "The account whose cloudcasts castform manages."),
            Attribute("client_id", .string),
        ])),
        ProviderSchema(name: "livepeer", config: ObjectSchema([endpoint])),
        ProviderSchema(name: "livestream", config: ObjectSchema([endpoint])),
        ProviderSchema(name: "livecoding", config: ObjectSchema([endpoint, Attribute("client_id", .string)])),
        ProviderSchema(name: "sidefx", config: ObjectSchema([endpoint, Attribute("client_id", .string)])),
    ]

    static let endpoint = Attribute("endpoint", .string, constraints: [.urlScheme(["http", "https"])],
                                    summary: "Base URL of the API, e.g. the emulator's http://127.0.0.1:PORT.")

    public static let registry = SchemaRegistry(schemas, providers: configurations)
}
