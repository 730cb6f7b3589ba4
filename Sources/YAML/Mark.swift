import SourceFileNames

/// A position in a YAML source: file, 1-based line and 1-based column (in characters).
///
/// libyaml counts from 0; the binding adds 1 once (`Composer.mark`), so nothing above it has
/// to remember. The same type as castform's `SourceLocation` (`SourcePosition`).
public typealias Mark = SourcePosition
