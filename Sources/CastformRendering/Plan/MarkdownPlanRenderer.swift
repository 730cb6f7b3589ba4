import Foundation
import CastformCore
import CastformPlanning

/// The plan as a pull-request comment: a summary table, then a collapsible section per
/// resource with the same attribute lines as the terminal's, in a `diff` block.
///
/// GitHub refuses comments over 65,536 characters. The table takes at most half of that and
/// the sections what is left; whatever does not fit is left out whole (never cut in the middle
/// of a block) and counted in a last line, so every change is at least counted.
public struct MarkdownPlanRenderer: Sendable {
    public static let githubLimit = 65_536
    public var limit: Int

    public init(limit: Int = MarkdownPlanRenderer.githubLimit) {
        self.limit = limit
    }

    /// The length GitHub holds against the limit, counted generously (UTF-16 code units are
    /// never fewer than the characters any counter sees).
    static func length(_ text: String) -> Int { text.utf16.count }

    /// Room kept for the closing line about what was left out.
    static let reserve = 300

    public func render(_ document: PlanDocument) -> String {
        let shown = PlanWording.shown(document)
        var head = "### castform plan: \(shown.isEmpty ? "no changes" : PlanWording.summary(document).dropFirst(6).dropLast())\n\n"
        if !document.resourceDrift.isEmpty {
            head += "⚠️ \(document.resourceDrift.count) object(s) changed outside castform since the last apply.\n\n"
        }
        guard !shown.isEmpty else { return head + "The remote objects match the manifests.\n" }
        head += table(shown, budget: limit / 2 - Self.length(head))
        var body = ""
        var used = Self.length(head)
        var sections = 0
        for entry in shown {
            let section = details(entry, in: document)
            let size = Self.length(section)
            if used + size + Self.reserve > limit { break }
            body += section
            used += size
            sections += 1
        }
        if sections < shown.count {
            let more = shown.count - sections
            body += "\n_… \(more) more \(more == 1 ? "change" : "changes") not shown (GitHub comments hold at most \(limit) characters); run `castform plan` for the full plan._\n"
        }
        return head + body
    }

    /// The summary table: one row per change while the budget lasts, then a row counting the rest.
    func table(_ shown: [PlanDocument.Entry], budget: Int) -> String {
        var text = "| | Resource | Action | Attributes |\n|---|---|---|---|\n"
        var used = Self.length(text)
        var rows = 0
        for entry in shown {
            let attributes = entry.changedAttributes.map { "`\($0)`" }.joined(separator: ", ")
            let row = "| `\(PlanWording.symbol(entry.change.actions))` | `\(entry.address)` | \(action(entry)) | \(attributes) |\n"
            if used + Self.length(row) + 100 > budget { break }
            text += row
            used += Self.length(row)
            rows += 1
        }
        if rows < shown.count { text += "| | _… and \(shown.count - rows) more_ | | |\n" }
        return text + "\n"
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

    /// One resource's section. In a `diff` block the first column colours the line, so each
    /// line starts with its symbol (`!` for a change, as GitHub colours it) and nested lines
    /// are indented after it.
    func details(_ entry: PlanDocument.Entry, in document: PlanDocument) -> String {
        var text = "<details><summary><code>\(entry.address)</code>: \(escape(PlanWording.headline(entry).dropFirst(entry.address.count + 1)))</summary>\n\n```diff\n"
        text += "\(PlanWording.symbol(entry.change.actions)) \(entry.address)\n"
        for line in AttributeLines.lines(for: entry, in: document) {
            let symbol = line.symbol == "~" ? "!" : line.symbol
            let indent = String(repeating: "    ", count: line.depth)
            text += "\(symbol)   \(indent)\(line.body.replacingOccurrences(of: "```", with: "'''"))\(line.forcesReplacement ? "  # forces replacement" : "")\n"
        }
        return text + "```\n\n</details>\n"
    }

    func escape(_ text: Substring) -> String {
        text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
