/// Several objectives, as Optuna 5's GPSampler models them: one GP per objective and log EHVI.
extension GPSampler {
  /// The proposal for a multi-objective study: each objective's values (negated when
  /// minimized, standardized) get a GP of their own, kept between asks as the single
  /// objective's is (`fittedModel(key:rows:raw:numbers:kinds:using:)`),
  /// the other RUNNING trials join every model as Kriging-believer fantasies, and
  /// `GPExpectedHypervolumeImprovement` is maximized with a few Pareto-optimal trials
  /// among its starting candidates.
  ///
  /// With constraint values, the improvement is over the feasible trials' front and
  /// each constraint adds log P(cᵢ ≤ 0), as Optuna's LogCEHVI; while no trial is
  /// feasible, that probability alone is maximized.
  func optimizeMultiObjective(
    space: SearchSpace, trials: [FrozenTrial], pending: [[String: ParamValue]], directions: [StudyDirection],
    trial: Int
  ) throws(HoneError) -> [String: ParamValue]? {
    let m = directions.count
    guard m <= GPExpectedHypervolumeImprovement.maxObjectives else {
      throw .invalidArgument(
        "gp sampler: at most \(GPExpectedHypervolumeImprovement.maxObjectives) objectives, got \(m)")
    }
    let kinds = space.distributions.map { d -> GPDimensionKind in
      if case .categorical = d { return .categorical }
      return .continuous
    }
    var rows: [[Double]] = []
    var gains: [[Double]] = []
    var observed: [Observation] = []
    for t in trials where t.state == .complete {
      guard let values = t.values, values.count == m, !values.contains(where: \.isNaN) else { continue }
      let params = Self.paramsByName(t)
      guard space.names.allSatisfy({ params[$0] != nil }) else { continue }
      let row = encode(space) { params[$0]?.value }
      let gain = zip(directions, values).map { d, v in d == .maximize ? v : -v }
      rows.append(row)
      gains.append(gain)
      // The constraint models read the observations' values only to find a best feasible one, which EHVI does not use.
      observed.append(
        Observation(number: t.number, value: gain[0], params: params.mapValues(\.value), constraints: t.constraints))
    }
    guard rows.count >= max(nStartupTrials, 1) else { return nil }
    var rng = Xoshiro256(seed: seed, stream: 0x4d4f, substream: UInt64(truncatingIfNeeded: trial))
    let signature = Self.signature(space)
    let numbers = observed.map(\.number)
    var models: [GaussianProcess] = []
    var standardized = [[Double]](repeating: [], count: rows.count)
    for k in 0..<m {
      let column = gains.map { $0[k] }
      let (model, scaling) = try fittedModel(
        key: "\(signature)#objective\(k)", rows: rows, raw: column, numbers: numbers, kinds: kinds, using: &rng)
      for i in rows.indices { standardized[i].append(scaling.apply(column[i])) }
      models.append(model)
    }
    if !pending.isEmpty {
      let believed = try Matrix(rowMajor: pending.map { p in encode(space) { p[$0] } })
      for k in models.indices { try models[k].appendBelieved(believed) }
    }
    var parts: [any GPAcquisitionObjective] = []
    let ranks = ParetoRank.ranks(gains.map { $0.map { -$0 } }, enough: 1)
    var front = rows.indices.filter { ranks[$0] == 0 }
    let constraints = try constraintModels(
      space: space, observed: observed, rows: rows, raw: gains.map { $0[0] }, kinds: kinds, trial: trial)
    if let constraints {
      let feasible = observed.indices.filter { observed[$0].constraints?.allSatisfy { $0 <= 0 } ?? true }
      if !feasible.isEmpty {
        parts.append(
          try GPExpectedHypervolumeImprovement(
            models: models, values: feasible.map { standardized[$0] }, sampleCount: Self.ehviSamples, using: &rng))
      }
      parts += constraints.terms as [any GPAcquisitionObjective]
      front = front.filter { feasible.contains($0) }
    } else {
      parts.append(
        try GPExpectedHypervolumeImprovement(
          models: models, values: standardized, sampleCount: Self.ehviSamples, using: &rng))
    }
    // A few Pareto-optimal trials start local searches, as Optuna's: half its local searches at most.
    front.shuffle(using: &rng)
    let starts = Array(front.prefix(optimizer.starts / 2)).map { rows[$0] }
    let found = try optimizer.maximize(
      try GPAcquisitionSum(parts), space: space.distributions.map(Self.searchDimension),
      candidates: starts.isEmpty ? nil : try Matrix(rowMajor: starts), using: &rng)
    return try decode(found.point, space)
  }

  /// Optuna's 128 quasi-random samples for EHVI, BoTorch's default.
  static let ehviSamples = 128
}
