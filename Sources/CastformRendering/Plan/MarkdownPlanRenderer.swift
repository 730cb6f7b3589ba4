import Foundation
import CastformCore
import CastformPlanning

/// The plan as a pull-request comment: a summary table, then a collapsible section per
/// resource, cut with a note before GitHub's 65,536-character limit.
public struct MarkdownPlanRenderer: Sendable {
    public static let githubLimit = 65_536
    public var limit: Int

    public init(limit: Int = MarkdownPlanRenderer.githubLimit) {
        self.limit = limit
    }

    public func render(_ document: PlanDocument) -> String {
        let shown = PlanWording.shown(document)
        var head = "### castform plan: \(shown.isEmpty ? "no changes" : PlanWording.summary(document).dropFirst(6).dropLast())\n\n"
        if !document.resourceDrift.isEmpty {
            head += "⚠️ \(document.resourceDrift.count) object(s) changed outside castform since the last apply.\n\n"
        }
        guard !shown.isEmpty else { return head + "The remote objects match the manifests.\n" }
        head += "| | Resource | Action | Attributes |\n|---|---|---|---|\n"
        // The table gets at most half the budget; the details share what is left.
        var rows = 0
        for entry in shown {
            let attributes = entry.changedAttributes.isEmpty ? "" : entry.changedAttributes.map { "`\($0)`" }.joined(separator: ", ")
            let row = "| `\(PlanWording.symbol(entry.change.actions))` | `\(entry.address)` | \(action(entry)) | \(attributes) |\n"
            if head.count + row.count > limit / 2 { break }
            head += row
            rows += 1
        }
        if rows < shown.count { head += "| | _… and \(shown.count - rows) more_ | | |\n" }
        head += "\n"
        var body = ""
        var omitted = 0
        let reserve = 200
        for (index, entry) in shown.enumerated() {
            let section = details(entry)
            if head.count + body.count + section.count + reserve > limit {
                omitted = shown.count - index
                break
            }
            body += section
        }
        if omitted > 0 {
            body += "\n_\(omitted) more resource(s) not shown to stay within GitHub's comment limit; run `castform plan` for the full plan._\n"
        }
        return head + body
    }

    func action(_ entry: PlanDocument.Entry) -> String {
        switch ChangeKind(actions: entry.change.actions) {
        case .create: return "create"
        case .update: return "update"
        case .delete: return entry.note ?? "destroy"
        case .forget: return "forget"
        case .replaceDestroyFirst, .replaceCreateFirst: return "replace"
        case .read: return "read"
        default: return "—"
        }
    }

    func details(_ entry: PlanDocument.Entry) -> String {
        var text = "<details><summary><code>\(entry.address)</code>: \(escape(PlanWording.headline(entry).dropFirst(entry.address.count + 1)))</summary>\n\n```diff\n"
        text += "\(PlanWording.symbol(entry.change.actions)) \(entry.address)\n"
        for line in AttributeLines.lines(for: entry) {
            let symbol = line.symbol == "~" ? "!" : line.symbol
            text += "\(symbol)   \(line.name) = \(line.text.replacingOccurrences(of: "```", with: "'''"))\(line.forcesReplacement ? "  # forces replacement" : "")\n"
        }
        return text + "```\n\n</details>\n"
    }

    func escape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
