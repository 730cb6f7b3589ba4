import CastformCore
import CastformPlanning
import CastformProviders
import CastformRendering
import Foundation
import Testing

/// A pull-request comment for a big plan: under GitHub's limit, never cut inside a block, and
/// every change at least counted.
@Suite struct MarkdownLimitTests {
    /// 2,000 shows, each retitled and with a tracklist that gains a track and corrects one.
    static func twoThousandChangedShows() -> PlanDocument {
        let changes = (0..<2000).map { index -> ResourceChange in
            let tracks = (0..<12).map { NestedDiffRenderingTests.track($0 * 300, "Artist \($0)", "Track \($0) of show \(index)") }
            var changed = tracks
            changed[5] = NestedDiffRenderingTests.track(1500, "Artist 5", "Track 5 of show \(index) (Live)")
            changed.insert(NestedDiffRenderingTests.track(1000, "Guest", "Exclusive \(index)"), at: 4)
            let before: [String: Value] = ["title": .string("Weekly show \(index)"), "tracks": .list(tracks), "id": .string("/radio/show-\(index)/")]
            var after = before
            after["title"] = .string("Weekly show \(index), remastered")
            after["tracks"] = .list(changed)
            return ResourceChange(address: ResourceAddress(type: "mixcloud_cloudcast", name: "show-\(index)"), provider: "mixcloud",
                                  kind: .update, before: before, after: after, changedAttributes: ["title", "tracks"])
        }
        return PlanDocument(Plan(lineage: "l", serial: 1, changes: changes), registry: NestedDiffRenderingTests.registry)
    }

    /// The digits of the first match of `pattern`, as a number.
    static func number(in text: String, _ pattern: String) -> Int? {
        guard let match = text.range(of: pattern, options: .regularExpression) else { return nil }
        return Int(text[match].filter(\.isNumber))
    }

    static func occurrences(of part: String, in text: String) -> Int {
        text.components(separatedBy: part).count - 1
    }

    @Test func twoThousandShowsStayUnderGitHubsLimitAndAreAllCounted() {
        let text = MarkdownPlanRenderer().render(Self.twoThousandChangedShows())
        #expect(text.utf16.count < MarkdownPlanRenderer.githubLimit)
        #expect(text.hasPrefix("### castform plan: 0 to add, 2000 to change, 0 to destroy\n"))

        // The table: rows, then one row counting the rest.
        let rows = Self.occurrences(of: "| `~` | `mixcloud_cloudcast.show-", in: text)
        let moreRows = Self.number(in: text, #"\| \| _… and [0-9]+ more_"#)
        #expect(rows > 0)
        #expect(rows + (moreRows ?? 0) == 2000)

        // The sections: whole ones only, then a last line counting the rest.
        let sections = Self.occurrences(of: "<details>", in: text)
        #expect(sections > 0)
        #expect(sections == Self.occurrences(of: "</details>", in: text))
        #expect(sections == Self.occurrences(of: "```diff\n", in: text))
        let lastLine = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.hasPrefix("_… "))
        #expect(lastLine.contains("more changes not shown"))
        let more = Self.number(in: lastLine, #"… [0-9]+ more"#)
        #expect(sections + (more ?? 0) == 2000)
    }

    @Test func aPlanThatFitsHasNoNote() {
        let text = MarkdownPlanRenderer().render(NestedDiffRenderingTests.document([
            ResourceChange(address: ResourceAddress(type: "mixcloud_cloudcast", name: "one"), provider: "mixcloud", kind: .create,
                           after: ["title": .string("One")], changedAttributes: ["title"]),
        ]))
        #expect(!text.contains("not shown"))
        #expect(!text.contains("more_"))
    }
}
