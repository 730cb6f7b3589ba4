/// What a value being decoded is, for its messages: the attribute (or map key) it belongs to,
/// whether it is one item of that attribute's list, whether it is sensitive, and its range.
struct Slot {
    var name: String
    var isItem = false
    /// A sensitive value's text is never quoted in a message (a stream URL carries its key).
    var sensitive = false
    /// The attribute's range, for a number too large to hold: it is reported against the
    /// range the service accepts, as a value inside the type would be.
    var range: (min: Double?, max: Double?)?

    /// What messages say the value is: the attribute, or each item of it.
    var subject: ManifestProblem.Subject {
        isItem ? .eachItem(of: name) : .named(name)
    }

    /// One item of this slot's list.
    var item: Slot {
        var item = self
        item.isItem = true
        return item
    }
}
