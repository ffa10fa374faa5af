extension GPKernel {
  /// The covariance matrix K(X, X) + v·I of the rows of `x` (n×d), both triangles filled.
  ///
  /// Throws `invalidArgument` when `x` does not have one column per dimension.
  public func covariance(_ x: Matrix<Double>) throws(HoneError) -> Matrix<Double> {
    var k = Matrix<Double>(rows: 0, cols: 0)
    try pairwiseCovariance(x, into: &k)
    k.mirror(from: .lower)
    return k
  }

  /// Writes K(X, X) + v·I into the lower triangle of `k`, reusing its storage when it is already n×n.
  func pairwiseCovariance(_ x: Matrix<Double>, into k: inout Matrix<Double>) throws(HoneError) {
    try checkColumns(x, "covariance")
    let n = x.rows
    pairwiseSquaredDistances(x, into: &k)
    let s = hyperparameters.outputscale
    let diagonal = s + hyperparameters.noise
    k.storage.withUnsafeMutableBufferPointer { pk in
      for j in 0..<n {
        pk[j * n + j] = diagonal
        shape.scaleProfiles(UnsafeMutableBufferPointer(rebasing: pk[(j * n + j + 1)..<(j * n + n)]), scale: s)
      }
    }
  }

  /// The noise-free covariance between the rows of `x` (n×d) and the rows of `points` (m×d), as an n×m matrix.
  ///
  /// Throws `invalidArgument` when either does not have one column per dimension.
  public func crossCovariance(_ x: Matrix<Double>, _ points: Matrix<Double>) throws(HoneError) -> Matrix<Double> {
    var k = try crossSquaredDistances(x, points)
    let s = hyperparameters.outputscale
    k.storage.withUnsafeMutableBufferPointer { shape.scaleProfiles($0, scale: s) }
    return k
  }

  /// Throws `invalidArgument` unless `x` has one column per dimension.
  func checkColumns(_ x: Matrix<Double>, _ routine: StaticString) throws(HoneError) {
    guard x.cols == dimensions.count else {
      throw .invalidArgument(
        "GPKernel.\(routine): the inputs have \(x.cols) columns, the kernel has \(dimensions.count) dimensions")
    }
  }

  /// Writes r² between every pair of rows of `x` into the strict lower triangle of the n×n `r2`, zeroing the rest.
  ///
  /// Training distances come from the differences themselves rather than from
  /// ‖a‖² + ‖b‖² − 2a·b: the likelihood gradient needs them exact for close
  /// pairs, and a loop over columns with a contiguous inner loop costs O(n²d),
  /// far below the O(n³) factorization it feeds.
  func pairwiseSquaredDistances(_ x: Matrix<Double>, into r2: inout Matrix<Double>) {
    let n = x.rows
    let weights = inverseSquaredLengthscales
    if r2.rows != n || r2.cols != n { r2 = Matrix(rows: n, cols: n) }
    x.storage.withUnsafeBufferPointer { px in
      r2.storage.withUnsafeMutableBufferPointer { pr in
        // Column by column, all dimensions at once, so each output column stays in L1.
        for j in 0..<n {
          let column = j * n
          for i in column..<(column + n) { pr[i] = 0 }
          // Rebased slices: the loops then index from 0 with no offset arithmetic to check, and vectorize.
          let out = UnsafeMutableBufferPointer(rebasing: pr[(column + j + 1)..<(column + n)])
          for (k, kind) in dimensions.enumerated() {
            let w = weights[k]
            let x = UnsafeBufferPointer(rebasing: px[(k * n + j + 1)..<(k * n + n)])
            let xj = px[k * n + j]
            switch kind {
            case .continuous:
              for i in out.indices {
                let d = x[i] - xj
                out[i] += w * d * d
              }
            case .categorical:
              for i in out.indices { out[i] += x[i] != xj ? w : 0 }
            }
          }
        }
      }
    }
  }

  /// r² between the rows of `x` (n×d) and of `points` (m×d) as an n×m matrix.
  ///
  /// The continuous part is ‖a‖² + ‖b‖² − 2·a·b on lengthscale-scaled inputs,
  /// with the cross term from one GEMM for the whole batch; inputs are shifted
  /// by ½ first, which leaves distances alone but shrinks the norms whose
  /// difference is taken. Results are clamped at 0 against that cancellation.
  func crossSquaredDistances(_ x: Matrix<Double>, _ points: Matrix<Double>) throws(HoneError) -> Matrix<Double> {
    try checkColumns(x, "crossCovariance")
    try checkColumns(points, "crossCovariance")
    let (n, m) = (x.rows, points.rows)
    let weights = inverseSquaredLengthscales
    let continuous = dimensions.indices.filter { dimensions[$0] == .continuous }
    var r2 = Matrix<Double>(rows: n, cols: m)
    if !continuous.isEmpty {
      let a = scaledColumns(x, continuous, weights)
      let b = scaledColumns(points, continuous, weights)
      try Matrix.gemm(a, b, into: &r2, transB: .transposed, alpha: -2)
      let normsA = rowSquaredNorms(a)
      let normsB = rowSquaredNorms(b)
      r2.storage.withUnsafeMutableBufferPointer { pr in
        normsA.withUnsafeBufferPointer { na in
          for j in 0..<m {
            let column = UnsafeMutableBufferPointer(rebasing: pr[(j * n)..<(j * n + n)])
            let nb = normsB[j]
            for i in column.indices { column[i] = max(0, column[i] + na[i] + nb) }
          }
        }
      }
    }
    for k in dimensions.indices where dimensions[k] == .categorical {
      let w = weights[k]
      x.storage.withUnsafeBufferPointer { px in
        points.storage.withUnsafeBufferPointer { pp in
          r2.storage.withUnsafeMutableBufferPointer { pr in
            let codes = UnsafeBufferPointer(rebasing: px[(k * n)..<(k * n + n)])
            for j in 0..<m {
              let code = pp[k * m + j]
              let column = UnsafeMutableBufferPointer(rebasing: pr[(j * n)..<(j * n + n)])
              for i in column.indices { column[i] += codes[i] != code ? w : 0 }
            }
          }
        }
      }
    }
    return r2
  }

  /// The listed columns of `x`, shifted by −½ and scaled by 1/ℓ.
  private func scaledColumns(_ x: Matrix<Double>, _ columns: [Int], _ weights: [Double]) -> Matrix<Double> {
    let rows = x.rows
    var scaled = Matrix<Double>(rows: rows, cols: columns.count)
    x.storage.withUnsafeBufferPointer { px in
      scaled.storage.withUnsafeMutableBufferPointer { ps in
        for (c, k) in columns.enumerated() {
          let factor = weights[k].squareRoot()
          for i in 0..<rows { ps[c * rows + i] = (px[k * rows + i] - 0.5) * factor }
        }
      }
    }
    return scaled
  }

  /// The squared Euclidean norm of each row.
  private func rowSquaredNorms(_ a: Matrix<Double>) -> [Double] {
    var norms = [Double](repeating: 0, count: a.rows)
    a.storage.withUnsafeBufferPointer { pa in
      for c in 0..<a.cols {
        for i in 0..<a.rows {
          let v = pa[c * a.rows + i]
          norms[i] += v * v
        }
      }
    }
    return norms
  }
}
