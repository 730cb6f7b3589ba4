import Foundation

/// One element of an answer, written once and rendered twice: as the media-RSS XML the
/// guide shows and as the JSON its clients read. Building both from one tree keeps the two
/// forms of a method from saying different things.
///
/// The JSON rules (reference/OTHER-APIS.md §a): prefixes dropped, attributes as `"@name"`,
/// repeated elements as arrays (`list` forces an array for a list method's `item` or
/// `directory`, even with one element or none), text as a string unless the node is a
/// boolean or a number, which clients read as JSON values.
struct LivestreamFeedNode: Sendable {
    enum Leaf: Sendable {
        case text
        case bool
        case number
    }

    var name: String
    var attributes: [(name: String, value: String)] = []
    var text: String?
    var leaf: Leaf = .text
    var children: [LivestreamFeedNode] = []
    /// Namespace declarations (`xmlns:ls`) written on this element in XML only.
    var namespaces: [(prefix: String, uri: String)] = []

    init(_ name: String, _ text: String? = nil, leaf: Leaf = .text, attributes: [(name: String, value: String)] = [],
         children: [LivestreamFeedNode] = []) {
        self.name = name
        self.text = text
        self.leaf = leaf
        self.attributes = attributes
        self.children = children
    }

    static func bool(_ name: String, _ value: Bool) -> LivestreamFeedNode {
        LivestreamFeedNode(name, value ? "true" : "false", leaf: .bool)
    }

    static func number(_ name: String, _ value: Int) -> LivestreamFeedNode {
        LivestreamFeedNode(name, String(value), leaf: .number)
    }

    /// The name without its namespace prefix, as the JSON keys it.
    var localName: String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    static let lsNamespace = (prefix: "ls", uri: "http://api.channel.livestream.com/2.0")
    static let mediaNamespace = (prefix: "media", uri: "http://search.yahoo.com/mrss")
}

/// The XML form.
enum LivestreamXML {
    static func document(_ root: LivestreamFeedNode) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element(root, indent: 0)
    }

    static func element(_ node: LivestreamFeedNode, indent: Int) -> String {
        let pad = String(repeating: "\t", count: indent)
        var open = "<" + node.name
        for namespace in node.namespaces { open += " xmlns:\(namespace.prefix)=\"\(escape(namespace.uri))\"" }
        for attribute in node.attributes { open += " \(attribute.name)=\"\(escape(attribute.value))\"" }
        if node.children.isEmpty {
            guard let text = node.text, !text.isEmpty else { return pad + open + " />\n" }
            return pad + open + ">" + escape(text) + "</\(node.name)>\n"
        }
        return pad + open + ">\n" + node.children.map { element($0, indent: indent + 1) }.joined() + pad + "</\(node.name)>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// The JSON form, keys in document order.
enum LivestreamJSON {
    /// `{"<root's local name>": ...}`; an `rss` root is skipped for its `channel`, as the
    /// service's JSON does.
    static func document(_ root: LivestreamFeedNode, lists: Set<String>) -> String {
        let node = root.name == "rss" ? (root.children.first ?? root) : root
        return "{\(string(node.localName)):\(value(node, lists: lists))}"
    }

    static func value(_ node: LivestreamFeedNode, lists: Set<String>) -> String {
        if node.attributes.isEmpty, node.children.isEmpty {
            let text = node.text ?? ""
            switch node.leaf {
            case .bool, .number: return text.isEmpty ? "null" : text
            case .text: return string(text)
            }
        }
        var members = node.attributes.map { "\(string("@" + $0.name)):\(string($0.value))" }
        var seen: [String] = []
        for child in node.children where !seen.contains(child.localName) { seen.append(child.localName) }
        for key in seen {
            let group = node.children.filter { $0.localName == key }
            let rendered = group.map { value($0, lists: lists) }
            let asList = group.count > 1 || lists.contains(key)
            members.append("\(string(key)):" + (asList ? "[\(rendered.joined(separator: ","))]" : rendered[0]))
        }
        // An empty clip list is `"item": []`: clients test `item.length`.
        if node.localName == "channel", lists.contains("item"), !seen.contains("item") { members.append("\"item\":[]") }
        return "{\(members.joined(separator: ","))}"
    }

    /// A JSON string literal (slashes left alone, as in the URLs clients saw).
    static func string(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
