internal import COpenBLAS

extension Matrix {
  /// The shape of op(`self`): as stored or transposed.
  func shape(_ trans: Transpose) -> (rows: Int, cols: Int) {
    trans == .normal ? (rows, cols) : (cols, rows)
  }

  /// Computes C = α·op(A)·op(B) + β·C into the existing `c` without allocating.
  ///
  /// Throws `invalidArgument` unless op(A) is m×k, op(B) is k×n and `c` is m×n.
  /// With β = 0 the old contents of `c` are ignored, NaNs included.
  public static func gemm(
    _ a: Matrix, _ b: Matrix, into c: inout Matrix,
    transA: Transpose = .normal, transB: Transpose = .normal,
    alpha: Scalar = 1, beta: Scalar = 0
  ) throws(HoneError) {
    let (m, k) = a.shape(transA)
    let (kb, n) = b.shape(transB)
    guard k == kb, c.rows == m, c.cols == n else {
      throw .invalidArgument(
        "gemm: op(A) is \(BLAS.shape(m, k)), op(B) is \(BLAS.shape(kb, n)), C is \(BLAS.shape(c.rows, c.cols))")
    }
    if m == 0 || n == 0 { return }
    if k == 0 { c.scale(by: beta); return }
    try a.storage.withUnsafeBufferPointer { (pa) throws(HoneError) in
      try b.storage.withUnsafeBufferPointer { (pb) throws(HoneError) in
        try c.storage.withUnsafeMutableBufferPointer { (pc) throws(HoneError) in
          try BLAS.gemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
            a: pa.baseAddress!, lda: a.rows, b: pb.baseAddress!, ldb: b.rows,
            beta: beta, c: pc.baseAddress!, ldc: m)
        }
      }
    }
  }

  /// Returns α·op(A)·op(B) as a new matrix.
  ///
  /// Throws `invalidArgument` when the inner dimensions differ.
  public static func product(
    _ a: Matrix, _ b: Matrix,
    transA: Transpose = .normal, transB: Transpose = .normal, alpha: Scalar = 1
  ) throws(HoneError) -> Matrix {
    var c = Matrix(rows: a.shape(transA).rows, cols: b.shape(transB).cols)
    try gemm(a, b, into: &c, transA: transA, transB: transB, alpha: alpha)
    return c
  }
}

// gemv, syrk and trsm stay in double precision: only the GP calls them, and in
// single precision each would need its own CBLAS entry point loaded and a
// BLASScalar requirement that nothing calls.
extension Matrix where Scalar == Double {
  /// Computes y = α·op(A)·x + β·y into the existing `y` without allocating.
  ///
  /// Throws `invalidArgument` unless op(A) is m×n, `x` has n elements and `y` has m.
  public static func gemv(
    _ a: Matrix, _ x: [Double], into y: inout [Double],
    trans: Transpose = .normal, alpha: Double = 1, beta: Double = 0
  ) throws(HoneError) {
    let (m, n) = a.shape(trans)
    guard x.count == n, y.count == m else {
      throw .invalidArgument("gemv: op(A) is \(BLAS.shape(m, n)), x has \(x.count) elements, y has \(y.count)")
    }
    if m == 0 { return }
    if n == 0 {
      for i in y.indices { y[i] = beta == 0 ? 0 : beta * y[i] }
      return
    }
    let (r32, c32) = (try BLAS.dimension(a.rows, "m", "gemv"), try BLAS.dimension(a.cols, "n", "gemv"))
    let cblas = try BLASLibrary.cblas()
    a.storage.withUnsafeBufferPointer { pa in
      x.withUnsafeBufferPointer { px in
        y.withUnsafeMutableBufferPointer { py in
          cblas.dgemv(
            CblasColMajor, trans.cblas, r32, c32, alpha, pa.baseAddress!, max(1, r32),
            px.baseAddress!, 1, beta, py.baseAddress!, 1)
        }
      }
    }
  }

  /// Returns α·op(A)·x as a new vector.
  ///
  /// Throws `invalidArgument` when `x` does not have as many elements as op(A) has columns.
  public static func product(
    _ a: Matrix, _ x: [Double], trans: Transpose = .normal, alpha: Double = 1
  ) throws(HoneError) -> [Double] {
    var y = [Double](repeating: 0, count: a.shape(trans).rows)
    try gemv(a, x, into: &y, trans: trans, alpha: alpha)
    return y
  }

  /// Computes the symmetric rank-k update C = α·op(A)·op(A)ᵀ + β·C into `c`.
  ///
  /// With `.normal` op(A) = A (C is A.rows square); with `.transposed` it is Aᵀ,
  /// so C = α·AᵀA + β·C. Only `triangle` of `c` is read and written; with
  /// `symmetrize` the result is then mirrored so all of `c` holds it.
  public static func syrk(
    _ a: Matrix, into c: inout Matrix,
    trans: Transpose = .normal, alpha: Double = 1, beta: Double = 0,
    triangle: Triangle = .lower, symmetrize: Bool = true
  ) throws(HoneError) {
    let (n, k) = a.shape(trans)
    guard c.rows == n, c.cols == n else {
      throw .invalidArgument("syrk: op(A) is \(BLAS.shape(n, k)), C is \(BLAS.shape(c.rows, c.cols)), not \(BLAS.shape(n, n))")
    }
    if n == 0 { return }
    if k == 0 {
      c.scale(by: beta)
    } else {
      let (n32, k32) = (try BLAS.dimension(n, "n", "syrk"), try BLAS.dimension(k, "k", "syrk"))
      let lda = Int32(max(1, a.rows))
      let cblas = try BLASLibrary.cblas()
      a.storage.withUnsafeBufferPointer { pa in
        c.storage.withUnsafeMutableBufferPointer { pc in
          cblas.dsyrk(
            CblasColMajor, triangle.cblas, trans.cblas, n32, k32,
            alpha, pa.baseAddress!, lda, beta, pc.baseAddress!, n32)
        }
      }
    }
    if symmetrize { c.mirror(from: triangle) }
  }

  /// Solves the triangular system op(A)·X = α·B (`.left`) or X·op(A) = α·B (`.right`), overwriting `b` with X.
  ///
  /// `a` must be square and match `b` on the chosen side; only `triangle` of
  /// `a` is read. A zero on the diagonal yields infinities, not an error.
  public static func trsm(
    _ a: Matrix, _ b: inout Matrix,
    side: Side = .left, triangle: Triangle = .lower, trans: Transpose = .normal,
    unitDiagonal: Bool = false, alpha: Double = 1
  ) throws(HoneError) {
    let order = side == .left ? b.rows : b.cols
    guard a.isSquare, a.rows == order else {
      throw .invalidArgument(
        "trsm: A is \(BLAS.shape(a.rows, a.cols)), B is \(BLAS.shape(b.rows, b.cols)); A must be \(BLAS.shape(order, order))")
    }
    if b.rows == 0 || b.cols == 0 { return }
    let (m32, n32) = (try BLAS.dimension(b.rows, "m", "trsm"), try BLAS.dimension(b.cols, "n", "trsm"))
    let lda = Int32(a.rows)
    let cblas = try BLASLibrary.cblas()
    a.storage.withUnsafeBufferPointer { pa in
      b.storage.withUnsafeMutableBufferPointer { pb in
        cblas.dtrsm(
          CblasColMajor, side.cblas, triangle.cblas, trans.cblas, unitDiagonal ? CblasUnit : CblasNonUnit,
          m32, n32, alpha, pa.baseAddress!, lda, pb.baseAddress!, m32)
      }
    }
  }
}

extension Matrix {
  /// Multiplies every element by `beta`, treating β = 0 as "set to zero" like BLAS does.
  mutating func scale(by beta: Scalar) {
    if beta == 0 {
      for i in storage.indices { storage[i] = 0 }
    } else if beta != 1 {
      for i in storage.indices { storage[i] *= beta }
    }
  }

  /// Copies `triangle` of a square matrix onto the other triangle.
  mutating func mirror(from triangle: Triangle) {
    let n = rows
    for j in 0..<n {
      for i in (j + 1)..<n {
        if triangle == .lower {
          storage[i * n + j] = storage[j * n + i]
        } else {
          storage[j * n + i] = storage[i * n + j]
        }
      }
    }
  }

  /// Sets the strictly upper triangle of a square matrix to zero.
  mutating func zeroStrictUpper() {
    let n = rows
    for j in 1..<max(1, n) {
      for i in 0..<j { storage[j * n + i] = 0 }
    }
  }
}
