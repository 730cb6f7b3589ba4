import SourceFileNames

/// Where something was written in a workspace's files (see `SourcePosition`).
public typealias SourceLocation = SourcePosition
