/// A value type's fields kept in one immutable, shared box: copying the value counts one
/// reference instead of one per field. For types copied far more often than changed —
/// declarations and schema attributes are handed around by the thousand in a plan of 10,000
/// objects, and that counting cost more than the work done with them. Setting `fields` (or a
/// part of it) makes a new box, so copies never see each other's changes.
///
/// Inlinable, and read by yielding: reading one field must not copy (and count) all of them.
@frozen
public struct Boxed<Fields: Sendable>: Sendable {
    @usableFromInline
    final class Box: Sendable {
        @usableFromInline let fields: Fields
        @inlinable init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var box: Box

    @inlinable
    public init(_ fields: Fields) {
        box = Box(fields)
    }

    @inlinable
    public var fields: Fields {
        _read { yield box.fields }
        set { box = Box(newValue) }
    }
}

extension Boxed {
    /// Whether both hold the very same box: copies of one value, equal without comparing.
    @inlinable
    public func isShared(with other: Boxed) -> Bool {
        box === other.box
    }
}
