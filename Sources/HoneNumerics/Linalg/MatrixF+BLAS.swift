extension MatrixF {
  /// Computes C = α·op(A)·op(B) + β·C in single precision into the existing `c` without allocating.
  ///
  /// Throws `invalidArgument` unless op(A) is m×k, op(B) is k×n and `c` is m×n.
  public static func gemm(
    _ a: MatrixF, _ b: MatrixF, into c: inout MatrixF,
    transA: Transpose = .normal, transB: Transpose = .normal,
    alpha: Float = 1, beta: Float = 0
  ) throws(HoneError) {
    let (m, k) = transA == .normal ? (a.rows, a.cols) : (a.cols, a.rows)
    let (kb, n) = transB == .normal ? (b.rows, b.cols) : (b.cols, b.rows)
    guard k == kb, c.rows == m, c.cols == n else {
      throw .invalidArgument(
        "sgemm: op(A) is \(BLAS.shape(m, k)), op(B) is \(BLAS.shape(kb, n)), C is \(BLAS.shape(c.rows, c.cols))")
    }
    if m == 0 || n == 0 { return }
    if k == 0 {
      c.withUnsafeMutableBufferPointer { pc in
        for i in pc.indices { pc[i] = beta == 0 ? 0 : beta * pc[i] }
      }
      return
    }
    try a.withUnsafeBufferPointer { (pa) throws(HoneError) in
      try b.withUnsafeBufferPointer { (pb) throws(HoneError) in
        try c.withUnsafeMutableBufferPointer { (pc) throws(HoneError) in
          try BLAS.sgemm(
            transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha,
            a: pa.baseAddress!, lda: a.rows, b: pb.baseAddress!, ldb: b.rows,
            beta: beta, c: pc.baseAddress!, ldc: m)
        }
      }
    }
  }
}
