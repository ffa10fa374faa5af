internal import CLAPACKE
internal import COpenBLAS

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

  /// Writes the lower triangle of (K + jitter·I)⁻¹ into `inverse`, keeping the factor.
  ///
  /// X = L⁻¹ by recursive halving, then K⁻¹ = XᵀX by LAPACK's `dlauum`: what
  /// `dpotri` does, except that OpenBLAS runs that triangular inverse unblocked
  /// (`dtrmv` column by column) below order 256, and at n = 100 it cost more
  /// than the factorization, half of a MAP evaluation. Here all but blocks of at
  /// most 32 go through `dtrsm`. Only the lower triangle is computed and read,
  /// so nothing is mirrored.
  mutating func invert() throws(HoneError) {
    let n = factor.rows
    if inverse.rows != n { inverse = Matrix(rows: n, cols: n) }
    if n == 0 { return }
    let order = try BLAS.dimension(n, "n", "invert")
    let cblas = try BLASLibrary.cblas()
    let lapacke = try BLASLibrary.lapacke()
    factor.storage.withUnsafeBufferPointer { pf in
      inverse.storage.withUnsafeMutableBufferPointer { pi in
        for j in 0..<n {
          for i in j..<n { pi[j * n + i] = pf[j * n + i] }
        }
      }
    }
    let info = inverse.storage.withUnsafeMutableBufferPointer { pi -> Int32 in
      guard let x = pi.baseAddress else { return 0 }
      Self.invertLower(x, order: order, stride: order, cblas)
      return lapacke.dlauum(LAPACK_COL_MAJOR, CChar(UInt8(ascii: "L")), order, x, order)
    }
    guard info == 0 else { throw .numeric("CholeskyWorkspace: dlauum failed with info \(info)") }
  }

  /// Replaces the lower triangle of the order-n block at `a` (column stride `lda`) by its inverse.
  ///
  /// With L = [L₁₁ 0; L₂₁ L₂₂], L⁻¹ = [L₁₁⁻¹ 0; −L₂₂⁻¹·L₂₁·L₁₁⁻¹ L₂₂⁻¹]: the
  /// off-diagonal block comes from two triangular solves with the blocks
  /// still uninverted, then each diagonal block is inverted the same way.
  static func invertLower(
    _ a: UnsafeMutablePointer<Double>, order n: Int32, stride lda: Int32, _ cblas: CBLASFunctions
  ) {
    if n <= 32 { return invertLowerUnblocked(a, order: Int(n), stride: Int(lda)) }
    let n1 = n / 2
    let n2 = n - n1
    let a21 = a + Int(n1)
    let a22 = a + Int(n1) * Int(lda) + Int(n1)
    cblas.dtrsm(CblasColMajor, CblasRight, CblasLower, CblasNoTrans, CblasNonUnit, n2, n1, 1, a, lda, a21, lda)
    cblas.dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, n2, n1, -1, a22, lda, a21, lda)
    invertLower(a, order: n1, stride: lda, cblas)
    invertLower(a22, order: n2, stride: lda, cblas)
  }

  /// The lower-triangular inverse in place, column by column from the last (LAPACK's `dtrti2`).
  ///
  /// Column j of L⁻¹ below the diagonal is −(L⁻¹)ⱼⱼ·(L₂₂⁻¹·L[j+1..<n, j]) with
  /// L₂₂⁻¹ the trailing block already inverted; the product runs from the
  /// bottom row up, so it can overwrite the column it reads.
  private static func invertLowerUnblocked(_ a: UnsafeMutablePointer<Double>, order n: Int, stride lda: Int) {
    for j in stride(from: n - 1, through: 0, by: -1) {
      let diagonal = 1 / a[j * lda + j]
      a[j * lda + j] = diagonal
      for i in stride(from: n - 1, to: j, by: -1) {
        var sum = 0.0
        for k in (j + 1)...i { sum += a[k * lda + i] * a[j * lda + k] }
        a[j * lda + i] = -diagonal * sum
      }
    }
  }

  /// The factor as a `Cholesky`, leaving the workspace empty.
  mutating func takeCholesky() -> Cholesky {
    defer { self = CholeskyWorkspace() }
    return Cholesky(factor: factor, jitter: jitter, schedule: schedule)
  }
}
