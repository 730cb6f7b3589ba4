import BenchSupport
import Foundation

/// Runs castform's uploader and curl alternately against one Mixcloud emulator and prints both.
struct Comparison {
    struct Sample {
        var bytes: Int64
        var seconds: Double
        var peakKiB: Int
        var cpuSeconds: Double
        /// Page faults that mapped fresh memory: high when buffers are allocated per chunk.
        var minorFaults: Int
        var megabytesPerSecond: Double { Double(bytes) / seconds / 1e6 }
    }

    let options: BenchOptions

    init(_ options: BenchOptions) {
        self.options = options
    }

    func run() async throws {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let generated = options.file == nil
        let file = try options.file ?? BenchFile.create(sizeMiB: options.sizeMiB, sparse: options.sparse)
        defer { if generated { try? FileManager.default.removeItem(atPath: file) } }
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0

        let server = try ChildProcess(executable, ["serve"])
        defer { server.terminate() }
        guard let line = server.readLine(), line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) else {
            fatalError("the Mixcloud emulator did not start")
        }
        let url = "http://127.0.0.1:\(port)"
        print("uploading \(file) (\(size >> 20) MiB\(options.sparse ? ", sparse" : "")) to \(url)/upload/, \(options.runs) runs each")

        var castform: [Sample] = []
        var curl: [Sample] = []
        for run in 1...options.runs {
            let ours = try castformUpload(executable: executable, url: url, file: file)
            castform.append(ours)
            print(row("run \(run)  castform", ours))
            let theirs = try curlUpload(url: url, file: file)
            curl.append(theirs)
            print(row("run \(run)  curl -F ", theirs))
        }
        report(castform: castform, curl: curl)
    }

    private func row(_ label: String, _ sample: Sample) -> String {
        label
            + String(
                format: "  %8.1f MB/s  peak RSS %6.1f MiB  CPU %5.2f s  minor faults %7d",
                sample.megabytesPerSecond, Double(sample.peakKiB) / 1024, sample.cpuSeconds, sample.minorFaults
            )
    }

    private func castformUpload(executable: String, url: String, file: String) throws -> Sample {
        let child = try ChildProcess(executable, ["upload", url, file])
        let (output, status, usage) = child.finish()
        let fields = output.split(separator: "\n").first { $0.hasPrefix("RESULT ") }?.split(separator: " ") ?? []
        guard status == 0, fields.count == 4, let bytes = Int64(fields[1]), let seconds = Double(fields[2]), let hwm = Int(fields[3]) else {
            fatalError("castform upload failed (status \(status)): \(output)")
        }
        // VmHWM (read by the process itself) and ru_maxrss (from wait4) agree to a page or
        // two; keep the larger, so nothing flatters castform.
        return Sample(bytes: bytes, seconds: seconds, peakKiB: max(hwm, usage.peakKiB), cpuSeconds: usage.cpuSeconds, minorFaults: usage.minorFaults)
    }

    private func curlUpload(url: String, file: String) throws -> Sample {
        // `Expect:` turns off curl's 100-continue wait, which would add a second to its time
        // against a server that does not answer 100 Continue.
        let child = try ChildProcess("curl", [
            "-sS", "-o", "/dev/null", "-H", "Expect:", "-w", "%{http_code} %{size_upload} %{time_total}",
            "-F", "name=Benchmark upload by curl", "-F", "mp3=@\(file);type=audio/mpeg",
            "\(url)/upload/?access_token=\(EmulatorServerProcess.token)",
        ])
        let (output, status, usage) = child.finish()
        let fields = output.split(separator: " ")
        guard status == 0, fields.count == 3, fields[0] == "200", let bytes = Int64(fields[1]), let seconds = Double(fields[2]) else {
            fatalError("curl failed (status \(status)): \(output)")
        }
        return Sample(bytes: bytes, seconds: seconds, peakKiB: usage.peakKiB, cpuSeconds: usage.cpuSeconds, minorFaults: usage.minorFaults)
    }

    private func report(castform: [Sample], curl: [Sample]) {
        let ours = median(castform.map(\.megabytesPerSecond))
        let theirs = median(curl.map(\.megabytesPerSecond))
        let peak = Double(castform.map(\.peakKiB).max() ?? 0) / 1024
        let curlPeak = Double(curl.map(\.peakKiB).max() ?? 0) / 1024
        let cpu = median(castform.map(\.cpuSeconds))
        let curlCPU = median(curl.map(\.cpuSeconds))
        print("")
        print(String(format: "castform  median %8.1f MB/s   peak RSS %6.1f MiB   median CPU %5.2f s", ours, peak, cpu))
        print(String(format: "curl -F   median %8.1f MB/s   peak RSS %6.1f MiB   median CPU %5.2f s", theirs, curlPeak, curlCPU))
        print(String(format: "throughput %.0f%% of curl's (target at least 80%%): %@", ours / theirs * 100, ours >= 0.8 * theirs ? "met" : "MISSED"))
        print(String(format: "castform peak RSS %.1f MiB (target under 64 MiB): %@", peak, peak < 64 ? "met" : "MISSED"))
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
