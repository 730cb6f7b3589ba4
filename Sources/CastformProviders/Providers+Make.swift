import CastformCore

extension Providers {
    /// The castform binary's providers for one workspace.
    @Sendable public static func make(_ context: ProviderContext) -> ProviderSet {
        ProviderSet([
            MixcloudProvider(context),
            LivepeerProvider(context: context),
            LivestreamProvider(context: context),
            LivecodingProvider(context: context),
            SideFXProvider(context: context),
        ], configurations: configurations)
    }
}
