import CastformCore

/// The fake provider's types: every kind of attribute the schema language has, so one
/// plan → apply → plan cycle proves quiet diffs for all of them.
public enum FakeSchemas {
    public static let object = ResourceTypeSchema(
        name: "fake_object",
        provider: "fake",
        summary: "A fake remote object with one attribute of every kind.",
        body: ObjectSchema([
            Attribute("name", .string, .required),
            Attribute("size", .int, constraints: [.range(min: 0, max: 1_000_000)]),
            Attribute("ratio", .number),
            Attribute("enabled", .bool, default: .bool(true)),
            Attribute("tags", .list(.string), normalizations: [.unordered, .caseInsensitive]),
            Attribute("labels", .map(.string)),
            Attribute("config", .object(ObjectSchema([Attribute("mode", .string), Attribute("level", .int)]))),
            Attribute("note", .string, normalizations: [.trimWhitespace]),
            Attribute("secret", .string, sensitive: true, writeOnly: true),
            Attribute("kind", .string, forceNew: true),
            Attribute("parent_id", .string),
            Attribute("id", .string, .computed),
            Attribute("revision", .int, .computed),
            Attribute("token", .string, .computed, sensitive: true),
        ])
    )

    public static let group = ResourceTypeSchema(
        name: "fake_group",
        provider: "fake",
        summary: "A fake object that is replaced before the old one is removed.",
        body: ObjectSchema([
            Attribute("name", .string, .required),
            Attribute("members", .list(.string)),
            Attribute("shape", .string, forceNew: true),
            Attribute("id", .string, .computed),
        ]),
        lifecycleOptions: [
            Attribute("on_remove", .string, default: .string("archive"), constraints: [.oneOf(["archive", "keep"])]),
        ],
        createsBeforeDestroying: true,
        removal: Removal("archived"),
        removalOption: "on_remove",
        removalChoices: ["archive": Removal("archived"), "keep": .forget("left as it is (castform forgets it)")]
    )

    public static let lookup = ResourceTypeSchema(
        name: "fake_lookup",
        mode: .data,
        provider: "fake",
        summary: "A fake data source.",
        body: ObjectSchema([
            Attribute("key", .string, .required),
            Attribute("value", .string, .computed),
            Attribute("items", .any, .computed),
        ])
    )

    public static let all = [object, group, lookup]
}
