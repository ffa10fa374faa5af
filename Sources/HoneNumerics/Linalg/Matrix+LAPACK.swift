internal import CLAPACKE

/// The `uplo` argument LAPACK takes for the lower triangle.
private let lowerUplo = CChar(UInt8(ascii: "L"))

// Double precision only: the GP is the one caller, and LAPACKE loads only the d-routines.
extension Matrix where Scalar == Double {
  /// Factors a symmetric positive-definite matrix in place as A = L·Lᵀ (LAPACK `dpotrf`).
  ///
  /// Only the lower triangle of `a` is read. On success `a` holds L with its
  /// strictly upper triangle set to zero. Throws `invalidArgument` when `a` is
  /// not square and `numeric` when a leading minor is not positive definite,
  /// in which case the contents of `a` are unspecified.
  public static func potrf(_ a: inout Matrix) throws(HoneError) {
    guard a.isSquare else {
      throw .invalidArgument("potrf: A is \(BLAS.shape(a.rows, a.cols)), not square")
    }
    let info = try potrfInfo(&a)
    guard info == 0 else {
      throw info > 0
        ? .numeric("potrf: the leading minor of order \(info) of a \(BLAS.shape(a.rows, a.rows)) matrix is not positive definite")
        : .internal("potrf: LAPACK rejected argument \(-info)")
    }
  }

  /// Runs `dpotrf` on the lower triangle of a square matrix and returns LAPACK's `info`.
  ///
  /// On success (0) the strictly upper triangle is zeroed.
  static func potrfInfo(_ a: inout Matrix) throws(HoneError) -> Int32 {
    let n = try BLAS.dimension(a.rows, "n", "potrf")
    if n == 0 { return 0 }
    let lapacke = try BLASLibrary.lapacke()
    let info = a.storage.withUnsafeMutableBufferPointer { p in
      lapacke.dpotrf(LAPACK_COL_MAJOR, lowerUplo, n, p.baseAddress!, n)
    }
    if info == 0 { a.zeroStrictUpper() }
    return info
  }

  /// Solves A·X = B in place given the lower Cholesky factor L of A (LAPACK `dpotrs`).
  ///
  /// `factor` must be n×n and `b` n×k. Throws `invalidArgument` on a shape mismatch.
  public static func potrs(factor: Matrix, _ b: inout Matrix) throws(HoneError) {
    guard factor.isSquare, b.rows == factor.rows else {
      throw .invalidArgument(
        "potrs: L is \(BLAS.shape(factor.rows, factor.cols)), B is \(BLAS.shape(b.rows, b.cols)); "
          + "L must be square with B's row count")
    }
    let (n, nrhs) = (try BLAS.dimension(b.rows, "n", "potrs"), try BLAS.dimension(b.cols, "nrhs", "potrs"))
    if n == 0 || nrhs == 0 { return }
    let lapacke = try BLASLibrary.lapacke()
    let info = factor.storage.withUnsafeBufferPointer { pl in
      b.storage.withUnsafeMutableBufferPointer { pb in
        lapacke.dpotrs(LAPACK_COL_MAJOR, lowerUplo, n, nrhs, pl.baseAddress!, n, pb.baseAddress!, n)
      }
    }
    guard info == 0 else { throw .internal("potrs: LAPACK rejected argument \(-info)") }
  }

  /// Replaces the lower Cholesky factor L of A with A⁻¹, both triangles filled (LAPACK `dpotri`).
  ///
  /// Throws `invalidArgument` when `factor` is not square and `numeric` when L
  /// has a zero on its diagonal.
  public static func potri(_ factor: inout Matrix) throws(HoneError) {
    guard factor.isSquare else {
      throw .invalidArgument("potri: L is \(BLAS.shape(factor.rows, factor.cols)), not square")
    }
    let n = try BLAS.dimension(factor.rows, "n", "potri")
    if n == 0 { return }
    let lapacke = try BLASLibrary.lapacke()
    let info = factor.storage.withUnsafeMutableBufferPointer { p in
      lapacke.dpotri(LAPACK_COL_MAJOR, lowerUplo, n, p.baseAddress!, n)
    }
    guard info == 0 else {
      throw info > 0
        ? .numeric(
          "potri: L[\(info - 1), \(info - 1)] of a \(BLAS.shape(factor.rows, factor.rows)) factor is zero; A is singular")
        : .internal("potri: LAPACK rejected argument \(-info)")
    }
    factor.mirror(from: .lower)
  }
}
