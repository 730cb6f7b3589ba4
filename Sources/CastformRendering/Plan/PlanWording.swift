import CastformPlanning

/// The words and symbols for each kind of change, shared by the human and Markdown renderers.
enum PlanWording {
    static func symbol(_ actions: [PlanAction]) -> String {
        switch ChangeKind(actions: actions) {
        case .create: return "+"
        case .update: return "~"
        case .delete: return "-"
        case .forget: return "."
        case .replaceDestroyFirst: return "-/+"
        case .replaceCreateFirst: return "+/-"
        case .read: return "<="
        case .noOp, nil: return " "
        }
    }

    static func headline(_ entry: PlanDocument.Entry) -> String {
        if let id = entry.deposed {
            return "\(entry.address)'s replaced object \(id) will be \(entry.note ?? "destroyed") (left by an interrupted replacement)"
        }
        let address = entry.address
        if let importing = entry.change.importing {
            let then = ChangeKind(actions: entry.change.actions) == .update ? ", then updated in place" : ""
            return "\(address) will be imported\(then): \(importing.id) exists already (\(importing.reason))"
        }
        switch ChangeKind(actions: entry.change.actions) {
        case .create: return "\(address) will be created"
        case .update: return "\(address) will be updated in place" + (entry.note.map { "; \($0)" } ?? "")
        case .delete:
            var text = entry.note.map { "\(address) will be \($0)" } ?? "\(address) will be destroyed"
            return text + removalReason(entry)
        case .forget:
            if entry.actionReason == .forgetNeverCreated { return "\(address) will be forgotten (its create never happened)" }
            return "\(address) will be \(entry.note ?? "forgotten"): castform will no longer manage it" + removalReason(entry)
        case .replaceDestroyFirst, .replaceCreateFirst:
            let because = entry.replacePaths.map { $0.joined(separator: ".") }.joined(separator: ", ")
            var text = "\(address) must be replaced: \(because) cannot be changed in place"
            if let note = entry.note { text += "; \(note)" }
            return text
        case .read: return "\(address) will be read during apply"
        case .noOp, nil:
            if let previous = entry.previousAddress { return "\(previous) has moved to \(address)" }
            return "\(address) is unchanged"
        }
    }

    /// Why a removal happens, when the manifests say so: Terraform's reasons, in words.
    static func removalReason(_ entry: PlanDocument.Entry) -> String {
        switch entry.actionReason {
        case .deleteBecauseNoResourceConfig?: return " (it is no longer in the manifests)"
        case .deleteBecauseEachKey?: return " (its key is no longer in for_each)"
        case .deleteBecauseWrongRepetition?: return " (its declaration gained or lost for_each; a moved entry would keep it)"
        default: return ""
        }
    }

    static func summary(_ document: PlanDocument) -> String {
        var add = 0, change = 0, destroy = 0, forget = 0
        let imports = document.resourceChanges.filter { $0.change.importing != nil }.count
        for entry in document.resourceChanges {
            switch ChangeKind(actions: entry.change.actions) {
            case .create: add += 1
            case .update: change += 1
            case .delete: destroy += 1
            case .forget: forget += 1
            case .replaceCreateFirst, .replaceDestroyFirst: add += 1; destroy += 1
            default: break
            }
        }
        // As Terraform words it: the import (1.5) and forget (1.7) counts appear only when
        // there are some.
        return "Plan: " + (imports > 0 ? "\(imports) to import, " : "") + "\(add) to add, \(change) to change, \(destroy) to destroy"
            + (forget > 0 ? ", \(forget) to forget." : ".")
    }

    /// Entries a reader needs to see: changes, and reads deferred to apply.
    static func shown(_ document: PlanDocument) -> [PlanDocument.Entry] {
        document.resourceChanges.filter { entry in
            let kind = ChangeKind(actions: entry.change.actions)
            if kind == .noOp { return entry.change.importing != nil || entry.previousAddress != nil }
            if kind == .read { return entry.actionReason == .readBecauseConfigUnknown }
            return true
        }
    }
}
