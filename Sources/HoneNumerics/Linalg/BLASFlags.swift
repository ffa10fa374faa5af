internal import COpenBLAS

/// Whether a BLAS operand is used as stored or transposed.
public enum Transpose: Sendable, Equatable {
  /// The operand as stored: op(A) = A.
  case normal
  /// The operand transposed: op(A) = Aᵀ.
  case transposed

  var cblas: CBLAS_TRANSPOSE { self == .normal ? CblasNoTrans : CblasTrans }
}

/// Which triangle of a square matrix an operation reads or writes.
public enum Triangle: Sendable, Equatable {
  /// The lower triangle, diagonal included.
  case lower
  /// The upper triangle, diagonal included.
  case upper

  var cblas: CBLAS_UPLO { self == .lower ? CblasLower : CblasUpper }
}

/// Which side of the unknown a triangular matrix multiplies in `trsm`.
public enum Side: Sendable, Equatable {
  /// Solve op(A)·X = α·B.
  case left
  /// Solve X·op(A) = α·B.
  case right

  var cblas: CBLAS_SIDE { self == .left ? CblasLeft : CblasRight }
}
