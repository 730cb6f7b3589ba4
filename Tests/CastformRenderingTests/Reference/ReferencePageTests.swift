import CastformCore
import CastformRendering
import CastformTestSupport
import Testing

/// The reference says what the schema says, attribute by attribute: a reader finds the type,
/// who sets it, its secrecy, its default and its limits, and the objects nested in it.
@Suite struct ReferencePageTests {
    let page = ReferencePage.render(FakeSchemas.object)

    @Test func everyAttributeHasARowWithWhatTheSchemaSays() {
        #expect(page.hasPrefix("# fake_object\n\nA resource of the `fake` provider. A fake remote object"))
        #expect(page.contains("| `name` | string | required |  |  |\n"), "\(page)")
        #expect(page.contains("| `size` | integer | optional |  | 0 to 1000000 |\n"))
        #expect(page.contains("| `enabled` | bool | optional | `true` |  |\n"))
        #expect(page.contains("| `secret` | string | optional, sensitive, write-only |"))
        #expect(page.contains("| `kind` | string | optional, forces replacement |"))
        #expect(page.contains("| `tags` | list of strings |"))
    }

    @Test func computedAttributesAndNestedObjectsHaveSectionsOfTheirOwn() throws {
        let computed = try #require(page.range(of: "## Attributes set by the service"))
        #expect(page[computed.upperBound...].contains("| `token` | string | computed, sensitive |"))
        #expect(page.contains("### `config`\n\n| Attribute |"))
        #expect(page.contains("| `level` | integer | optional |"))
    }

    @Test func theIndexLinksEveryTypeAndDataSourcesHaveTheirOwnFileNames() {
        let registry = SchemaRegistry(FakeSchemas.all)
        let pages = ReferenceIndex.pages(registry)
        #expect(pages.count == FakeSchemas.all.count + 1)
        #expect(pages["README.md"]?.contains("- [`fake_object`](fake_object.md) — a resource: A fake remote object") == true)
        for schema in FakeSchemas.all where schema.mode == .data {
            #expect(pages["data-\(schema.name).md"] != nil)
        }
    }

    @Test func theTerminalListingNamesTypesAndNestsAttributes() {
        let listing = SchemaListing.render(FakeSchemas.object)
        #expect(listing.contains("  size: integer, optional, 0 to 1000000\n"), "\(listing)")
        #expect(listing.contains("  config: object, optional\n    mode: string, optional\n"), "\(listing)")
    }
}
