/// Prunes a trial that a Wilcoxon signed-rank test finds worse than the best
/// trial, as Optuna's `WilcoxonPruner`.
///
/// Steps name problem instances here, not epochs: a trial reports its value on
/// instance `step`, in any order, and is compared with the best COMPLETE trial
/// (feasible, as `bestTrial` picks it) on the instances both reported. The
/// trial is pruned when the one-sided test of those paired differences (trial
/// minus best; "greater" when minimizing, "less" when maximizing, zeros split
/// between the signs, SciPy's automatic choice of exact, sign-flip or normal
/// p-value) gives p < `pThreshold`, unless the mean of all the trial's values
/// is no worse than the mean of all the best trial's: that guard keeps a trial
/// whose average, taken over different instances, still looks as good.
///
/// Nothing is pruned while fewer than max(2, `nStartupSteps`) instances are
/// shared, nor when the trial or the best one holds an infinite or NaN value,
/// nor before some trial is COMPLETE with intermediate values.
public final class WilcoxonPruner: Pruner {
  /// Prune when the p-value falls below this; larger prunes more.
  public let pThreshold: Double
  /// The number of shared instances below which nothing is pruned (at least 2 always apply).
  public let nStartupSteps: Int

  public var name: String { "wilcoxon" }

  /// Creates the pruner, with Optuna's defaults.
  ///
  /// - Throws: `.invalidArgument` when `pThreshold` is outside [0, 1] or
  ///   `nStartupSteps` is negative.
  public init(pThreshold: Double = 0.1, nStartupSteps: Int = 2) throws(HoneError) {
    guard pThreshold >= 0, pThreshold <= 1 else {
      throw .invalidArgument("wilcoxon pruner: 'p_threshold' must be between 0 and 1, got \(pThreshold)")
    }
    guard nStartupSteps >= 0 else {
      throw .invalidArgument("wilcoxon pruner: 'n_startup_steps' cannot be negative, got \(nStartupSteps)")
    }
    self.pThreshold = pThreshold
    self.nStartupSteps = nStartupSteps
  }

  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    let values = trial.intermediateValues
    guard !values.isEmpty, values.values.allSatisfy(\.isFinite) else { return false }
    let direction = try history.singleDirection(for: name)
    guard let best = StudySummary.best(of: try history.trials(), directions: history.directions) else {
      return false
    }
    let bestValues = best.intermediateValues
    guard !bestValues.isEmpty, bestValues.values.allSatisfy(\.isFinite) else { return false }
    // Pair by step in ascending order, as NumPy's intersect1d does; the test does
    // not depend on the order, but the sums below are then reproducible.
    let shared = values.keys.filter { bestValues[$0] != nil }.sorted()
    guard shared.count >= max(2, nStartupSteps) else { return false }
    let differences = shared.compactMap { step in values[step].flatMap { v in bestValues[step].map { v - $0 } } }
    let test = try WilcoxonSignedRank.test(
      differences, alternative: direction == .minimize ? .greater : .less)
    guard test.pValue < pThreshold else { return false }
    let mean = Self.mean(values)
    let bestMean = Self.mean(bestValues)
    let averageIsBest = direction == .minimize ? bestMean >= mean : bestMean <= mean
    return !averageIsBest
  }

  /// The mean of a trial's intermediate values, summed in step order.
  static func mean(_ values: [Int64: Double]) -> Double {
    values.sorted { $0.key < $1.key }.reduce(0.0) { $0 + $1.value } / Double(values.count)
  }
}
