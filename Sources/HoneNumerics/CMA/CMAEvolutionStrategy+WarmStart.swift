internal import HonePlatform

extension CMAEvolutionStrategy {
  /// The promising distribution of a source task (WS-CMA-ES: Nomura, Watanabe, Akimoto,
  /// Ozaki and Onishi, "Warm Starting CMA-ES for Hyperparameter Optimization", AAAI 2021),
  /// as the `cmaes` package's `get_warm_start_mgd` computes it.
  ///
  /// The best ⌊γN⌋ of the N solutions (lower values first, NaN last, ties in the
  /// order given) have mean μ and second moment S; the distribution is N(μ, Σ) with
  /// Σ = α²I + S − μμᵀ, returned as the mean μ, σ = det(Σ)^(1/2n) and C = Σ/σ², so
  /// that det C = 1. The α²I prior keeps Σ positive definite however few the solutions.
  ///
  /// - Throws: `.invalidArgument` for no solution, solutions of different or zero
  ///   dimension or with non-finite coordinates, γ outside (0, 1], α not positive and
  ///   finite, or ⌊γN⌋ = 0; `.numeric` when Σ has a non-finite or non-positive eigenvalue.
  public static func warmStart(
    _ solutions: [(x: [Double], value: Double)], gamma: Double = 0.1, alpha: Double = 0.1
  ) throws(HoneError) -> (mean: [Double], sigma: Double, covariance: Matrix<Double>) {
    guard let n = solutions.first?.x.count, n >= 1, n <= 1 << 16 else {
      throw .invalidArgument("WS-CMA-ES: warm starting needs source solutions of dimension 1...65536")
    }
    guard solutions.allSatisfy({ $0.x.count == n && $0.x.allSatisfy(\.isFinite) }) else {
      throw .invalidArgument("WS-CMA-ES: every source solution must have \(n) finite coordinates")
    }
    guard gamma > 0, gamma <= 1 else { throw .invalidArgument("WS-CMA-ES: gamma must be in (0, 1], got \(gamma)") }
    guard alpha > 0, alpha.isFinite else { throw .invalidArgument("WS-CMA-ES: alpha must be positive, got \(alpha)") }
    let top = (Double(solutions.count) * gamma).rounded(.down)
    guard top >= 1 else {
      throw .invalidArgument(
        "WS-CMA-ES: the best fraction \(gamma) of \(solutions.count) source solutions holds none; more are needed")
    }
    // top ≤ solutions.count, so it converts exactly.
    let k = min(Int(top), solutions.count)
    let ranked = solutions.indices.sorted { a, b in
      let (va, vb) = (solutions[a].value, solutions[b].value)
      if va.isNaN != vb.isNaN { return vb.isNaN }
      if !va.isNaN && va != vb { return va < vb }
      return a < b
    }.prefix(k).map { solutions[$0].x }
    let dk = Double(k)
    var mean = [Double](repeating: 0, count: n)
    for x in ranked { for i in 0..<n { mean[i] += x[i] } }
    for i in 0..<n { mean[i] /= dk }
    var sigmaMatrix = Matrix<Double>(rows: n, cols: n)
    for j in 0..<n {
      for i in 0..<n {
        var s = 0.0
        for x in ranked { s += x[i] * x[j] }
        sigmaMatrix[i, j] = (i == j ? alpha * alpha : 0) + s / dk - mean[i] * mean[j]
      }
    }
    let (values, _) = try Matrix.syevd(sigmaMatrix)
    guard values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw .numeric("WS-CMA-ES: the promising distribution's covariance is not positive definite")
    }
    // log det Σ, so that det Σ neither overflows nor underflows in many dimensions.
    let logDet = values.map { log($0) }.reduce(0, +)
    let variance = exp(logDet / Double(n))
    for j in 0..<n { for i in 0..<n { sigmaMatrix[i, j] /= variance } }
    return (mean, exp(logDet / (2 * Double(n))), sigmaMatrix)
  }
}
