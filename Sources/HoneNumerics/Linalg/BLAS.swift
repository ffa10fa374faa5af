/// The raw entry points into BLAS and the shape checks every wrapper shares.
///
/// All matrices are column-major. The pointer-based routines never allocate;
/// they are meant for hot loops that own their buffers.
public enum BLAS {
  /// Converts a dimension to the 32-bit integer BLAS takes, or throws.
  @inline(__always)
  static func dimension(_ value: Int, _ name: StaticString, _ routine: StaticString) throws(HoneError) -> Int32 {
    guard value >= 0, value <= Int(Int32.max) else {
      throw .invalidArgument("\(routine): \(name) = \(value) is outside 0...\(Int32.max)")
    }
    return Int32(value)
  }

  /// Checks a leading dimension against the rows it must span and converts it.
  @inline(__always)
  static func leading(_ ld: Int, rows: Int, _ name: StaticString, _ routine: StaticString) throws(HoneError) -> Int32 {
    guard ld >= max(1, rows), ld <= Int(Int32.max) else {
      throw .invalidArgument("\(routine): \(name) = \(ld) must be at least max(1, \(rows))")
    }
    return Int32(ld)
  }

  /// Describes a shape as `rows×cols` for error messages.
  static func shape(_ rows: Int, _ cols: Int) -> String { "\(rows)×\(cols)" }
}
