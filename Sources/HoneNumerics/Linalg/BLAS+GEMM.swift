internal import COpenBLAS

extension BLAS {
  /// Computes C = α·op(A)·op(B) + β·C in double precision on raw column-major buffers.
  ///
  /// op(A) is m×k, op(B) is k×n and C is m×n. The buffers must hold the spans
  /// their leading dimensions imply and C must not overlap A or B. Nothing is
  /// allocated; only the dimensions are checked.
  public static func dgemm(
    transA: Transpose, transB: Transpose,
    m: Int, n: Int, k: Int,
    alpha: Double,
    a: UnsafePointer<Double>, lda: Int,
    b: UnsafePointer<Double>, ldb: Int,
    beta: Double,
    c: UnsafeMutablePointer<Double>, ldc: Int
  ) throws(HoneError) {
    let (m32, n32, k32) = (try dimension(m, "m", "dgemm"), try dimension(n, "n", "dgemm"), try dimension(k, "k", "dgemm"))
    let lda32 = try leading(lda, rows: transA == .normal ? m : k, "lda", "dgemm")
    let ldb32 = try leading(ldb, rows: transB == .normal ? k : n, "ldb", "dgemm")
    let ldc32 = try leading(ldc, rows: m, "ldc", "dgemm")
    try BLASLibrary.cblas().dgemm(
      CblasColMajor, transA.cblas, transB.cblas, m32, n32, k32,
      alpha, a, lda32, b, ldb32, beta, c, ldc32)
  }

  /// Computes C = α·op(A)·op(B) + β·C in single precision on raw column-major buffers.
  ///
  /// op(A) is m×k, op(B) is k×n and C is m×n. The buffers must hold the spans
  /// their leading dimensions imply and C must not overlap A or B. Nothing is
  /// allocated; only the dimensions are checked.
  public static func sgemm(
    transA: Transpose, transB: Transpose,
    m: Int, n: Int, k: Int,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int,
    b: UnsafePointer<Float>, ldb: Int,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int
  ) throws(HoneError) {
    let (m32, n32, k32) = (try dimension(m, "m", "sgemm"), try dimension(n, "n", "sgemm"), try dimension(k, "k", "sgemm"))
    let lda32 = try leading(lda, rows: transA == .normal ? m : k, "lda", "sgemm")
    let ldb32 = try leading(ldb, rows: transB == .normal ? k : n, "ldb", "sgemm")
    let ldc32 = try leading(ldc, rows: m, "ldc", "sgemm")
    try BLASLibrary.cblas().sgemm(
      CblasColMajor, transA.cblas, transB.cblas, m32, n32, k32,
      alpha, a, lda32, b, ldb32, beta, c, ldc32)
  }
}
