/// A value bound to a query parameter or read from a result cell.
///
/// Parameters travel to the server in PostgreSQL's text format, separately from
/// the SQL, so no value is ever spliced into a statement.
public enum PGValue: Sendable, Equatable {
  case null
  case int(Int64)
  /// A float8; NaN and the infinities are sent as PostgreSQL spells them.
  case double(Double)
  case text(String)
  case bool(Bool)

  public static func == (lhs: PGValue, rhs: PGValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b || (a.isNaN && b.isNaN)
    case (.text(let a), .text(let b)): return a == b
    case (.bool(let a), .bool(let b)): return a == b
    default: return false
    }
  }

  /// The parameter's type OID: typed for numbers and booleans so that `SELECT $1`
  /// keeps its type, unspecified (0) for text so that the server infers the
  /// column's type (jsonb, timestamptz) from the statement.
  var typeOID: UInt32 {
    switch self {
    case .null, .text: return 0
    case .int: return PGType.int8
    case .double: return PGType.float8
    case .bool: return PGType.bool
    }
  }

  /// The text-format wire form, or nil for NULL.
  var wireText: String? {
    switch self {
    case .null: return nil
    case .int(let v): return String(v)
    case .double(let v): return PGValue.floatText(v)
    case .text(let s): return s
    case .bool(let b): return b ? "t" : "f"
    }
  }

  /// `v` as float8 input: Swift's shortest round-trip digits, which the server
  /// reads back to the same bits, and PostgreSQL's names for the non-finite values.
  static func floatText(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
    return v.description
  }

  /// A float8 from its text output, accepting PostgreSQL's non-finite spellings.
  static func parseFloat(_ text: String) -> Double? {
    switch text {
    case "NaN": return .nan
    case "Infinity": return .infinity
    case "-Infinity": return -.infinity
    default: return Double(text)
    }
  }
}

/// The OIDs of the built-in types Hone reads and writes (pg_type.dat).
enum PGType {
  static let bool: UInt32 = 16
  static let int8: UInt32 = 20
  static let int2: UInt32 = 21
  static let int4: UInt32 = 23
  static let oid: UInt32 = 26
  static let float4: UInt32 = 700
  static let float8: UInt32 = 701
}
