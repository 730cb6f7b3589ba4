import CastformCore
import CastformManifest
import Testing

@Suite struct EvaluatorTests {
    let location = SourceLocation(file: "m.yaml", line: 1, column: 1)

    func template(_ text: String) -> ConfigValue {
        ConfigValue(.template(TemplateParser.parse(text, origin: .init(location: location)).template!), at: location)
    }

    @Test func environmentValuesAreSensitiveFromTheMomentTheyAreRead() {
        let evaluator = Evaluator(environment: ["KEY": "s3cret"], variables: [:])
        #expect(evaluator.evaluate(template("${env.KEY}")) == .sensitive(.string("s3cret")))
        // The mark spreads to a string that interpolates the secret.
        #expect(evaluator.evaluate(template("rtmp://host/${env.KEY}")) == .sensitive(.string("rtmp://host/s3cret")))
    }

    @Test func variablesInterpolateAndReferencesStayUnknown() {
        let evaluator = Evaluator(environment: [:], variables: ["prefix": ConfigValue(.string("Deep Sessions"), at: location)])
        #expect(evaluator.evaluate(template("${var.prefix} #42")) == .string("Deep Sessions #42"))
        #expect(evaluator.evaluate(template("${livepeer_webhook.auth.id}")) == .unknown)
        #expect(evaluator.evaluate(template("id: ${livepeer_webhook.auth.id}")) == .unknown)
    }
}
