import Foundation
import CastformCore
@testable import CastformRendering
import Testing

@Suite struct DiagnosticRendererTests {
    let diagnostic = Diagnostic.error("\"width\" must be at least 128, not 100",
                                      at: SourceLocation(file: "streams.yaml", line: 2, column: 30))
    let lines = ["streams.yaml": ["livepeer_stream:", "  s: {name: S, profiles: [{width: 100}]}"]]

    func renderer(colour: Bool) -> DiagnosticRenderer {
        let lines = self.lines
        return DiagnosticRenderer(style: TerminalStyle(colour: colour)) { file, line in lines[file]?[line - 1] }
    }

    @Test func quotesTheLineWithACaretUnderTheColumn() {
        #expect(renderer(colour: false).render([diagnostic]) == """
            streams.yaml:2:30: error: "width" must be at least 128, not 100
                s: {name: S, profiles: [{width: 100}]}
                                           ^

            1 error

            """)
    }

    @Test func colourIsOnlyMarkupAroundTheSameText() {
        let coloured = renderer(colour: true).render(diagnostic)
        #expect(coloured.contains("\u{1B}[31m"))
        #expect(coloured.replacingOccurrences(of: #"\u001B\[[0-9;]*m"#, with: "", options: .regularExpression)
                == renderer(colour: false).render(diagnostic))
    }

    @Test func noColourWhenNoColourIsSetOrNotATerminal() {
        #expect(!TerminalStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).colour)
        #expect(!TerminalStyle.detect(isTerminal: false, environment: [:]).colour)
        #expect(TerminalStyle.detect(isTerminal: true, environment: ["TERM": "xterm"]).colour)
    }

    @Test func diagnosticsWithoutAPlaceHaveNoLocationPrefix() {
        #expect(renderer(colour: false).render(.warning("nothing to do", at: nil)) == "warning: nothing to do\n")
    }

    @Test func jsonHasTerraformsValidateShape() {
        let range = SourceRange(filename: "streams.yaml", start: .init(line: 2, column: 30, byte: 46), end: .init(line: 2, column: 33, byte: 49))
        let warning = Diagnostic.warning("unknown attribute \"recrod\" in livepeer_stream.s; did you mean \"record\"?", at: nil)
        #expect(DiagnosticJSON.render([diagnostic, warning]) { $0.line == 2 ? range : nil } == """
            {
              "diagnostics" : [
                {
                  "detail" : "",
                  "range" : {
                    "end" : {
                      "byte" : 49,
                      "column" : 33,
                      "line" : 2
                    },
                    "filename" : "streams.yaml",
                    "start" : {
                      "byte" : 46,
                      "column" : 30,
                      "line" : 2
                    }
                  },
                  "severity" : "error",
                  "summary" : "\\"width\\" must be at least 128, not 100"
                },
                {
                  "detail" : "did you mean \\"record\\"?",
                  "severity" : "warning",
                  "summary" : "unknown attribute \\"recrod\\" in livepeer_stream.s"
                }
              ],
              "error_count" : 1,
              "format_version" : "1.0",
              "valid" : false,
              "warning_count" : 1
            }

            """)
    }

    @Test func aMessageSplitsIntoSummaryAndDetailOutsideQuotes() {
        #expect(DiagnosticJSON.split("a: b; c") == ("a", "b; c"))
        #expect(DiagnosticJSON.split("unknown key \"a: b\"; did you mean \"ab\"?") == ("unknown key \"a: b\"", "did you mean \"ab\"?"))
        #expect(DiagnosticJSON.split("no split here") == ("no split here", ""))
    }
}
