extension Cholesky {
  /// Extends the factor of A to the factor of [[A, B], [Bᵀ, C]] in O(n²·k) work.
  ///
  /// `cross` is B (n×k, the covariance between the old and the new points) and
  /// `block` is C (k×k, only its lower triangle is read). The current jitter
  /// is added to C's diagonal, so the result equals a fresh factorization with
  /// that jitter. If the new Schur complement C + jitter·I − (L⁻¹B)ᵀ(L⁻¹B) is
  /// not positive definite, the whole matrix is rebuilt from L·Lᵀ and factored
  /// again with the escalating jitter schedule (O((n+k)³)). Throws
  /// `invalidArgument` on a shape mismatch and `numeric` on a non-finite entry
  /// or when no jitter helps; the factor is then left unchanged.
  public mutating func append(cross: Matrix<Double>, block: Matrix<Double>) throws(HoneError) {
    let n = size
    let k = block.rows
    guard block.isSquare, cross.rows == n, cross.cols == k else {
      throw .invalidArgument(
        "Cholesky.append: the factor is \(BLAS.shape(n, n)), cross is \(BLAS.shape(cross.rows, cross.cols)), "
          + "block is \(BLAS.shape(block.rows, block.cols)); expected \(BLAS.shape(n, k)) and \(BLAS.shape(k, k))")
    }
    if k == 0 { return }
    if let bad = cross.storage.first(where: { !$0.isFinite }) {
      throw .numeric("Cholesky.append: the cross-covariance has the non-finite entry \(bad)")
    }
    if let (i, j) = block.firstNonFiniteInLower() {
      throw .numeric("Cholesky.append: the new block has the non-finite entry \(block[i, j]) at (\(i), \(j))")
    }

    // S = L⁻¹B, then the Schur complement C + jitter·I − SᵀS in the lower triangle.
    var s = cross
    try Matrix.trsm(factor, &s)
    var schur = block
    for i in 0..<k { schur[i, i] += jitter }
    try Matrix.syrk(s, into: &schur, trans: .transposed, alpha: -1, beta: 1, symmetrize: false)
    guard try Matrix.potrfInfo(&schur) == 0 else {
      try refactor(cross: cross, block: block)
      return
    }

    let total = n + k
    var grown = Matrix<Double>(rows: total, cols: total)
    for j in 0..<n {
      for i in j..<n { grown.storage[j * total + i] = factor.storage[j * n + i] }
      for c in 0..<k { grown.storage[j * total + n + c] = s.storage[c * n + j] }
    }
    for j in 0..<k {
      for i in j..<k { grown.storage[(n + j) * total + n + i] = schur.storage[j * k + i] }
    }
    self = Cholesky(factor: grown, jitter: jitter, schedule: schedule)
  }

  /// Extends the factor by one point: `cross` holds its covariance with the n old points, `variance` its own.
  ///
  /// Throws as `append(cross:block:)` does.
  public mutating func append(cross: [Double], variance: Double) throws(HoneError) {
    try append(
      cross: Matrix(rows: cross.count, cols: 1, columnMajor: cross),
      block: Matrix(rows: 1, cols: 1, columnMajor: [variance]))
  }

  /// Rebuilds [[A, B], [Bᵀ, C]] with A = L·Lᵀ − jitter·I and factors it afresh.
  private mutating func refactor(cross: Matrix<Double>, block: Matrix<Double>) throws(HoneError) {
    let (n, k) = (size, block.rows)
    let total = n + k
    var old = Matrix<Double>(rows: n, cols: n)
    try Matrix.syrk(factor, into: &old, symmetrize: false)
    var full = Matrix<Double>(rows: total, cols: total)
    for j in 0..<n {
      for i in j..<n { full.storage[j * total + i] = old.storage[j * n + i] }
      full.storage[j * total + j] -= jitter
      for c in 0..<k { full.storage[j * total + n + c] = cross.storage[c * n + j] }
    }
    for j in 0..<k {
      for i in j..<k { full.storage[(n + j) * total + n + i] = block.storage[j * k + i] }
    }
    self = try Cholesky(full, schedule: schedule)
  }
}
