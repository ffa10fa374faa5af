extension BLASThreads {
  /// The shapes of BLAS work the GP does, which profit from threads at different sizes.
  enum GPWorkload {
    /// `dpotrf` and the inverse (`dtrsm`, `dlauum`) of the n×n covariance: the fit.
    case factorization
    /// Triangular solves against n×1024 candidate blocks: scoring raw candidates.
    case manyRightHandSides
    /// Triangular solves against n×10 blocks: the lockstep local searches.
    case fewRightHandSides

    /// The order n from which OpenBLAS's threads pay off.
    ///
    /// Measured on the 2-core AMD EPYC (Zen 3) build machine, OpenBLAS 0.3.21
    /// (pthreads), best of many interleaved runs, one thread / two threads:
    /// - dpotrf + dpotri: n = 64 0.038 / 0.043 ms, n = 96 0.087 / 0.089 ms,
    ///   n = 128 0.181 / 0.145 ms, n = 256 1.17 / 0.63 ms;
    /// - dtrsm with 1024 right-hand sides: n = 48 0.151 / 0.082 ms, n = 256 2.20 / 1.15 ms;
    /// - dpotrs with 10 right-hand sides: n = 128 0.028 / 0.053 ms, n = 256
    ///   0.112 / 0.187 ms, n = 384 0.174 / 0.158 ms, n = 1000 1.05 / 1.06 ms.
    var parallelOrder: Int {
      switch self {
      case .factorization: return 100
      case .manyRightHandSides: return 0
      case .fewRightHandSides: return 384
      }
    }
  }

  /// The thread count OpenBLAS chose for itself, captured on first use; `adapt` never goes above it.
  private static let ceiling = BLASThreads.current

  /// Uses one thread for `workload` on matrices of order below its `parallelOrder`, else all of OpenBLAS's threads.
  ///
  /// The count is process-wide, so it is only written when it changes.
  static func adapt(to workload: GPWorkload, order n: Int) {
    let most = ceiling
    let wanted = n < workload.parallelOrder ? 1 : most
    if current != wanted { set(wanted) }
  }
}
