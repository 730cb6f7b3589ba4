import CastformCore

/// Problems with `for_each`: what it iterates, the keys that name its instances, and
/// `each` where there is nothing to iterate. Found when the manifest is validated for a
/// collection written in it, and when planning for one that comes from a data source.
public enum ForEachProblem: Error, Sendable, Hashable {
    /// `for_each` is neither a list nor a map.
    case notACollection(found: ValueKind)
    /// Two instances would have the same key; the first was made from item `firstIndex`
    /// (counted from 0) of the list, the second from `index`.
    case duplicateKey(String, index: Int, firstIndex: Int)
    /// An item of a list of objects without the attribute that names its instance (`id`,
    /// or the one `for_each_key` names).
    case itemWithoutKey(index: Int, attribute: String)
    /// An item whose key is not text (a list of lists, a key attribute holding an object).
    case keyNotText(index: Int, attribute: String?, found: ValueKind)
    /// The keys depend on values known only after apply (`source`: what `for_each` is, as
    /// written), so the instances cannot be named in the plan.
    case unknownKeys(source: String)
    /// The keys would be secrets, and addresses are printed everywhere.
    case sensitiveKeys(source: String)
    /// `${each...}` in a resource without `for_each`.
    case eachWithoutForEach(ResourceAddress, reference: String)
    /// `for_each_key` without `for_each`.
    case keyAttributeWithoutForEach(ResourceAddress)
}

/// Problems with `moved` blocks: their shape, and moves that cannot both happen.
public enum MoveProblem: Sendable, Hashable {
    /// `moved` is not a list of `{from, to}`.
    case notAList(found: ValueKind)
    /// An address of a move that is not one: what was written.
    case notAnAddress(written: String)
    /// `from` and `to` are the same address.
    case sameAddress(ResourceAddress)
    /// A move to another type: the object cannot become one of another kind.
    case differentType(from: ResourceAddress, to: ResourceAddress)
    /// A move of a data source, which has nothing to move (it is read again).
    case dataSource(ResourceAddress)
    /// Two moves from the same address.
    case movedTwice(ResourceAddress)
    /// Two moves to the same address.
    case twoMovesTo(ResourceAddress)
    /// A move from an address that another move moves to: castform moves each object once.
    case chain(ResourceAddress, into: ResourceAddress)
    /// State holds both `from` and `to`: moving would overwrite `to`'s object.
    case targetExists(from: ResourceAddress, to: ResourceAddress)
}
