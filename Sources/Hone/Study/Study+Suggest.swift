/// Define-by-run suggestions.
extension Study {
  /// The value of parameter `name` in a running trial, sampled on first use.
  ///
  /// Asking again for the same name in the same trial returns the first value,
  /// even with other bounds or step, as Optuna does (the first distribution stays
  /// recorded); asking with another kind, another log flag or other choices is an
  /// error (`Distribution.isCompatible(with:)`). The result is internal: exact for
  /// an int, the index for a categorical. A failing call records nothing.
  public func suggest(trial number: Int, name: String, distribution: Distribution) throws(HoneError) -> ParamValue {
    guard !name.isEmpty else { throw .invalidArgument("the parameter name must not be empty") }
    return try lock.withLock { () throws(HoneError) -> ParamValue in
      let trial = try runningTrial(number, for: "suggest '\(name)' in")
      if let p = trial.param(name) {
        guard p.distribution.isCompatible(with: distribution) else {
          throw .invalidArgument(
            "parameter '\(name)' of trial \(number) was suggested as \(p.distribution.summary); "
              + "it cannot be suggested again as \(distribution.summary)")
        }
        try beatIfDue(number)
        return p.value
      }
      let value = try newValue(trial: trial, name: name, distribution: distribution)
      try storage.setTrialParam(
        study: studyID, number: number, param: Param(name: name, distribution: distribution, value: value))
      try beatIfDue(number)
      return value
    }
  }

  private func newValue(
    trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    if let fixed = Study.fixedParams(of: trial)?.first(where: { $0.0 == name }) {
      return try Study.fixedValue(fixed.1, name: name, distribution: distribution)
    }
    if distribution.isSingle { return distribution.fromUnit(0) }
    if let (space, point) = relativeParams[trial.number], let v = point[name], let d = space[name] {
      // A relative value serves any distribution whose domain holds its external value.
      if d == distribution { return v }
      if let x = distribution.internal(d.external(v)), distribution.contains(x) { return x }
    }
    return try sampler.sampleIndependent(history(), trial, name: name, distribution: distribution)
  }

  /// Suggests a float in [low, high]; see `Distribution.makeFloat`.
  public func suggestFloat(
    trial: Int, _ name: String, _ low: Double, _ high: Double, step: Double? = nil, log: Bool = false
  ) throws(HoneError) -> Double {
    let value = try suggest(
      trial: trial, name: name, distribution: .makeFloat(low: low, high: high, step: step, log: log))
    guard case .float(let x) = value else { throw .internal("float parameter '\(name)' holds \(value.text)") }
    return x
  }

  /// Suggests an integer in [low, high], exactly, over the whole Int64 range.
  public func suggestInt(
    trial: Int, _ name: String, _ low: Int64, _ high: Int64, step: Int64 = 1, log: Bool = false
  ) throws(HoneError) -> Int64 {
    let value = try suggest(
      trial: trial, name: name, distribution: .makeInt(low: low, high: high, step: step, log: log))
    guard case .int(let i) = value else { throw .internal("int parameter '\(name)' holds \(value.text)") }
    return i
  }

  /// Suggests one of `choices` and returns its index.
  public func suggestCategorical(trial: Int, _ name: String, _ choices: [JSON]) throws(HoneError) -> Int {
    let value = try suggest(trial: trial, name: name, distribution: .makeCategorical(choices))
    guard case .index(let i) = value else { throw .internal("categorical parameter '\(name)' holds \(value.text)") }
    return i
  }
}

extension Distribution {
  /// Whether a parameter first suggested from this distribution may be suggested
  /// again from `other`, Optuna's `check_distribution_compatibility`: the same
  /// kind, for numbers the same log flag, for categoricals the same choices.
  /// Bounds and steps may differ; the first value stands.
  public func isCompatible(with other: Distribution) -> Bool {
    switch (self, other) {
    case (.float(_, _, _, let a), .float(_, _, _, let b)): return a == b
    case (.int(_, _, _, let a), .int(_, _, _, let b)): return a == b
    case (.categorical(let a), .categorical(let b)): return a == b
    default: return false
    }
  }
}

