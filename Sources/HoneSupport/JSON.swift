/// A JSON value with object keys kept in document order.
///
/// Hone parses JSON itself rather than through Foundation: `libhone.so` links no
/// Foundation, and its own parser can name the offending key or byte offset.
///
/// Integer literals are kept exact in `integer`, so seeds and integer bounds above
/// 2^53 survive a round trip; other numbers are `number`. The two compare equal
/// when they are the same number.
public enum JSON: Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  /// An exact integer; the parser keeps every literal in [-2^63, 2^64 - 1] here.
  case integer(Int128)
  case string(String)
  case array([JSON])
  case object([(String, JSON)])

  /// An exact integer value.
  public static func int(_ value: some BinaryInteger) -> JSON { .integer(Int128(value)) }

  public static func == (lhs: JSON, rhs: JSON) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b || (a.isNaN && b.isNaN)
    case (.integer(let a), .integer(let b)): return a == b
    case (.integer(let a), .number(let b)), (.number(let b), .integer(let a)):
      // Compared exactly: 2^53 + 1 is not the double 2^53.
      return Int128(exactly: b) == a
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The value stored under `key`, if this is an object that has it.
  public subscript(key: String) -> JSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number, .integer: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The value as a double: exact for `number`, the nearest double for `integer`.
  public var numberValue: Double? {
    switch self {
    case .number(let x): return x
    case .integer(let i): return Double(i)
    default: return nil
    }
  }

  /// The exact integer value: an `integer`, or a `number` that is a whole number.
  public var integerValue: Int128? {
    switch self {
    case .integer(let i): return i
    case .number(let x): return Int128(exactly: x)
    default: return nil
    }
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
}
