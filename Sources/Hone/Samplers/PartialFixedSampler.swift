/// Fixes some parameters and leaves the others to a base sampler, as Optuna's `PartialFixedSampler`.
///
/// A fixed parameter takes its value whenever it is suggested, and is removed
/// from the base sampler's relative search space, so a joint model never proposes
/// it. The value must lie in the distribution it is suggested with: Optuna warns
/// and returns an out-of-range value anyway, Hone refuses it with an error naming
/// the parameter, so that no trial holds a value outside its distribution. An
/// enqueued value and a single-valued distribution still take precedence, as in
/// Optuna. Every other call (before and after each trial) goes to the base
/// sampler, so pruned and failed trials are what the base sampler makes of them.
/// A brute-force base sees the other values of a fixed parameter as untried, so
/// it never reports exhaustion, as in Optuna.
public final class PartialFixedSampler: Sampler {
  /// The fixed values, by parameter name, as the user gives them (a categorical's choice itself).
  public let fixedParams: [(String, JSON)]
  /// The sampler of every parameter that is not fixed.
  public let base: any Sampler
  /// The seed the base sampler's spec gave (nil for none), which its spec writes back.
  let baseSpecSeed: UInt64?
  private let fixed: [String: JSON]
  public var name: String { "partial_fixed" }

  /// Fixes `fixedParams` (scalar values: strings, numbers, booleans, null) over `base`.
  ///
  /// A NaN or infinite value can only be a categorical choice: a float or int
  /// distribution refuses it when the parameter is suggested.
  public convenience init(fixedParams: [(String, JSON)], base: any Sampler) throws(HoneError) {
    try self.init(fixedParams: fixedParams, base: base, baseSpecSeed: nil)
  }

  init(fixedParams: [(String, JSON)], base: any Sampler, baseSpecSeed: UInt64?) throws(HoneError) {
    for (name, value) in fixedParams {
      switch value {
      case .array, .object:
        throw .invalidArgument("partial_fixed sampler: the fixed value of '\(name)' must be a scalar, not an \(value.typeName)")
      default: break
      }
    }
    self.fixedParams = fixedParams
    self.base = base
    self.baseSpecSeed = baseSpecSeed
    self.fixed = Dictionary(fixedParams, uniquingKeysWith: { _, last in last })
  }

  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    try base.beforeTrial(history, fixedParams: fixedParams)
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace {
    unfixed(try base.inferRelativeSearchSpace(history, trial))
  }

  /// The base sampler's point of the space without the fixed parameters.
  ///
  /// With a study-wide search space the study hands the whole space here; the base
  /// then sees the fixed values as parameters the trial already has, as it would
  /// once they were suggested define-by-run (the brute-force search conditions on them).
  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    let rest = unfixed(space)
    guard !rest.isEmpty else { return [:] }
    var decided = trial
    for (name, distribution) in zip(space.names, space.distributions) where decided.param(name) == nil {
      if let value = fixed[name], let x = distribution.internal(value), distribution.contains(x) {
        decided.params.append(Param(name: name, distribution: distribution, value: x))
      }
    }
    return try base.sampleRelative(history, decided, rest).filter { fixed[$0.key] == nil }
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    guard let value = fixed[name] else {
      return try base.sampleIndependent(history, trial, name: name, distribution: distribution)
    }
    guard let x = distribution.internal(value), distribution.contains(x) else {
      throw .invalidArgument(
        "partial_fixed sampler: the fixed value \(value.text) of '\(name)' does not lie in \(distribution.summary)")
    }
    return x
  }

  public func afterTrial(_ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?) {
    base.afterTrial(history, trial, state: state, values: values)
  }

  private func unfixed(_ space: SearchSpace) -> SearchSpace {
    SearchSpace(zip(space.names, space.distributions).filter { fixed[$0.0] == nil })
  }
}
