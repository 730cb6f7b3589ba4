import Foundation

/// Mixcloud's slugs: Django's `slugify`, which is what the samples show.
///
/// In the 2013 sample `Happy (feat.Charlise)` became `happy-featcharlise` and `Samurai (12"
/// Mix)` `samurai-12-mix`: punctuation is removed, not turned into a hyphen, and runs of spaces
/// and hyphens become one hyphen. Accents are dropped to ASCII (`Café` → `cafe`). The Python
/// `mixcloud` library's own slugify differs (`Second Mix!` → `second-mix-`), which is why
/// clients must use the key the upload returns.
enum Slug {
    static func make(from name: String) -> String {
        // NFKD splits accented letters into letter + combining mark; the mark is then dropped.
        let ascii = name.decomposedStringWithCompatibilityMapping.unicodeScalars.filter(\.isASCII)
        var kept = ""
        for scalar in ascii {
            let character = Character(scalar)
            if character.isLetter || character.isNumber || character == "_" || character == "-" {
                kept.append(character)
            } else if character.isWhitespace {
                kept.append(" ")
            }
        }
        var slug = ""
        var pendingHyphen = false
        for character in kept.lowercased() {
            if character == " " || character == "-" {
                pendingHyphen = true
            } else {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            }
        }
        slug = slug.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        // A name with no ASCII letter or digit (say, all Japanese) has no Django slug; what
        // Mixcloud does then is unknown. The emulator uses "untitled".
        return slug.isEmpty ? "untitled" : slug
    }
}
