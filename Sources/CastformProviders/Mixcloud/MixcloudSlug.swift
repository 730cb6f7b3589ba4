import Foundation

/// The slug Mixcloud gives a new upload, derived from its name as Django's `slugify` does it
/// (which the samples show: `Happy (feat.Charlise)` → `happy-featcharlise`, `Samurai (12"
/// Mix)` → `samurai-12-mix`): accents folded to ASCII, everything but letters, digits,
/// underscores, hyphens and spaces dropped, runs of spaces and hyphens made one hyphen, and
/// hyphens and underscores trimmed from the ends. When the owner already has the slug,
/// Mixcloud adds `-2`, `-3`, ….
///
/// Castform never uses it to address a show it knows (the upload's answer gives the key); it
/// is how a lost upload is looked for, since an unlisted or scheduled show is in no list.
enum MixcloudSlug {
    /// nil when the name has no ASCII letter or digit: what Mixcloud does then is unknown.
    static func derive(_ name: String) -> String? {
        let folded = name.decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII)
        var slug = ""
        var gap = false
        for scalar in folded {
            let character = Character(scalar).lowercased()
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" {
                if gap && !slug.isEmpty { slug += "-" }
                gap = false
                slug += character
            } else if scalar == "-" || scalar.properties.isWhitespace {
                gap = true
            }
        }
        let trimmed = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The keys a new upload of `slug` can have, in the order Mixcloud hands them out.
    static func candidates(_ slug: String, owner: String, count: Int) -> [String] {
        (1...max(count, 1)).map { number in number == 1 ? "/\(owner)/\(slug)/" : "/\(owner)/\(slug)-\(number)/" }
    }
}
