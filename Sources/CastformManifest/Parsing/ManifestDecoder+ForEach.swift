import CastformCore
import YAML

/// `for_each` and `for_each_key` in a resource, and `moved` entries beside the types.
extension ManifestDecoder {
    /// The resource's `for_each`, kept as written: a list or mapping (whose values may hold
    /// `${...}`), or one `${...}` naming a collection known when planning.
    func decodeForEach(_ body: Node, address: ResourceAddress, decoder: inout ValueDecoder) -> ForEach? {
        let keyNode = body["for_each_key"]
        guard let node = body["for_each"] else {
            if let keyNode { decoder.report(.forEach(.keyAttributeWithoutForEach(address)), at: keyNode.mark) }
            return nil
        }
        let collection: ConfigValue?
        if case .string(let text) = node.resolved, node.scalar != nil, TemplateParser.hasInterpolation(text) {
            collection = decoder.decode(node, as: .string, name: "for_each")
        } else if node.sequence != nil || node.mapping != nil {
            collection = decoder.decode(node, as: .any, name: "for_each")
        } else {
            decoder.report(.forEach(.notACollection(found: node.valueKind)), at: node.mark)
            collection = nil
        }
        guard let collection else { return nil }
        var forEach = ForEach(collection: collection, location: node.mark)
        if let keyNode {
            if let name = decoder.decode(keyNode, as: .string, name: "for_each_key")?.string {
                forEach.keyAttribute = (name, keyNode.mark)
            }
        }
        return forEach
    }

    /// `moved: [{from: ADDRESS, to: ADDRESS}, ...]`: each entry's addresses, checked one by
    /// one here; how moves fit together is `MoveRule`'s.
    func decodeMoves(_ node: Node, decoder: inout ValueDecoder) -> [Move] {
        guard let items = node.sequence else {
            decoder.report(.moved(.notAList(found: node.valueKind)), at: node.mark)
            return []
        }
        let schema = ObjectSchema([Attribute("from", .string, .required), Attribute("to", .string, .required)])
        return items.compactMap { item in
            let entry = decoder.decodeObject(item, schema: schema, context: .setting("moved"))
            guard let from = address(entry.field("from"), decoder: &decoder),
                  let to = address(entry.field("to"), decoder: &decoder) else { return nil }
            return Move(from: from, to: to, location: item.mark)
        }
    }

    private func address(_ field: ConfigValue.Field?, decoder: inout ValueDecoder) -> ResourceAddress? {
        guard let field, let text = field.value.string else { return nil }
        guard let address = ResourceAddress(parsing: text) else {
            decoder.appendDiagnostic(.manifest(.moved(.notAnAddress(written: text)), at: field.value.location))
            return nil
        }
        return address
    }
}
