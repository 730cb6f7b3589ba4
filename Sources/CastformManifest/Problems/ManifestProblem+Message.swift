import CastformCore

// Every sentence the manifest layer says, in one place: the code that finds a problem builds
// a case, and only this file turns cases into words. The sentences are the ones users have
// always read (the fixture corpus asserts them exactly): say what is wrong, where (the
// diagnostic's place), and what to do.

extension ManifestProblem {
    public var message: String {
        switch self {
        case .source(let problem): problem.message
        case .syntax(let error): error.isSyntax ? "invalid YAML: \(error.message)" : error.message
        case .settings(let problem): problem.message
        case .declaration(let problem): problem.message
        case .value(let problem): problem.message
        case .expression(let problem): problem.message
        case .constraint(let problem): problem.message
        case .shape(let problem): problem.message
        case .file(let problem): problem.message
        case .reference(let problem): problem.message
        case .interpolation(let problem): problem.message
        case .override(let problem): problem.message
        case .forEach(let problem): problem.message
        case .moved(let problem): problem.message
        case .substituted(let problem, let origin): "\(problem.message) (from \(origin.phrase))"
        }
    }
}

extension SourceProblem {
    public var message: String {
        switch self {
        case .notADirectory(let root):
            "\(root) is not a directory: give the workspace directory (the one with castform.yaml and the manifests)"
        case .noManifests(let root):
            "no manifests in \(root): castform reads every *.yaml and *.yml file below it (besides castform.yaml)"
        case .settingsInTwoFiles(let read, let ignored):
            "castform reads its settings from \(read) only; merge \(ignored) into it and remove it"
        case .unreadable(let path):
            "cannot read \(path): check that it is a readable file"
        case .notARegularFile(let path, let kind):
            "cannot read \(path)\(kind.whichIsNotAFile)"
        case .tooLarge(let path, let size, let limit):
            "\(path) is \(Words.bytes(size)), over castform's limit of \(Words.bytes(limit)) for one manifest: split it into several files"
        case .notUTF8(let byte):
            "this file is not valid UTF-8 (byte 0x\(Words.hex(byte))); save it as UTF-8"
        case .emptyManifest:
            "this manifest is empty: it declares nothing"
        }
    }
}

extension SettingsProblem {
    public var message: String {
        switch self {
        case .extraDocument(let file):
            "\(file) holds one document; merge the others into it"
        case .notAMapping(let file, let found):
            "\(file) must be a mapping of settings (\(ConfigDecoder.topLevelKeys.joined(separator: ", "))), not \(found.phrase)"
        case .unknownSetting(let key, let file, let suggestion):
            "unknown setting \"\(key)\" in \(file)" + Words.didYouMean(suggestion)
        case .declaration(let type, let file):
            "\(file) holds settings only; declare \(type) in a manifest file of its own"
        case .providersNotAMapping(let found):
            "\"providers\" must map provider names to their settings, not \(found.phrase)"
        case .unknownProvider(let name, let suggestion):
            "unknown provider \"\(name)\"" + Words.didYouMean(suggestion)
        case .postgresWithoutURL:
            "the postgres backend needs a url, e.g. url: ${env.CASTFORM_PG_URL}"
        case .urlWithoutPostgres:
            "url applies to the postgres backend only"
        }
    }
}

extension DeclarationProblem {
    public var message: String {
        switch self {
        case .notAMapping(let type, let found):
            "a manifest must be a mapping of resource types (\(type.map { "e.g. \($0):" } ?? "TYPE: {NAME: {...}}")), not \(found.phrase)"
        case .dataNotAMapping:
            "\"data\" must map data-source types to named data sources"
        case .typeNotAString(let found):
            "resource types must be plain strings, not \(found.phrase)"
        case .unknownType(let type, let mode, let suggestion):
            "unknown \(mode == .managed ? "resource type" : "data source type") \"\(type)\"" + Words.didYouMean(suggestion)
        case .dataSourceAtTopLevel(let type):
            "\(type) is a data source: declare it under \"data:\""
        case .resourceUnderData(let type):
            "\(type) is a resource, not a data source: declare it at the top level"
        case .typeNotAMapping(let type, let found):
            "\"\(type)\" must map resource names to their attributes, not \(found.phrase)"
        case .nameNotAString(let found):
            "resource names must be plain strings, not \(found.phrase)"
        case .invalidName(let name):
            "invalid resource name \"\(name)\": start with a letter or _, then use letters, digits, _ and -"
        case .declaredTwice(let address, let first):
            "\(address) is declared twice; it is also declared at \(first)"
        case .fileNameNotAName(let fileName, let type):
            "the file name \"\(fileName)\" cannot name a \(type): rename it using letters, digits, _ and - (it becomes \(type).NAME)"
        case .noSiblingFile(let attribute, let type, let base, let fileName, let extensions):
            "no \(attribute) for this \(type): put \(base).\(extensions.first ?? "") beside \(fileName) "
                + "(or \(extensions.dropFirst().map { ".\($0)" }.joined(separator: ", "))), or name the file with an \"\(attribute)\" key"
        case .extraDocument(let format, let type):
            "\(format ?? "this file") holds one \(type); move this document to a file of its own"
        case .dependsOnNotAList(let found):
            "\"depends_on\" must be a list of addresses (TYPE.NAME), not \(found.phrase)"
        case .notAnAddress(let written, let found):
            "\"\(written ?? found.phrase)\" is not an address: write TYPE.NAME or data.TYPE.NAME"
        case .ignoreChangesComputed(let attribute):
            "ignore_changes names \"\(attribute)\", which the service computes: castform never changes it, so there is nothing to ignore"
        case .ignoreChangesUnknown(let attribute, let type, let suggestion):
            "ignore_changes names \"\(attribute)\", which is not an attribute of \(type)" + Words.didYouMean(suggestion)
        }
    }
}

extension ValueProblem {
    public var message: String {
        switch self {
        case .notAnObject(let context, let found):
            "\(context.phrase) must be a mapping of attributes, not \(found.phrase)"
        case .attributeNameNotAString(let found):
            "attribute names must be plain strings, not \(found.phrase)"
        case .mapKeyNotAString(let map, let found):
            "keys of \"\(map)\" must be plain strings, not \(found.phrase)"
        case .unknownAttribute(let name, let context, let suggestion):
            "unknown attribute \"\(name)\" in \(context.phrase)" + Words.didYouMean(suggestion)
        case .computedAttribute(let name):
            "\"\(name)\" is set by the service; a manifest cannot set it"
        case .sameAttributeTwice(let name, let earlier):
            "\"\(name)\" and \"\(earlier)\" are the same attribute; set only one"
        case .missingRequired(let name, let context):
            "missing required attribute \"\(name)\" in \(context.phrase)"
        case .wrongType(let subject, let expected, let found, let written):
            "\(subject.phrase) must be \(expected.phrase), not \(found.phrase)" + (written.map { " " + Words.asWritten($0, found) } ?? "")
        case .numberTooLarge(let subject, let bound, let written):
            "\(subject.phrase) must be \(bound.phrase)" + (written.map { ", not \($0)" } ?? "")
        case .badTime(let text, let failure):
            "invalid time \"\(text)\": \(failure.phrase)"
        case .emptyPath(let subject):
            "\(subject.phrase) must name a file, not be empty"
        }
    }
}

extension ExpressionProblem {
    public var message: String {
        switch self {
        case .unterminated(let start): "unterminated \"${\(start)\": add the closing \"}\""
        case .unterminatedInSensitive(let attribute): "unterminated \"${\" in \"\(attribute)\": add the closing \"}\""
        case .malformed(let body):
            "invalid expression \"${\(body)}\": expected env.NAME, var.NAME, TYPE.NAME.ATTR or data.TYPE.NAME.ATTR"
        case .needsOneName(let body, let prefix): "invalid expression \"${\(body)}\": \(prefix) takes one name, as \(prefix).NAME"
        case .malformedDataReference(let body): "invalid expression \"${\(body)}\": a data source reference is data.TYPE.NAME.ATTR"
        case .malformedEach(let body): "invalid expression \"${\(body)}\": expected each.key, each.value or each.value.ATTR"
        }
    }
}

extension ConstraintProblem {
    public var message: String {
        switch self {
        case .outOfRange(let name, let range, let value):
            "\"\(name)\" must be \(range.phrase), not \(value.phrase)"
        case .tooShort(let subject, let min):
            min == 1 ? "\(subject.phrase) must not be empty" : "\(subject.phrase) must be at least \(min) characters long"
        case .tooLong(let subject, let length, let max):
            "\(subject.oneItemPhrase) is \(length) characters long; the limit is \(max)"
        case .tooManyItems(let name, let count, let limit):
            "\"\(name)\" has \(count) items; at most \(limit) are allowed"
        case .notAllowed(let name, let value, let allowed, let suggestion):
            "\"\(name)\" cannot be \"\(value)\"; "
                + (suggestion.map { "did you mean \"\($0)\"?" } ?? "it must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
        case .urlScheme(let name, let schemes, let written):
            "\"\(name)\" must be a \(Words.list(schemes.map { "\($0)://" }, joiner: "or", quoted: false)) URL"
                + (written.map { " (\"\($0)\")" } ?? "")
        case .notUTCTimestamp(let name, let written):
            "\"\(name)\" must be a UTC time written YYYY-MM-DDTHH:MM:SSZ, not \"\(written)\""
        case .noSuchDay(let name, let written, let month, let year, let days):
            "\"\(name)\" is \"\(written)\", but \(Words.monthNames[month - 1]) \(year) has \(days) days"
        case .duplicateItem(let name, let key, let value, let first):
            "\(key) \"\(value)\" appears twice in \"\(name)\" (first at line \(first.line)); each must be unique"
        case .reserved(let key, let value, let reason):
            "\(key) \"\(value)\" is reserved: \(reason)"
        case .notIncreasing(let name, let item, let key, let seconds, let previous):
            "\(name) item \(item) \(seconds == previous ? "starts at the same time as" : "starts before") the one before it "
                + "(\(TimeParser.format(seconds)) after \(TimeParser.format(previous))); \(key) times must increase"
        }
    }
}

extension ShapeProblem {
    public var message: String {
        switch self {
        case .noneOf(let keys): "set one of " + Words.list(keys, joiner: "or")
        case .moreThanOneOf(let keys): "set only one of " + Words.list(keys, joiner: "and")
        case .noShape(let shapes): "each item must be \(shapes.joined(separator: " or "))"
        case .mixedShapes(let shapes): "this item mixes \(shapes.joined(separator: " and ")); write one or the other"
        case .incompleteShape(let shape, let keys, let missing):
            "missing \(Words.list(missing, joiner: "and")): \(shape) needs \(Words.list(keys, joiner: "and"))"
        }
    }
}

extension FileProblem {
    /// How messages name a path that must not be printed (one read from the environment).
    static let hiddenPath = "a path from the environment"

    public var message: String {
        switch self {
        case .outsideWorkspace(let name, let path, let escape, let allowed, let settingsFile):
            "\"\(name)\" names \(path), \(escape.phrase)outside the workspace" + (allowed
                ? " (allowed by files: {allow_outside_workspace: true} in \(settingsFile))"
                : ": castform uploads only files inside the workspace, unless \(settingsFile) sets files: {allow_outside_workspace: true}")
        case .missing(let name, let path):
            "\"\(name)\" names \(path), which does not exist"
        case .notARegularFile(let name, let path, let kind):
            "\"\(name)\" names \(path)\(kind.whichIsNotAFile)"
        case .unreadable(let name, let path):
            "\"\(name)\" names \(path), which castform cannot read (check its permissions)"
        case .tooLarge(let name, let path, let size, let limit):
            // Just over the limit rounds to the limit itself: then only exact bytes make sense.
            Words.bytes(size) == Words.bytes(limit)
                ? "\"\(name)\" file \(path) is \(size) bytes; the limit is \(limit) bytes (\(Words.bytes(limit)))"
                : "\"\(name)\" file \(path) is \(Words.bytes(size)); the limit is \(Words.bytes(limit))"
        }
    }
}

extension ReferenceProblem {
    public var message: String {
        switch self {
        case .environmentNotSet(let name, let required):
            required
                ? "environment variable \(name) is not set: castform needs its value to plan and apply; set it (in CI, from a secret)"
                : "environment variable \(name) is not set; plan and apply will need it"
        case .undeclaredVariable(let name, let settingsFile, let suggestion):
            "undeclared variable \"\(name)\": declare it under variables: in \(settingsFile)" + Words.didYouMean(suggestion)
        case .wrongMode(let address, let path):
            address.mode == .managed
                ? "\(address.type) is a data source: refer to it as \(address.otherMode)\(Words.steps(path))"
                : "\(address.type) is a resource, not a data source: refer to it as \(address.otherMode)\(Words.steps(path))"
        case .unknownType(let type, let suggestion):
            "reference to unknown type \"\(type)\"" + Words.didYouMean(suggestion)
        case .undeclared(let address, let suggestion):
            "reference to \(address), which is not declared" + Words.didYouMean(suggestion)
        case .noAttribute(let type, let attribute, let suggestion):
            "\(type) has no attribute \"\(attribute)\"" + Words.didYouMean(suggestion)
        case .noNestedAttribute(let address, let path, let key, let suggestion):
            "\(address)\(Words.steps(path)) has no attribute \"\(key)\"" + Words.didYouMean(suggestion)
        case .listNeedsIndex(let address, let path, let key):
            "\(address)\(Words.steps(path)) is a list: index it, as \(address)\(Words.steps(path))[0].\(key)"
        case .notAList(let address, let path):
            "\(address)\(Words.steps(path)) is not a list and cannot be indexed"
        case .notAnObject(let address, let path, let key):
            "\(address)\(Words.steps(path)) has no attribute \(key)"
        case .dependsOnUndeclared(let address, let suggestion):
            "depends_on names \(address), which is not declared" + Words.didYouMean(suggestion)
        case .cycle(let addresses):
            "reference cycle: " + (addresses + addresses.prefix(1)).map(\.description).joined(separator: " → ")
        }
    }
}

extension InterpolationProblem {
    public var message: String {
        switch self {
        case .textForNonText(let subject, let expected, let written):
            "\(subject.phrase) must be \(expected.phrase), but \"\(written)\" is text: ${...} inside other text makes a string"
        case .variableType(let subject, let expected, let reference, let found, let settingsFile):
            "\(subject.phrase) must be \(expected.phrase), but ${\(reference)} is \(found.phrase)"
                + (settingsFile.map { "; quote its value in \($0) to make it text" } ?? "")
        case .environmentIsText(let subject, let expected, let reference):
            "\(subject.phrase) must be \(expected.phrase), but ${\(reference)} is a string: environment values always are"
        case .attributeType(let subject, let expected, let reference, let found):
            "\(subject.phrase) must be \(expected.phrase), but ${\(reference)} is \(found.phrase)"
        case .variableNotText(let reference, let found):
            "${\(reference)} is \(found.phrase), which cannot be written into text"
        case .attributeNotText(let reference, let type):
            "${\(reference)} is \(type.phrase), which cannot be written into text"
        }
    }
}

extension OverrideProblem {
    public var message: String {
        switch self {
        case .undeclared(let name, let source, let settingsFile, let suggestion):
            "\(source.phrase) sets the variable \"\(name)\", which \(settingsFile) does not declare: declare it under variables: with a default"
                + Words.didYouMean(suggestion)
        case .doesNotFit(let origin, let text, let expected):
            "\(origin.phrase): expected \(expected.phrase), got \"\(text)\""
        case .unreadableFile(let path):
            "cannot read the variables file \(path) (-var-file): check that it is a readable YAML file"
        }
    }
}

extension ForEachProblem {
    public var message: String {
        switch self {
        case .notACollection(let found):
            "for_each takes a list or a mapping, not \(found.phrase): a mapping's keys, or a list's strings or objects' ids, name the instances"
        case .duplicateKey(let key, let index, let firstIndex):
            "for_each gives two instances the key \"\(key)\" (items \(firstIndex) and \(index)): each key must name one instance; make the keys unique, or name another attribute with for_each_key"
        case .itemWithoutKey(let index, let attribute):
            "item \(index) of for_each has no \"\(attribute)\" to name its instance: give every item one, or name another attribute with for_each_key"
        case .keyNotText(let index, let attribute, let found):
            "item \(index) of for_each " + (attribute.map { "has \"\($0)\" as \(found.phrase)" } ?? "is \(found.phrase)")
                + ": an instance's key must be a string (or a number), taken from a list of strings, a mapping's keys or each object's id"
        case .unknownKeys(let source):
            "for_each (\(source)) depends on values known only after apply, so castform cannot name the instances in the plan: iterate over values known when planning (a list or mapping written here, a variable, or a data source whose arguments are known), or apply what it depends on first with --target"
        case .sensitiveKeys(let source):
            "for_each (\(source)) holds a secret, and instance keys are shown in every plan and address: iterate over values that are not secret"
        case .eachWithoutForEach(let address, let reference):
            "${\(reference)} is only meaningful in a resource with for_each, and \(address) has none: add for_each, or use another value"
        case .keyAttributeWithoutForEach(let address):
            "for_each_key names the attribute whose value names each instance, and \(address) has no for_each"
        }
    }
}

extension MoveProblem {
    public var message: String {
        switch self {
        case .notAList(let found):
            "moved takes a list of moves, {from: ADDRESS, to: ADDRESS}, not \(found.phrase)"
        case .notAnAddress(let written):
            "\"\(written)\" is not an address: write TYPE.NAME, or TYPE.NAME[\"KEY\"] for an instance of a for_each resource"
        case .sameAddress(let address):
            "this move is from \(address) to itself: remove it"
        case .differentType(let from, let to):
            "cannot move \(from) to \(to): a move keeps the object, and an object cannot change its type"
        case .dataSource(let address):
            "\(address) is a data source: it is read on every plan, so there is nothing to move"
        case .movedTwice(let address):
            "\(address) is moved twice: an object can move to one address only"
        case .twoMovesTo(let address):
            "two moves go to \(address): only one object can be there"
        case .chain(let address, let into):
            "this move goes to \(address), which another move moves on to \(into): castform moves an object once, so move it straight to \(into)"
        case .targetExists(let from, let to):
            "cannot move \(from) to \(to): state already holds an object for \(to); remove this move, or remove \(to) from state first (castform state rm)"
        }
    }
}
