import Foundation

/// Files a castform killed midway leaves beside the state: the lock drafts of older versions
/// (`state.json.lock.<pid>.draft`) and the temporary files of an atomic write
/// (`.state.json.tmp-<pid>`, `.state.json.backup.tmp-<pid>`).
///
/// The holder of the lock removes those whose process no longer runs: nothing else writes
/// them while it holds the lock, and the pid in the name says whose they are.
enum StrayFiles {
    static func removeLeftovers(of statePath: String) {
        let directory = (statePath as NSString).deletingLastPathComponent
        let name = (statePath as NSString).lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries {
            guard let pid = owner(of: entry, stateName: name), !isRunning(pid) else { continue }
            unlink(directory + "/" + entry)
        }
    }

    /// The pid in the name of a stray file of the state named `stateName`; nil for any other file.
    static func owner(of entry: String, stateName: String) -> pid_t? {
        let patterns = [
            (prefix: stateName + ".lock.", suffix: ".draft"),
            (prefix: "." + stateName + ".tmp-", suffix: ""),
            (prefix: "." + stateName + ".backup.tmp-", suffix: ""),
        ]
        for pattern in patterns where entry.hasPrefix(pattern.prefix) && entry.hasSuffix(pattern.suffix) {
            let digits = entry.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count)
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let pid = pid_t(digits) { return pid }
        }
        return nil
    }

    /// Whether a process of this pid exists (EPERM: it does, another user's).
    static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
