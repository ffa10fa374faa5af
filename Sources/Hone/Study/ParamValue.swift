/// The internal value of a parameter, as Optuna represents it: a float is itself,
/// an integer is itself, exactly, and a categorical is the index of its choice.
///
/// Integers never travel through a `Double`: `Int64` values above 2^53 have no
/// exact double. Models read the `double` view; what is stored, returned and
/// exported is the exact value.
public enum ParamValue: Hashable, Sendable {
  case float(Double)
  case int(Int64)
  /// The index of a categorical choice.
  case index(Int)

  /// The value as models see it: integers above 2^53 are rounded to the nearest double.
  public var double: Double {
    switch self {
    case .float(let x): return x
    case .int(let i): return Double(i)
    case .index(let i): return Double(i)
    }
  }

  /// A short description for error messages.
  public var text: String {
    switch self {
    case .float(let x): return JSON.number(x).text
    case .int(let i): return String(i)
    case .index(let i): return "choice \(i)"
    }
  }
}

extension ParamValue {
  /// A value read back from storage: `stored` is the double column, `exact` the
  /// integer column of an int, preferred when present (files written before it
  /// existed have only the double). Nil when the row cannot be a value of `distribution`.
  public init?(stored: Double, exact: Int64?, of distribution: Distribution) {
    switch distribution {
    case .float:
      guard stored.isFinite else { return nil }
      self = .float(stored)
    case .int:
      guard let i = exact ?? Int64(exactly: stored) else { return nil }
      self = .int(i)
    case .categorical(let choices):
      guard let i = Int(exactly: stored), choices.indices.contains(i) else { return nil }
      self = .index(i)
    }
  }
}
