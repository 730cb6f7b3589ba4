/// A file format a provider reads besides castform's manifests: a YAML document of one
/// resource in the shape a service's own tools write (a show file with its audio beside it),
/// so existing files move over as they are. The manifest loader recognises such a document
/// by its top-level keys, names the resource after its file, and fills one attribute from the
/// file beside it with the same base name — without knowing whose format it is.
public struct DocumentFormat: Sendable {
    /// What people call the format, for messages ("the show file of a service's own library").
    public var name: String
    /// A document is in this format when it has no type key and at least one of these.
    public var identifyingKeys: Set<String>
    /// The attribute a file beside the document fills when the document does not name it
    /// (the audio: `show.yaml` beside `show.mp3`), and the extensions looked for, in order.
    public var siblingFile: (attribute: String, extensions: [String])?

    public init(name: String, identifyingKeys: Set<String>, siblingFile: (attribute: String, extensions: [String])? = nil) {
        self.name = name
        self.identifyingKeys = identifyingKeys
        self.siblingFile = siblingFile
    }
}

extension SchemaRegistry {
    /// The type whose document format a document with these top-level keys is in, if any:
    /// none of its keys names a type, and one is among the format's identifying keys.
    public func documentFormat(forKeys keys: [String]) -> ResourceTypeSchema? {
        guard !keys.contains(where: { $0 == "data" || managed[$0] != nil }) else { return nil }
        return managed.values.sorted { $0.name < $1.name }.first { schema in
            guard let format = schema.documentFormat else { return false }
            return keys.contains { format.identifyingKeys.contains($0) }
        }
    }
}
