/// A page of errors as castform prints them, one section per situation: generated from the
/// errors' own examples (`castform docs generate`), so the page says what castform says —
/// including what to do, which the messages carry.
public enum ErrorCatalogue {
    public static func render(title: String, introduction: String, entries: [(situation: String, message: String)]) -> String {
        var page = "# \(title)\n\n\(introduction)\n\n"
        for entry in entries {
            page += "## \(entry.situation)\n\n```\nerror: \(entry.message)\n```\n\n"
        }
        return page + "---\nGenerated from castform's error examples by `castform docs generate`; do not edit by hand.\n"
    }
}
