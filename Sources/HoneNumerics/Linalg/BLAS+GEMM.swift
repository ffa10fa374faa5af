internal import COpenBLAS

/// A floating-point type BLAS computes in: `Float` (single precision) or `Double`.
///
/// CBLAS has one C function per precision, `cblas_sgemm` on `float *` and
/// `cblas_dgemm` on `double *`, resolved by dlopen as two differently typed
/// pointers (`BLASLibrary`). Choosing between them is the one thing a
/// conformance supplies; the shape checks above it (`BLAS.gemm`,
/// `Matrix.gemm`) are written once, and specialize to a direct call.
public protocol BLASScalar: BinaryFloatingPoint, Sendable {
  /// Calls this precision's CBLAS gemm on column-major buffers, with dimensions already checked.
  ///
  /// Call `BLAS.gemm` instead: it checks the dimensions and leading
  /// dimensions this takes as given.
  static func cblasGemm(
    transA: Transpose, transB: Transpose,
    m: Int32, n: Int32, k: Int32,
    alpha: Self,
    a: UnsafePointer<Self>, lda: Int32,
    b: UnsafePointer<Self>, ldb: Int32,
    beta: Self,
    c: UnsafeMutablePointer<Self>, ldc: Int32
  ) throws(HoneError)
}

extension Float: BLASScalar {
  /// Calls `cblas_sgemm`; see `BLASScalar.cblasGemm`.
  public static func cblasGemm(
    transA: Transpose, transB: Transpose,
    m: Int32, n: Int32, k: Int32,
    alpha: Float,
    a: UnsafePointer<Float>, lda: Int32,
    b: UnsafePointer<Float>, ldb: Int32,
    beta: Float,
    c: UnsafeMutablePointer<Float>, ldc: Int32
  ) throws(HoneError) {
    try BLASLibrary.cblas().sgemm(
      CblasColMajor, transA.cblas, transB.cblas, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
  }
}

extension Double: BLASScalar {
  /// Calls `cblas_dgemm`; see `BLASScalar.cblasGemm`.
  public static func cblasGemm(
    transA: Transpose, transB: Transpose,
    m: Int32, n: Int32, k: Int32,
    alpha: Double,
    a: UnsafePointer<Double>, lda: Int32,
    b: UnsafePointer<Double>, ldb: Int32,
    beta: Double,
    c: UnsafeMutablePointer<Double>, ldc: Int32
  ) throws(HoneError) {
    try BLASLibrary.cblas().dgemm(
      CblasColMajor, transA.cblas, transB.cblas, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
  }
}

extension BLAS {
  /// Computes C = α·op(A)·op(B) + β·C on raw column-major buffers, in `Scalar`'s precision.
  ///
  /// op(A) is m×k, op(B) is k×n and C is m×n. The buffers must hold the spans
  /// their leading dimensions imply and C must not overlap A or B. Nothing is
  /// allocated; only the dimensions are checked.
  public static func gemm<Scalar: BLASScalar>(
    transA: Transpose, transB: Transpose,
    m: Int, n: Int, k: Int,
    alpha: Scalar,
    a: UnsafePointer<Scalar>, lda: Int,
    b: UnsafePointer<Scalar>, ldb: Int,
    beta: Scalar,
    c: UnsafeMutablePointer<Scalar>, ldc: Int
  ) throws(HoneError) {
    let (m32, n32, k32) = (try dimension(m, "m", "gemm"), try dimension(n, "n", "gemm"), try dimension(k, "k", "gemm"))
    let lda32 = try leading(lda, rows: transA == .normal ? m : k, "lda", "gemm")
    let ldb32 = try leading(ldb, rows: transB == .normal ? k : n, "ldb", "gemm")
    let ldc32 = try leading(ldc, rows: m, "ldc", "gemm")
    try Scalar.cblasGemm(
      transA: transA, transB: transB, m: m32, n: n32, k: k32,
      alpha: alpha, a: a, lda: lda32, b: b, ldb: ldb32, beta: beta, c: c, ldc: ldc32)
  }
}
