/// The best trial of a single-objective study and the Pareto front of a multi-objective one.
extension Study {
  /// The feasible COMPLETE trial with the best value; the earliest one wins a tie.
  ///
  /// A trial is feasible when every constraint value is ≤ 0, or it has none
  /// (Optuna's rule), so an unconstrained study considers every COMPLETE trial.
  ///
  /// - Throws: `.state` in a multi-objective study, `.notFound` when no trial is
  ///   complete, or none of the complete ones is feasible.
  public func bestTrial() throws(HoneError) -> FrozenTrial {
    guard directions.count == 1 else {
      throw .state("a multi-objective study has no single best trial; use the Pareto front (best trials)")
    }
    let all = try trials
    guard let best = StudySummary.best(of: all, directions: directions) else {
      if all.contains(where: { $0.state == .complete }) {
        throw .notFound("no COMPLETE trial of study '\(name)' is feasible yet (every one violates a constraint)")
      }
      throw .notFound("no trial of study '\(name)' is COMPLETE yet")
    }
    return best
  }

  /// The feasible COMPLETE trials that no other feasible COMPLETE trial dominates,
  /// ordered by number; empty when none is feasible.
  public func bestTrials() throws(HoneError) -> [FrozenTrial] {
    ParetoFront.of(try trials.filter { $0.state == .complete && $0.isFeasible }, directions: directions)
  }
}

/// Non-dominated sorting helpers.
public enum ParetoFront {
  /// The non-dominated subset of `trials` under `directions`, in their order.
  public static func of(_ trials: [FrozenTrial], directions: [StudyDirection]) -> [FrozenTrial] {
    let points = trials.map { t in
      (t.values ?? []).enumerated().map { directions[$0.offset] == .minimize ? $0.element : -$0.element }
    }
    return trials.indices.filter { i in
      !points.indices.contains { j in j != i && dominates(points[j], points[i]) }
    }.map { trials[$0] }
  }

  /// Whether `a` dominates `b` when every objective is minimized.
  public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
    guard a.count == b.count else { return false }
    var strictly = false
    for (x, y) in zip(a, b) {
      if x > y { return false }
      if x < y { strictly = true }
    }
    return strictly
  }
}
