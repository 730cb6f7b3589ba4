import Foundation

/// The cloudcast fields of an upload or edit form, checked against Mixcloud's documented
/// rules. Each is nil when the form did not send it: an edit changes only what it sends, and
/// any `tags-*`, `sections-*` or `hosts-*` field replaces the whole list.
struct CloudcastFormFields {
    var name: String?
    var description: String?
    var tags: [String]?
    var sections: [MixcloudSection]?
    /// Usernames as sent, empty values dropped; which are accepted is the route's business.
    var hosts: [String]?
    var unlisted: Bool?
    var publish: Bool?
    var unpublish: Bool?
    var publishDate: Date?
    var disableComments: Bool?
    var hideStats: Bool?
    /// Fields Mixcloud does not document but accepts (`percentage_music`), kept as sent.
    var other: [String: String] = [:]

    /// Which of `unlisted`, `publish` and `unpublish` were sent; an edit may send one only.
    var visibilityActions: [String] = []

    /// Reads the text fields of `form`; `publish` and `unpublish` are fields of edits only.
    init(form: ReceivedForm, limits: MixcloudLimits, isEdit: Bool, errors: inout FieldErrors) {
        var tagFields: [Int: String] = [:]
        var sectionFields: [Int: [String: String]] = [:]
        var hostFields: [Int: String] = [:]
        for name in form.fieldNames {
            let value = FormValues.trimmed(form[name] ?? "")
            let parts = name.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 3, let index = Int(parts[1]), index >= 0 {
                switch (parts[0], parts[2]) {
                case ("tags", "tag"):
                    if index < limits.tags { tagFields[index] = value } else { errors.add(name, "At most \(limits.tags) tags are allowed (tags-0-tag to tags-\(limits.tags - 1)-tag).") }
                    continue
                case ("sections", "artist"), ("sections", "song"), ("sections", "chapter"), ("sections", "start_time"):
                    sectionFields[index, default: [:]][parts[2]] = value
                    continue
                case ("hosts", "username"):
                    if index < limits.hosts { hostFields[index] = value } else { errors.add(name, "At most \(limits.hosts) hosts are allowed (hosts-0-username to hosts-\(limits.hosts - 1)-username).") }
                    continue
                default:
                    break
                }
            }
            readPlainField(name, value, limits: limits, isEdit: isEdit, errors: &errors)
        }
        if !tagFields.isEmpty { tags = tagFields.sorted { $0.key < $1.key }.map(\.value).filter { !$0.isEmpty } }
        if !hostFields.isEmpty { hosts = hostFields.sorted { $0.key < $1.key }.map(\.value).filter { !$0.isEmpty } }
        if !sectionFields.isEmpty { sections = Self.sections(sectionFields, errors: &errors) }
    }

    private mutating func readPlainField(_ name: String, _ value: String, limits: MixcloudLimits, isEdit: Bool, errors: inout FieldErrors) {
        if !isEdit && (name == "publish" || name == "unpublish") {
            other[name] = value
            return
        }
        switch name {
        case "name":
            self.name = value
        case "description":
            let length = value.unicodeScalars.count
            if length > limits.descriptionCharacters {
                errors.add(name, "Ensure this value has at most \(limits.descriptionCharacters) characters (it has \(length)).")
            }
            description = value
        case "publish_date":
            if let date = FormValues.publishDate(value) { publishDate = date } else { errors.add(name, "Enter a date and time as YYYY-MM-DDTHH:MM:SSZ, in UTC.") }
        case "unlisted", "disable_comments", "hide_stats", "publish", "unpublish":
            guard let flag = FormValues.boolean(value) else {
                errors.add(name, "Enter a boolean: 1, true or on; 0, false or off.")
                return
            }
            switch name {
            case "unlisted": unlisted = flag
            case "disable_comments": disableComments = flag
            case "hide_stats": hideStats = flag
            case "publish": publish = flag
            default: unpublish = flag
            }
            if ["unlisted", "publish", "unpublish"].contains(name) { visibilityActions.append(name) }
        case "mp3", "picture":
            // Sent as text, not as a file; the routes report it as a missing file.
            break
        default:
            other[name] = value
        }
    }

    /// Sections in index order. A section is a chapter or a track (artist and song); one whose
    /// fields are all empty is dropped, so `sections-0-chapter=` clears a tracklist (how to
    /// clear one is not documented: FACTS.md §3, [UNK]). `start_time` is optional.
    private static func sections(_ fields: [Int: [String: String]], errors: inout FieldErrors) -> [MixcloudSection] {
        var sections: [MixcloudSection] = []
        for (index, values) in fields.sorted(by: { $0.key < $1.key }) {
            let field = { (name: String) in values[name] ?? "" }
            if values.values.allSatisfy(\.isEmpty) { continue }
            var startTime: Int?
            if !field("start_time").isEmpty {
                switch FormValues.seconds(field("start_time")) {
                case .success(let seconds): startTime = seconds
                case .failure(let problem): errors.add("sections-\(index)-start_time", problem.message)
                }
            }
            let (artist, song, chapter) = (field("artist"), field("song"), field("chapter"))
            if !chapter.isEmpty {
                if !artist.isEmpty || !song.isEmpty {
                    errors.add("sections-\(index)-chapter", "A section is either a chapter or a track (artist and song), not both.")
                }
                sections.append(.chapter(chapter, at: startTime))
            } else {
                if artist.isEmpty { errors.add("sections-\(index)-artist", FieldErrors.required) }
                if song.isEmpty { errors.add("sections-\(index)-song", FieldErrors.required) }
                sections.append(.track(artist, song, at: startTime))
            }
        }
        return sections
    }
}
