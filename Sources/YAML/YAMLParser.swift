import CYAML

/// Parses YAML text into documents of position-carrying nodes.
///
/// libyaml is driven event by event and the tree is composed here with an explicit stack, not
/// recursion, so a hostile, deeply nested file gives an error instead of overflowing the stack.
public enum YAMLParser {
    /// Parses `bytes` (UTF-8) read from `file`; `file` is only used in marks and messages.
    /// `lines` is the bytes' line index, when the caller already has one.
    public static func parse(_ bytes: [UInt8], file: String, limits: ParseLimits = ParseLimits(), lines: LineIndex? = nil) -> ParsedStream {
        var composer = Composer(file: file, limits: limits, lines: lines ?? LineIndex(bytes))
        bytes.withUnsafeBufferPointer { buffer in
            // The parser must not outlive `buffer`: it stays local to this closure.
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                composer.fail(.parserUnavailable, at: composer.mark(0, 0))
                return
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)

            var event = yaml_event_t()
            while !composer.stopped {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    let error = SyntaxError(parser, composer: composer)
                    composer.fail(error.kind, at: error.mark)
                    return
                }
                let done = event.type == YAML_STREAM_END_EVENT
                composer.handle(event)
                yaml_event_delete(&event)
                if done { return }
            }
        }
        return ParsedStream(documents: composer.documents, errors: composer.errors)
    }

    public static func parse(_ text: String, file: String, limits: ParseLimits = ParseLimits()) -> ParsedStream {
        parse(Array(text.utf8), file: file, limits: limits)
    }
}
