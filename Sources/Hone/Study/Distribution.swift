/// The domain of one hyperparameter.
///
/// Values are held in an internal representation, `ParamValue`, as Optuna does:
/// a float is itself, an integer is itself, exactly, and a categorical is the
/// index of its choice. Build distributions with the validating factories.
public enum Distribution: Equatable, Sendable {
  /// A real interval, optionally on a log scale or on a grid of `step`.
  case float(low: Double, high: Double, step: Double?, log: Bool)
  /// An integer interval with a step, optionally on a log scale.
  case int(low: Int64, high: Int64, step: Int64, log: Bool)
  /// A list of scalar JSON choices (strings, numbers, booleans, null).
  case categorical([JSON])

  /// A validated float distribution.
  ///
  /// When `step` is given and `high - low` is not a multiple of it, `high` is
  /// lowered to the last point of the grid, in decimal arithmetic as Optuna
  /// computes it (see `decimalGridHigh`).
  public static func makeFloat(
    low: Double, high: Double, step: Double? = nil, log: Bool = false
  ) throws(HoneError) -> Distribution {
    guard low.isFinite, high.isFinite else {
      throw .invalidArgument("bounds must be finite, got low=\(low) high=\(high)")
    }
    guard low <= high else { throw .invalidArgument("low (\(low)) must not exceed high (\(high))") }
    // A span that overflows would make every draw NaN.
    guard (high - low).isFinite else { throw .invalidArgument("the range [\(low), \(high)] is too wide") }
    if log, low <= 0 {
      throw .invalidArgument("a log distribution needs low > 0, got low=\(low)")
    }
    guard let step else { return .float(low: low, high: high, step: nil, log: log) }
    guard step.isFinite, step > 0 else { throw .invalidArgument("step must be positive, got \(step)") }
    if log { throw .invalidArgument("step and log cannot be used together") }
    let n = ((high - low) / step + 1e-9).rounded(.down)
    guard n < Double(Int64.max) else { throw .invalidArgument("step \(step) is too small for [\(low), \(high)]") }
    // Binary arithmetic only where the numbers' digits span more than an Int128 holds.
    let top = decimalGridHigh(low: low, high: high, step: step) ?? low + n * step
    return .float(low: low, high: min(high, top), step: step, log: false)
  }

  /// A validated integer distribution over any part of the Int64 range; `high` is lowered onto the step grid.
  public static func makeInt(
    low: Int64, high: Int64, step: Int64 = 1, log: Bool = false
  ) throws(HoneError) -> Distribution {
    guard low <= high else { throw .invalidArgument("low (\(low)) must not exceed high (\(high))") }
    guard step > 0 else { throw .invalidArgument("step must be positive, got \(step)") }
    if log {
      guard low >= 1 else { throw .invalidArgument("a log distribution needs low >= 1, got low=\(low)") }
      guard step == 1 else { throw .invalidArgument("step and log cannot be used together") }
    }
    // The span is taken as a UInt64, so the whole Int64 range works.
    let stepped = Distribution.int(low: low, high: high, step: step, log: log)
    return .int(low: low, high: stepped.gridPoint(stepped.lastGridIndex), step: step, log: log)
  }

  /// A validated categorical distribution.
  ///
  /// A choice may be any scalar, NaN and the infinities included, as Optuna
  /// allows: the choice's index is what is sampled and stored, and the JSON text
  /// that carries the choices writes them `NaN`, `Infinity` and `-Infinity`.
  /// A NaN choice is found again by a NaN value (`JSON` equality treats NaN as
  /// equal to NaN, as Optuna's categorical does).
  public static func makeCategorical(_ choices: [JSON]) throws(HoneError) -> Distribution {
    guard !choices.isEmpty else { throw .invalidArgument("choices must not be empty") }
    for (i, c) in choices.enumerated() {
      switch c {
      case .array, .object:
        throw .invalidArgument("choice \(i) is an \(c.typeName); choices must be strings, numbers, booleans or null")
      default: break
      }
    }
    return .categorical(choices)
  }

  /// Whether the distribution holds a single value, which is then not sampled.
  public var isSingle: Bool {
    switch self {
    case .float(let low, let high, _, _): return low == high
    case .int(let low, let high, _, _): return low == high
    case .categorical(let c): return c.count == 1
    }
  }

  /// Whether an internal value lies in the distribution; a value of another kind does not.
  public func contains(_ value: ParamValue) -> Bool {
    switch (self, value) {
    case (.float(let low, let high, let step, _), .float(let x)):
      guard x >= low, x <= high else { return false }
      guard let step else { return true }
      let k = (x - low) / step
      return abs(k - k.rounded()) < 1e-8
    case (.int, .int(let x)):
      return gridIndex(of: x) != nil
    case (.categorical(let choices), .index(let i)):
      return choices.indices.contains(i)
    default:
      return false
    }
  }

  /// The user-facing value of an internal value.
  public func external(_ value: ParamValue) -> JSON {
    switch value {
    case .float(let x): return .number(x)
    case .int(let i): return .int(i)
    case .index(let i):
      guard case .categorical(let choices) = self, choices.indices.contains(i) else { return .null }
      return choices[i]
    }
  }

  /// The internal value of a user-facing value, or nil when it does not fit the kind.
  ///
  /// Numbers outside the bounds are still returned, so that callers can decide
  /// whether to accept them (enqueued trials may lie outside, as in Optuna). An
  /// integer must be a whole number within the Int64 range; it is read exactly.
  public func `internal`(_ value: JSON) -> ParamValue? {
    switch self {
    case .float:
      guard let x = value.numberValue, x.isFinite else { return nil }
      return .float(x)
    case .int:
      return value.integerValue.flatMap { Int64(exactly: $0) }.map(ParamValue.int)
    case .categorical(let choices):
      return choices.firstIndex(of: value).map(ParamValue.index)
    }
  }

  /// A short description, e.g. `float[0.001, 1, log]`.
  public var summary: String {
    switch self {
    case .float(let low, let high, let step, let log):
      return "float[\(low), \(high)\(step.map { ", step=\($0)" } ?? "")\(log ? ", log" : "")]"
    case .int(let low, let high, let step, let log):
      return "int[\(low), \(high)\(step != 1 ? ", step=\(step)" : "")\(log ? ", log" : "")]"
    case .categorical(let choices):
      return "categorical[\(choices.map(\.text).joined(separator: ", "))]"
    }
  }
}
