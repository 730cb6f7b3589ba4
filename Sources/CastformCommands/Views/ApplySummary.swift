import CastformExecution
import CastformRendering

/// The closing lines of an apply: counts on success; on failure what was done, what failed
/// with why, and what was skipped.
enum ApplySummary {
    static func render(_ summary: ExecutionSummary, destroy: Bool, style: TerminalStyle) -> String {
        var added = 0, changed = 0, destroyed = 0, forgotten = 0
        for (_, action) in summary.completed {
            switch action {
            case .create: added += 1
            case .update: changed += 1
            case .delete, .deleteDeposed: destroyed += 1
            case .forget, .forgetDeposed: forgotten += 1
            default: break
            }
        }
        let counts = "Resources: \(added) added, \(changed) changed, \(destroyed) destroyed" + (forgotten > 0 ? ", \(forgotten) forgotten." : ".")
        if summary.succeeded {
            return "\n" + style.green(style.bold((destroy ? "Destroy" : "Apply") + " complete!")) + " \(counts)\n"
        }
        let command = destroy ? "Destroy" : "Apply"
        var text = "\n" + style.red(style.bold(summary.interrupted ? "\(command) interrupted." : "\(command) failed.")) + " \(counts)\n"
        if !summary.completed.isEmpty {
            text += "  Done:\n" + summary.completed.map { "    \($0.address) (\($0.action))\n" }.joined()
        }
        if !summary.failed.isEmpty {
            text += "  Failed:\n"
            for failure in summary.failed {
                let reason = failure.diagnostics.first { $0.severity == .error }?.message ?? "no reason given"
                text += "    \(failure.address) (\(failure.action)): \(reason)\n"
            }
        }
        if !summary.skipped.isEmpty {
            text += "  Skipped:\n" + summary.skipped.map { "    \($0.address) (\($0.action)): depends on \($0.because), which failed\n" }.joined()
        }
        if !summary.notStarted.isEmpty {
            text += "  Not started:\n" + summary.notStarted.map { "    \($0.address) (\($0.action))\n" }.joined()
        }
        for error in summary.stateErrors {
            text += style.red("  State could not be saved: \(error)") + "\n"
        }
        return text + "State holds every completed operation; fix the problem and run castform \(command.lowercased()) again.\n"
    }
}
