import CastformCore
import CastformManifest
import Testing

@Suite struct TemplateParserTests {
    let origin = TemplateParser.Origin(location: SourceLocation(file: "m.yaml", line: 3, column: 10))

    @Test func parsesEveryReferenceForm() throws {
        #expect(try TemplateParser.parseReference("env.YOUTUBE_RTMP_URL").get() == .environment("YOUTUBE_RTMP_URL"))
        #expect(try TemplateParser.parseReference("var.show_prefix").get() == .variable("show_prefix"))
        #expect(try TemplateParser.parseReference("livepeer_webhook.playback-auth.id").get()
                == .resource(ResourceAddress(type: "livepeer_webhook", name: "playback-auth"), path: [.attribute("id")]))
        #expect(try TemplateParser.parseReference("data.livecoding_scheduled_broadcasts.next.broadcasts[0].title").get()
                == .resource(ResourceAddress(.data, type: "livecoding_scheduled_broadcasts", name: "next"),
                             path: [.attribute("broadcasts"), .index(0), .attribute("title")]))
    }

    @Test func rejectsMalformedReferences() {
        for body in ["foo", "env", "env.A.B", "var.", "data.x.y", "a.b", "a..b.c", "a.b.c[x]", "x.y.z[0"] {
            #expect(throws: ExpressionProblem.self, "\(body)") { try TemplateParser.parseReference(body).get() }
        }
    }

    @Test func aMalformedReferenceSaysWhichFormItMissed() {
        #expect(TemplateParser.parseReference("env.A.B") == .failure(.needsOneName(body: "env.A.B", prefix: "env")))
        #expect(TemplateParser.parseReference("var.a.b") == .failure(.needsOneName(body: "var.a.b", prefix: "var")))
        #expect(TemplateParser.parseReference("var.") == .failure(.malformed(body: "var.")))
        #expect(TemplateParser.parseReference("data.x.y") == .failure(.malformedDataReference(body: "data.x.y")))
        #expect(TemplateParser.parseReference(" a.b ") == .failure(.malformed(body: " a.b ")))
    }

    @Test func placesEachInterpolationAtItsColumn() throws {
        let parsed = TemplateParser.parse("Deep ${var.a} and ${env.B}", origin: origin)
        let template = try #require(parsed.template)
        #expect(template.references.map(\.location.column) == [15, 28])
        #expect(template.parts.first == .literal("Deep "))
    }

    @Test func dollarDollarEscapes() {
        let parsed = TemplateParser.parse("costs $${price}", origin: origin)
        #expect(parsed.template == nil)
        #expect(parsed.text == "costs ${price}")
    }

    @Test func unterminatedIsAnErrorAtTheDollarQuotingOnlyTheExpression() {
        let parsed = TemplateParser.parse("rtmp://host/live/KEY?r=${var.x/more", origin: origin)
        #expect(parsed.diagnostics == [.manifest(.expression(.unterminated(start: "var.x")),
                                                 at: SourceLocation(file: "m.yaml", line: 3, column: 33))])
        #expect(parsed.diagnostics.map(\.message) == ["unterminated \"${var.x\": add the closing \"}\""])
    }

    @Test func onlyTheExpressionIsQuoted() {
        var secret = origin
        secret.sensitiveName = "url"
        #expect(TemplateParser.parse("rtmp://h/KEY${var.x", origin: secret).diagnostics.map(\.manifestProblem)
                == [.expression(.unterminatedInSensitive(attribute: "url"))])
        #expect(TemplateParser.parse("rtmp://h/KEY${var.x", origin: secret).diagnostics.map(\.message)
                == ["unterminated \"${\" in \"url\": add the closing \"}\""])
        #expect(TemplateParser.parse("rtmp://h/KEY/${B}/KEY", origin: secret).diagnostics.map(\.message)
                == ["invalid expression \"${B}\": expected env.NAME, var.NAME, TYPE.NAME.ATTR or data.TYPE.NAME.ATTR"])
    }

    @Test func sourceLocationsPlaceEachInterpolationByRank() throws {
        let written = [SourceLocation(file: "m.yaml", line: 4, column: 7), SourceLocation(file: "m.yaml", line: 5, column: 2),
                       SourceLocation(file: "m.yaml", line: 5, column: 20)]
        let mapped = TemplateParser.Origin(location: origin.location, interpolationLocations: written)
        // The escaped `$${` holds a `${` of its own: it is the second in rank.
        let template = try #require(TemplateParser.parse("${var.a} $${x} ${var.b}", origin: mapped).template)
        #expect(template.references.map(\.location) == [written[0], written[2]])
    }
}
