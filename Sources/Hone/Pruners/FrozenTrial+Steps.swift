/// The step arithmetic pruners share, with Optuna's definitions.
extension FrozenTrial {
  /// The highest step reported, if any.
  public var lastStep: Int? {
    intermediateValues.keys.max().map { Int($0) }
  }

  /// The best intermediate value over every step, NaN ignored; NaN when all are NaN or none exist.
  func bestIntermediateValue(_ direction: StudyDirection) -> Double {
    Double.nanExtreme(intermediateValues.values, direction)
  }

  /// Whether `step` is the first step reported in its pruning interval.
  ///
  /// Intervals start at `warmup` and every `interval` steps after it; a trial that
  /// reports every step is thus judged at warmup, warmup + interval, ... and one
  /// that skips steps at the first report of each interval.
  func isFirstInInterval(step: Int, warmup: Int, interval: Int) -> Bool {
    let nearestLowerPruningStep = (step - warmup) / interval * interval + warmup
    let secondLastStep = intermediateValues.keys.lazy.map { Int($0) }.filter { $0 != step }.max() ?? -1
    return secondLastStep < nearestLowerPruningStep
  }
}

extension Double {
  /// The minimum (minimizing) or maximum (maximizing) of `values`, NaN ignored,
  /// as NumPy's `nanmin` and `nanmax`; NaN when no value is a number.
  static func nanExtreme(_ values: some Sequence<Double>, _ direction: StudyDirection) -> Double {
    var best = Double.nan
    for v in values where !v.isNaN {
      if best.isNaN || direction.isBetter(v, than: best) { best = v }
    }
    return best
  }
}

extension StudyHistory {
  /// The study's single direction; pruning is defined for single-objective studies only.
  func singleDirection(for pruner: String) throws(HoneError) -> StudyDirection {
    guard directions.count == 1 else {
      throw .state("the \(pruner) pruner does not support multi-objective studies")
    }
    return directions[0]
  }
}
