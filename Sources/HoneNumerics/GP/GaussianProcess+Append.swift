extension GaussianProcess {
  /// Conditions on further observations without refitting the hyperparameters.
  ///
  /// The factor grows by a rank-k Cholesky append in O(n²k) instead of a new
  /// O((n+k)³) factorization (see `Cholesky.append`), and α is re-solved in
  /// O((n+k)²). Throws `invalidArgument` on mismatched shapes or non-finite
  /// data, and `numeric` when the grown matrix cannot be factored; the model
  /// is then unchanged.
  public mutating func append(_ points: Matrix<Double>, targets newTargets: [Double]) throws(HoneError) {
    try validate(points: points, "append")
    guard points.rows == newTargets.count else {
      throw .invalidArgument("GaussianProcess.append: \(points.rows) points but \(newTargets.count) targets")
    }
    if let bad = newTargets.first(where: { !$0.isFinite }) {
      throw .invalidArgument("GaussianProcess.append: the targets hold the non-finite value \(bad)")
    }
    if points.rows == 0 { return }
    var grown = factor
    try grown.append(cross: kernel.crossCovariance(inputs, points), block: kernel.covariance(points))
    let allTargets = targets + newTargets
    let allWeights = try grown.solve(allTargets)
    inputs = inputs.appendingRows(of: points)
    targets = allTargets
    factor = grown
    weights = allWeights
  }

  /// Appends `points` with their current posterior means as targets: the Kriging believer for pending evaluations.
  ///
  /// Believed observations leave the posterior mean everywhere unchanged and
  /// shrink the variance around the points, so a batch of suggestions spreads
  /// out. Throws as `append(_:targets:)` does.
  public mutating func appendBelieved(_ points: Matrix<Double>) throws(HoneError) {
    try append(points, targets: predict(points).mean)
  }
}
