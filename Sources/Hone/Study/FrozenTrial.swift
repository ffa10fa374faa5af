/// One suggested parameter of a trial: its name, distribution and internal value.
public struct Param: Equatable, Sendable {
  public var name: String
  public var distribution: Distribution
  /// The internal representation: exact for an int, the index for a categorical.
  public var value: ParamValue

  public init(name: String, distribution: Distribution, value: ParamValue) {
    self.name = name
    self.distribution = distribution
    self.value = value
  }

  /// The user-facing value.
  public var external: JSON { distribution.external(value) }
}

/// A snapshot of a trial, as samplers, pruners and hosts read it.
public struct FrozenTrial: Sendable {
  /// The trial's number, unique and increasing within its study.
  public var number: Int
  public var state: TrialState
  /// One value per objective once COMPLETE (and the last intermediate value once PRUNED).
  public var values: [Double]?
  /// The parameters in the order they were suggested.
  public var params: [Param]
  /// Intermediate objective values by step.
  public var intermediateValues: [Int64: Double]
  public var userAttrs: [(String, JSON)]
  /// Attributes the engine and samplers keep, such as `fixed_params` and `grid_id`.
  public var systemAttrs: [(String, JSON)]
  /// Seconds since the epoch.
  public var datetimeStart: Double?
  public var datetimeComplete: Double?

  public init(
    number: Int, state: TrialState, values: [Double]? = nil, params: [Param] = [],
    intermediateValues: [Int64: Double] = [:], userAttrs: [(String, JSON)] = [],
    systemAttrs: [(String, JSON)] = [], datetimeStart: Double? = nil, datetimeComplete: Double? = nil
  ) {
    self.number = number
    self.state = state
    self.values = values
    self.params = params
    self.intermediateValues = intermediateValues
    self.userAttrs = userAttrs
    self.systemAttrs = systemAttrs
    self.datetimeStart = datetimeStart
    self.datetimeComplete = datetimeComplete
  }

  /// The single objective value, for single-objective studies.
  public var value: Double? { values?.count == 1 ? values?[0] : nil }

  /// The parameter called `name`, if it was suggested.
  public func param(_ name: String) -> Param? { params.first { $0.name == name } }

  public func userAttr(_ key: String) -> JSON? { userAttrs.first { $0.0 == key }?.1 }

  public func systemAttr(_ key: String) -> JSON? { systemAttrs.first { $0.0 == key }?.1 }

  /// The intermediate value with the highest step, if any was reported.
  public var lastIntermediateValue: Double? {
    intermediateValues.max { $0.key < $1.key }?.value
  }
}

/// Keyed assignment into an ordered attribute list.
extension Array where Element == (String, JSON) {
  mutating func set(_ key: String, _ value: JSON) {
    if let i = firstIndex(where: { $0.0 == key }) {
      self[i].1 = value
    } else {
      append((key, value))
    }
  }
}

extension Array where Element == Param {
  /// The parameter called `name`, looked for at position `k` first: trials suggest
  /// in the same order, so reading a space of d parameters from n trials costs
  /// O(n·d) comparisons rather than O(n·d²).
  func named(_ name: String, near k: Int) -> Param? {
    if k >= 0 && k < count && self[k].name == name { return self[k] }
    return first { $0.name == name }
  }
}
