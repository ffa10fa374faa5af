internal import CLAPACKE

extension Matrix where Scalar == Double {
  /// The eigendecomposition A = V·diag(λ)·Vᵀ of a symmetric matrix (LAPACK `dsyevd`, column-major).
  ///
  /// Only the lower triangle of `a` is read. The eigenvalues come in ascending
  /// order and column k of `vectors` is the unit eigenvector of eigenvalue k.
  /// Throws `invalidArgument` when `a` is not square and `numeric` when the
  /// divide-and-conquer iteration fails to converge (a NaN in `a`, say).
  public static func syevd(_ a: Matrix) throws(HoneError) -> (values: [Double], vectors: Matrix) {
    guard a.isSquare else {
      throw .invalidArgument("syevd: A is \(BLAS.shape(a.rows, a.cols)), not square")
    }
    let n = try BLAS.dimension(a.rows, "n", "syevd")
    if n == 0 { return ([], a) }
    let lapacke = try BLASLibrary.lapacke()
    var vectors = a
    var values = [Double](repeating: 0, count: a.rows)
    let info = vectors.storage.withUnsafeMutableBufferPointer { pa in
      values.withUnsafeMutableBufferPointer { pw in
        lapacke.dsyevd(
          LAPACK_COL_MAJOR, CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")), n, pa.baseAddress!, n,
          pw.baseAddress!)
      }
    }
    guard info == 0 else {
      throw info > 0
        ? .numeric("syevd: the eigenvalues of a \(BLAS.shape(a.rows, a.rows)) matrix did not converge (info \(info))")
        : .internal("syevd: LAPACK rejected argument \(-info)")
    }
    return (values, vectors)
  }
}
