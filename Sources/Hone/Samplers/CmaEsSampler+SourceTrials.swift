/// Warm starting (WS-CMA-ES) from `sourceTrials`: their checks, their JSON, and their points in the joint space.
extension CmaEsSampler {
  /// The keys of one source trial's JSON object.
  static let sourceTrialKeys: Set<String> = ["params", "value", "state"]

  /// Optuna's rules for `source_trials`, and Hone's checks of the trials themselves.
  static func validate(
    _ trials: [SourceTrial], x0: [(String, JSON)]?, sigma0: Double?, separable: Bool, pruned: Bool
  ) throws(HoneError) {
    if x0 != nil || sigma0 != nil {
      throw .invalidArgument("cmaes sampler: source_trials cannot be used with x0 or sigma0")
    }
    if separable { throw .invalidArgument("cmaes sampler: source_trials cannot be used with use_separable_cma") }
    for (i, t) in trials.enumerated() {
      var seen: Set<String> = []
      for (name, value) in t.params {
        guard seen.insert(name).inserted else {
          throw .invalidArgument("cmaes sampler: source_trials[\(i)] names parameter '\(name)' twice")
        }
        switch value {
        case .array, .object:
          throw .invalidArgument("cmaes sampler: source_trials[\(i)] parameter '\(name)' must be a scalar, not \(value.typeName)")
        case .number(let x) where !x.isFinite:
          throw .invalidArgument("cmaes sampler: source_trials[\(i)] parameter '\(name)' must be finite")
        default: break
        }
      }
      if t.value?.isNaN == true { throw .invalidArgument("cmaes sampler: source_trials[\(i)] has a NaN value") }
      if t.state == .complete && t.value == nil {
        throw .invalidArgument("cmaes sampler: source_trials[\(i)] is COMPLETE and has no value")
      }
    }
    let counting = trials.filter { counts($0, pruned: pruned) }.count
    guard counting >= 10 else {
      throw .invalidArgument(
        "cmaes sampler: source_trials has \(counting) usable trials; warm starting takes the best 10% and needs at least 10")
    }
  }

  /// Whether a source trial counts: COMPLETE, or PRUNED with a value under `considerPrunedTrials`.
  static func counts(_ t: SourceTrial, pruned: Bool) -> Bool {
    t.value != nil && (t.state == .complete || (pruned && t.state == .pruned))
  }

  /// The counting source trials whose parameters are exactly `space`'s, each in its distribution,
  /// as points of the unit cube and values to minimize.
  ///
  /// Optuna keeps a source trial whose parameter names are the space's; Hone also
  /// skips one with a value outside its distribution's bounds or of another kind,
  /// which has no point in the cube.
  func sourceSolutions(_ space: SearchSpace, sign: Double) -> [(x: [Double], value: Double)] {
    let names = Set(space.names)
    return (sourceTrials ?? []).compactMap { t -> (x: [Double], value: Double)? in
      guard Self.counts(t, pruned: considerPrunedTrials), let value = t.value, t.params.count == names.count else {
        return nil
      }
      let given = Dictionary(t.params, uniquingKeysWith: { _, last in last })
      var x: [Double] = []
      x.reserveCapacity(space.count)
      for (name, d) in zip(space.names, space.distributions) {
        guard let json = given[name], let v = d.internal(json), Self.inBounds(v, d) else { return nil }
        let u = d.toUnit(v)
        guard u.isFinite else { return nil }
        x.append(u)
      }
      return (x, sign * value)
    }
  }

  /// The distribution every run starts from with `sourceTrials`: the warm start of the
  /// ones that fit `space`, with σ at least 10⁻⁸, as Optuna floors it.
  ///
  /// - Throws: `.invalidArgument` when fewer than 10 source trials fit `space`.
  func warmStart(
    _ space: SearchSpace, sign: Double
  ) throws(HoneError) -> (mean: [Double], sigma: Double, covariance: Matrix<Double>) {
    let solutions = sourceSolutions(space, sign: sign)
    guard solutions.count >= 10 else {
      let names = space.names.joined(separator: ", ")
      throw .invalidArgument(
        "cmaes sampler: \(solutions.count) source_trials fit the search space (\(names)); "
          + "warm starting takes the best 10% and needs at least 10")
    }
    let start = try CMAEvolutionStrategy.warmStart(solutions)
    return (start.mean, max(start.sigma, 1e-8), start.covariance)
  }

  /// Whether a numeric internal value lies within its distribution's bounds.
  static func inBounds(_ v: ParamValue, _ d: Distribution) -> Bool {
    switch (d, v) {
    case (.float(let low, let high, _, _), .float(let x)): return x >= low && x <= high
    case (.int(let low, let high, _, _), .int(let i)): return i >= low && i <= high
    default: return false
    }
  }

  /// The source trials of a spec's `"source_trials"`: an array of
  /// `{"params": {name: value, ...}, "value": number | null, "state": "COMPLETE"}`,
  /// the state COMPLETE when absent; nil for null or absent.
  static func sourceTrials(_ json: JSON?) throws(HoneError) -> [SourceTrial]? {
    guard let json, json != .null else { return nil }
    guard case .array(let items) = json else {
      throw .invalidArgument("cmaes sampler options: 'source_trials' must be an array of trials, not \(json.typeName)")
    }
    var trials: [SourceTrial] = []
    trials.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      let context = "cmaes sampler options: source_trials[\(i)]"
      guard case .object(let members) = item else {
        throw .invalidArgument("\(context) must be an object, not \(item.typeName)")
      }
      let reader = JSONObjectReader(members, context: context)
      try reader.allowOnly(sourceTrialKeys)
      guard let params = try reader.optionalObject("params") else { throw .invalidArgument("\(context): 'params' is required") }
      var state = TrialState.complete
      if let name = try reader.optionalString("state") {
        guard let s = TrialState(name: name) else {
          throw .invalidArgument("\(context): unknown state '\(name)' (COMPLETE, PRUNED, FAIL, RUNNING, WAITING)")
        }
        state = s
      }
      trials.append(SourceTrial(params: params, value: try reader.optionalNumber("value"), state: state))
    }
    return trials
  }

  /// The spec's `"source_trials"`, every key written out.
  var sourceTrialsSpec: JSON {
    guard let sourceTrials else { return .null }
    return .array(
      sourceTrials.map { t in
        .object([
          ("params", .object(t.params)), ("value", t.value.map { .number($0) } ?? .null), ("state", .string(t.state.name)),
        ])
      })
  }
}
