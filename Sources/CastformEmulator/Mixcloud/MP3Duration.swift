import Foundation

/// Estimates an MP3's length from its first frame header, for `audio_length`.
///
/// Mixcloud decodes the audio; the emulator reads the bitrate of the first MPEG audio Layer III
/// frame (after an ID3v2 tag) and divides the size by it, which is exact for constant-bitrate
/// files. Bytes that are not an MP3 (test fixtures often are not) give 0.
enum MP3Duration {
    static func seconds(of url: URL, byteCount: Int64) -> Int {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return 0 }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 64 * 1024) else { return 0 }
        return seconds(head: [UInt8](head), byteCount: byteCount)
    }

    static func seconds(head bytes: [UInt8], byteCount: Int64) -> Int {
        var start = 0
        if bytes.count >= 10, bytes[0] == 0x49, bytes[1] == 0x44, bytes[2] == 0x33 { // "ID3"
            let size = bytes[6...9].reduce(0) { $0 << 7 | Int($1 & 0x7F) }
            start = 10 + size + (bytes[5] & 0x10 != 0 ? 10 : 0)
        }
        guard start + 4 <= bytes.count, let kbps = bitrate(bytes[start], bytes[start + 1], bytes[start + 2]) else { return 0 }
        return Int((byteCount - Int64(start)) * 8 / Int64(kbps * 1000))
    }

    /// Kilobits per second of a Layer III frame header, or nil when it is not one.
    static func bitrate(_ byte0: UInt8, _ byte1: UInt8, _ byte2: UInt8) -> Int? {
        guard byte0 == 0xFF, byte1 & 0xE0 == 0xE0, (byte1 >> 1) & 0x03 == 0x01 else { return nil }
        let version = (byte1 >> 3) & 0x03 // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5, 1: reserved
        let index = Int(byte2 >> 4)
        guard version != 1, index > 0, index < 15 else { return nil }
        let mpeg1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]
        let mpeg2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
        return version == 3 ? mpeg1[index] : mpeg2[index]
    }
}
