import Foundation
import CastformCore
import CastformRendering
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

    @Test func jsonIsAnArrayOfPlainFields() {
        #expect(DiagnosticJSON.render([diagnostic]) == """
            [
              {
                "column" : 30,
                "file" : "streams.yaml",
                "line" : 2,
                "message" : "\\"width\\" must be at least 128, not 100",
                "severity" : "error"
              }
            ]

            """)
    }
}
