@testable import CastformEmulator
@testable import CastformProviders
import Testing

/// Recovery looks for a lost upload at the slug Mixcloud derives from its title; castform's
/// derivation (the provider's) and the emulator's (the service's, written apart on purpose)
/// must agree on every kind of title.
@Suite struct MixcloudSlugTests {
    static let titles = [
        "Deep Sessions #42", "Happy (feat.Charlise)", "Samurai (12\" Mix)", "Second Mix!", "Café del Mar",
        "  leading and trailing  ", "a - b", "a_b", "_under_", "--dash--", "Tab\tand\nnewline", "Ünïcödé Ümlauts",
        "ﬁne ligature", "100% Vinyl", "C++ & Swift", "日本語 mix 2", "mix---mix", "émission n°3",
    ]

    @Test(arguments: titles)
    func castformDerivesTheSlugTheServiceGives(_ title: String) {
        #expect(MixcloudSlug.derive(title) == Slug.make(from: title))
    }

    /// Where the service's rule gives nothing, castform does not guess.
    @Test func aTitleWithoutLettersOrDigitsHasNoPredictableSlug() {
        #expect(MixcloudSlug.derive("★★★") == nil)
        #expect(MixcloudSlug.derive("!!!") == nil)
    }

    @Test func candidatesFollowTheServicesNumbering() {
        #expect(MixcloudSlug.candidates("show", owner: "dj", count: 3) == ["/dj/show/", "/dj/show-2/", "/dj/show-3/"])
    }
}
