/// Which parts of a JSON document to build (`JSONParser.parse(_:keeping:)`): the rest is read
/// past, checked as strictly as what is built, and never made into values.
///
/// A service's list page is mostly what castform never reads (a show's pictures, its owner,
/// its counters, each tag's links): building all of it only to drop it cost more than reading
/// the page. A selection names what is read, so the page's values are made once, at their
/// final size.
///
/// The selection is kept flat (nodes numbered, the root first) so that the parser follows it
/// by number: one list of names looked at per object read, none per scalar.
public struct JSONSelection: Sendable {
    enum Node: Sendable {
        /// The value as it is, whole.
        case all
        /// Of an object, only these members, each with its own selection; of an array, each
        /// element so selected; any other value as it is.
        case members([(name: String, node: Int)])
    }

    let nodes: [Node]

    /// The whole document.
    public static let all = JSONSelection(nodes: [.all])

    /// Of an object, only `members`, each with its selection (of an array: of each element).
    public static func members(_ members: KeyValuePairs<String, JSONSelection>) -> JSONSelection {
        members.reduce(JSONSelection(nodes: [.members([])])) { selection, member in selection.adding(member.key, member.value) }
    }

    /// Of an object, only the members named, each whole.
    public static func members(_ names: [String]) -> JSONSelection {
        names.reduce(JSONSelection(nodes: [.members([])])) { selection, name in selection.adding(name, .all) }
    }

    /// This selection (of members) with `name` selected as `selection` too; its nodes follow
    /// this one's, renumbered by where they start. A name selected twice keeps its first
    /// selection; `.all` already selects everything, and stays as it is.
    public func adding(_ name: String, _ selection: JSONSelection) -> JSONSelection {
        guard case .members(var named) = nodes[0] else { return self }
        var nodes = self.nodes
        let offset = nodes.count
        named.append((name, offset))
        nodes += selection.nodes.map { node in
            guard case .members(let inner) = node else { return node }
            return .members(inner.map { ($0.name, $0.node + offset) })
        }
        nodes[0] = .members(named)
        return JSONSelection(nodes: nodes)
    }
}
