/// The checks a hand-built trial passes before a study stores it.
extension FrozenTrial {
  /// Throws `.invalidArgument` when the trial cannot be added to a study of
  /// `directions`: Optuna's `FrozenTrial._validate` and `Study.add_trial` rules,
  /// plus what Hone's storages require of every trial they hold.
  ///
  /// - A trial that is not WAITING has a start time; a finished one (COMPLETE,
  ///   PRUNED, FAIL) has a completion time, an unfinished one none. Times lie
  ///   between 1970 and the year 10000, as storages keep them.
  /// - A FAIL trial has no values; a COMPLETE one has them. Values, when present,
  ///   number one per direction and are not NaN (infinities are kept, as in Optuna).
  /// - Each parameter's distribution is one the factories would build, and holds
  ///   its value (on the grid, within the bounds, an index of the choices).
  /// - Intermediate steps are >= 0; parameter names and attribute keys are unique.
  /// - The system attributes samplers read (`fixed_params`, `constraints`,
  ///   `constraints:<key>`, `grid_id`) have the types they expect.
  ///
  /// The number is not checked: the storage gives the trial the study's next one.
  public func validateForAdding(directions: [StudyDirection]) throws(HoneError) {
    if state != .waiting, datetimeStart == nil {
      throw .invalidArgument("datetime_start is required unless the trial is WAITING (it is \(state.name))")
    }
    if state.isFinished {
      if datetimeComplete == nil {
        throw .invalidArgument("datetime_complete is required for a finished (\(state.name)) trial")
      }
    } else if datetimeComplete != nil {
      throw .invalidArgument("datetime_complete must be null for an unfinished (\(state.name)) trial")
    }
    for (name, t) in [("datetime_start", datetimeStart), ("datetime_complete", datetimeComplete)] {
      if let t, !(t >= 0 && t < StoredTrialDecoder.endOfTime) {
        throw .invalidArgument("\(name) (\(JSON.number(t).text) s) must lie between 1970 and the year 10000")
      }
    }
    if state == .fail, let values {
      throw .invalidArgument("values must be null for a FAIL trial, got \(JSON.array(values.map(JSON.number)).text)")
    }
    if state == .complete, values == nil {
      throw .invalidArgument("values are required for a COMPLETE trial")
    }
    if let values {
      guard values.count == directions.count else {
        throw .invalidArgument(
          "the trial has \(values.count) value\(values.count == 1 ? "" : "s"), but the study has "
            + "\(directions.count) objective\(directions.count == 1 ? "" : "s")")
      }
      if values.contains(where: \.isNaN) { throw .invalidArgument("values must not contain NaN") }
    }
    var names = Set<String>()
    for p in params {
      guard names.insert(p.name).inserted else { throw .invalidArgument("parameter '\(p.name)' appears twice") }
      try p.distribution.validate(context: "parameter '\(p.name)'")
      guard p.distribution.contains(p.value) else {
        throw .invalidArgument(
          "the value \(p.value.text) of parameter '\(p.name)' is not contained in \(p.distribution.summary)")
      }
    }
    if let step = intermediateValues.keys.first(where: { $0 < 0 }) {
      throw .invalidArgument("intermediate value steps must be >= 0, got \(step)")
    }
    try Self.uniqueKeys(userAttrs, "user_attrs")
    try Self.uniqueKeys(systemAttrs, "system_attrs")
    if let attr = systemAttr("fixed_params"), Study.fixedParams(of: self) == nil {
      throw .invalidArgument("system attribute 'fixed_params' must be an object, not \(attr.typeName)")
    }
    if let attr = systemAttr(Self.constraintsKey), let problem = StoredTrialDecoder.constraintsProblem(attr) {
      throw .invalidArgument("system attribute '\(Self.constraintsKey)' is \(attr.text), \(problem)")
    }
    for (key, value) in systemAttrs where key.hasPrefix(Self.constraintKeyPrefix) {
      guard let x = value.numberValue, !x.isNaN else {
        throw .invalidArgument("system attribute '\(key)' is \(value.text), not a constraint value (a number)")
      }
    }
    if let id = systemAttr("grid_id"), !(id.integerValue.map { $0 >= 0 && $0 <= Int128(Int.max) } ?? false) {
      throw .invalidArgument("system attribute 'grid_id' is \(id.text), not a grid index")
    }
  }

  private static func uniqueKeys(_ attrs: [(String, JSON)], _ what: String) throws(HoneError) {
    var seen = Set<String>()
    for (key, _) in attrs where !seen.insert(key).inserted {
      throw .invalidArgument("\(what) key '\(key)' appears twice")
    }
  }
}

extension Distribution {
  /// Throws unless the factories would build this very distribution: a case
  /// built directly can hold bounds in the wrong order, a NaN or a bad step.
  func validate(context: String) throws(HoneError) {
    let rebuilt: Distribution
    do throws(HoneError) {
      switch self {
      case .float(let low, let high, let step, let log): rebuilt = try .makeFloat(low: low, high: high, step: step, log: log)
      case .int(let low, let high, let step, let log): rebuilt = try .makeInt(low: low, high: high, step: step, log: log)
      case .categorical(let choices): rebuilt = try .makeCategorical(choices)
      }
    } catch {
      throw .invalidArgument("\(context): \(error.message)")
    }
    guard rebuilt == self else {
      throw .invalidArgument("\(context): \(summary) is not a valid distribution (high must lie on the step grid)")
    }
  }
}
