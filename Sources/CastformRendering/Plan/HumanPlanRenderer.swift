import Foundation
import CastformCore
import CastformPlanning

/// The plan for people in a terminal, in Terraform's shape: drift first, then one block per
/// change with its symbol and changed attributes, then the summary line.
public struct HumanPlanRenderer: Sendable {
    public var style: TerminalStyle

    public init(style: TerminalStyle) {
        self.style = style
    }

    public func render(_ document: PlanDocument) -> String {
        var text = ""
        if !document.resourceDrift.isEmpty {
            text += style.bold("Objects have changed outside castform") + " since the last apply:\n\n"
            for entry in document.resourceDrift { text += block(entry, in: document, drift: true) }
        }
        let shown = PlanWording.shown(document)
        guard !shown.isEmpty else {
            return text + style.green(style.bold("No changes.")) + " The remote objects match the manifests.\n"
        }
        text += "castform will perform the following actions:\n\n"
        for entry in shown { text += block(entry, in: document, drift: false) }
        return text + style.bold(PlanWording.summary(document)) + "\n"
    }

    func block(_ entry: PlanDocument.Entry, in document: PlanDocument, drift: Bool) -> String {
        let symbol = PlanWording.symbol(entry.change.actions)
        var headline = PlanWording.headline(entry)
        if drift {
            headline = entry.change.actions == [.delete] ? "\(entry.address) was deleted outside castform" : "\(entry.address) was changed outside castform"
        }
        var text = "  " + style.bold("# \(headline)") + "\n"
        if entry.actionReason == .readBecauseConfigUnknown {
            text += "  " + style.dim("# (config refers to values not yet known)") + "\n"
        }
        if let previous = entry.previousAddress, ChangeKind(actions: entry.change.actions) != .noOp {
            text += "  " + style.dim("# (moved from \(previous))") + "\n"
        }
        text += colour(symbol).padding(3) + " \(entry.address)\n"
        for line in AttributeLines.lines(for: entry, in: document) {
            let indent = "      " + String(repeating: "    ", count: line.depth)
            text += indent + colour(line.symbol) + " " + (line.isComment ? style.dim(line.body) : line.body)
            text += line.forcesReplacement ? style.red(" # forces replacement") + "\n" : "\n"
        }
        return text + "\n"
    }

    func colour(_ symbol: String) -> String {
        switch symbol {
        case "+": return style.green(symbol)
        case "~": return style.yellow(symbol)
        case "-": return style.red(symbol)
        case "-/+", "+/-": return style.yellow(symbol)
        case "<=": return style.cyan(symbol)
        default: return symbol
        }
    }
}

extension String {
    /// Right-aligns short symbols in a fixed width ("  +", "-/+"), counting visible characters.
    func padding(_ width: Int) -> String {
        let visible = replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression).count
        return String(repeating: " ", count: max(0, width - visible)) + self
    }
}
