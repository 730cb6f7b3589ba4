/// The words for every `YAMLError`, in one place: what is wrong with the text, in YAML's terms.
extension YAMLError {
    public var message: String {
        switch kind {
        case .syntax(let problem, let context):
            return context.map { "\(problem) \($0)" } ?? problem
        case .tabIndentation:
            return "this line is indented with a tab; YAML indents with spaces only"
        case .parserUnavailable:
            return "libyaml could not allocate a parser"
        case .duplicateKey(let key, let first):
            return "duplicate key \"\(key)\" in this mapping (first at line \(first.line), column \(first.column))"
        case .unknownAlias(let name):
            return "alias *\(name) refers to no anchor defined before it"
        case .aliasExpansion(let limit):
            return "aliases expand this document to more than \(limit) nodes; castform refuses such alias bombs"
        case .tooDeep(let limit):
            return "collections are nested more than \(limit) levels deep"
        }
    }
}
