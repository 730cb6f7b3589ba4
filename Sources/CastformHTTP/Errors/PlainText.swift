import Foundation

/// A short line of text from a body that is not the service's JSON: an HTML error page from a
/// proxy or load balancer, plain text, or JSON of an unexpected shape.
///
/// For HTML the `<title>` wins when there is one (nginx's "502 Bad Gateway" lives there);
/// otherwise tags, scripts and styles are dropped. Whitespace is collapsed and the line cut at
/// `limit` characters so a 40 KiB page never floods a terminal.
enum PlainText {
    static func summary(of body: [UInt8], limit: Int = 200) -> String {
        let text = String(decoding: body, as: UTF8.self)
        guard !text.contains("\u{FFFD}") || body.count < 4 else { return "" }  // binary, not text
        let plain = looksLikeHTML(text) ? stripHTML(text) : text
        return shorten(collapse(plain), to: limit)
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace }.prefix(200).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head")
            || start.hasPrefix("<body") || start.hasPrefix("<h1") || start.hasPrefix("<p>")
    }

    static func stripHTML(_ html: String) -> String {
        if let title = element("title", in: html), !collapse(title).isEmpty {
            return decodeEntities(title)
        }
        var text = html
        for tag in ["script", "style", "head"] {
            while let open = text.range(of: "<\(tag)", options: .caseInsensitive),
                let close = text.range(of: "</\(tag)>", options: .caseInsensitive, range: open.upperBound..<text.endIndex)
            {
                text.removeSubrange(open.lowerBound..<close.upperBound)
            }
        }
        var output = ""
        var inTag = false
        for character in text {
            switch character {
            case "<": inTag = true; output.append(" ")
            case ">" where inTag: inTag = false
            default: if !inTag { output.append(character) }
            }
        }
        return decodeEntities(output)
    }

    private static func element(_ name: String, in html: String) -> String? {
        guard let open = html.range(of: "<\(name)", options: .caseInsensitive),
            let openEnd = html[open.upperBound...].firstIndex(of: ">"),
            let close = html.range(of: "</\(name)>", options: .caseInsensitive, range: openEnd..<html.endIndex)
        else { return nil }
        return String(html[html.index(after: openEnd)..<close.lowerBound])
    }

    private static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            result = result.replacing(entity, with: character)
        }
        return result
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func shorten(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
