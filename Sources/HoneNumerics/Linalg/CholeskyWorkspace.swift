internal import CLAPACKE

internal import HonePlatform

/// A Cholesky factorization that reuses its n×n storage across calls.
///
/// The MAP fit factors and inverts a new K at every evaluation; at n = 1000
/// a fresh 8 MB buffer costs milliseconds in page faults alone, as much as a
/// third of the factorization. The jitter escalates exactly as in `Cholesky`.
struct CholeskyWorkspace: Sendable {
  /// The lower factor L of K + jitter·I after a successful `factor`.
  private(set) var factor = Matrix<Double>(rows: 0, cols: 0)
  /// The lower triangle of (K + jitter·I)⁻¹ after `invert`.
  private(set) var inverse = Matrix<Double>(rows: 0, cols: 0)
  /// The jitter the last successful `factor` added.
  private(set) var jitter = 0.0
  let schedule = Cholesky.JitterSchedule.standard

  /// Factors the lower triangle of the square `a`; false when no jitter of the schedule makes it positive definite.
  mutating func factor(_ a: Matrix<Double>) throws(HoneError) -> Bool {
    let n = a.rows
    if factor.rows != n { factor = Matrix(rows: n, cols: n) }
    var scale = 0.0
    for i in 0..<n { scale += abs(a.storage[i * n + i]) }
    scale = scale > 0 ? scale / Double(n) : 1
    var added = 0.0
    var relative = schedule.initial
    while true {
      factor.storage.withUnsafeMutableBufferPointer { pf in
        a.storage.withUnsafeBufferPointer { pa in
          for j in 0..<n {
            for i in j..<n { pf[j * n + i] = pa[j * n + i] }
            pf[j * n + j] += added
          }
        }
      }
      let info = try Matrix.potrfInfo(&factor)
      if info == 0 {
        jitter = added
        return true
      }
      if info < 0 { throw .internal("CholeskyWorkspace: LAPACK rejected argument \(-info)") }
      guard relative > 0, relative <= schedule.maximum * (1 + 1e-9) else { return false }
      added = relative * scale
      relative *= schedule.growth
    }
  }

  /// log det(K + jitter·I) from the factor's diagonal.
  var logDeterminant: Double {
    let n = factor.rows
    var sum = 0.0
    for i in 0..<n { sum += log(factor.storage[i * n + i]) }
    return 2 * sum
  }

  /// Writes the lower triangle of (K + jitter·I)⁻¹ into `inverse` (LAPACK `dpotri`), keeping the factor.
  ///
  /// Only the lower triangle is computed and read, so unlike `Matrix.potri` nothing is mirrored.
  mutating func invert() throws(HoneError) {
    let n = factor.rows
    if inverse.rows != n { inverse = Matrix(rows: n, cols: n) }
    if n == 0 { return }
    factor.storage.withUnsafeBufferPointer { pf in
      inverse.storage.withUnsafeMutableBufferPointer { pi in
        for j in 0..<n {
          for i in j..<n { pi[j * n + i] = pf[j * n + i] }
        }
      }
    }
    let order = try BLAS.dimension(n, "n", "potri")
    let lapacke = try BLASLibrary.lapacke()
    let info = inverse.storage.withUnsafeMutableBufferPointer { p in
      lapacke.dpotri(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "L")), order, p.baseAddress, order)
    }
    guard info == 0 else { throw .numeric("CholeskyWorkspace: dpotri failed with info \(info)") }
  }

  /// The factor as a `Cholesky`, leaving the workspace empty.
  mutating func takeCholesky() -> Cholesky {
    defer { self = CholeskyWorkspace() }
    return Cholesky(factor: factor, jitter: jitter, schedule: schedule)
  }
}
