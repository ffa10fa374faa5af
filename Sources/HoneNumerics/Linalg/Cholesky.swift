internal import HonePlatform

/// The Cholesky factorization A + jitter·I = L·Lᵀ of a symmetric positive-definite matrix.
///
/// Factoring first tries A itself; when that fails it adds a jitter to the
/// diagonal that starts at `schedule.initial`·s and grows by `schedule.growth`
/// up to `schedule.maximum`·s, where s is the mean absolute diagonal of A
/// (1 when that is zero). The jitter that succeeded is kept in `jitter`.
public struct Cholesky: Equatable, Sendable {
  /// How much diagonal jitter to try, relative to the mean absolute diagonal.
  public struct JitterSchedule: Equatable, Sendable {
    /// The first relative jitter tried after the plain factorization fails.
    public var initial: Double
    /// The factor the jitter grows by after each failure.
    public var growth: Double
    /// The largest relative jitter tried.
    public var maximum: Double

    /// Creates a schedule; `growth` below 2 is raised to 2 so the loop ends.
    public init(initial: Double = 1e-10, growth: Double = 10, maximum: Double = 1e-2) {
      self.initial = initial
      self.growth = max(2, growth)
      self.maximum = maximum
    }

    /// 1e-10 growing ×10 up to 1e-2 of the mean diagonal.
    public static let standard = JitterSchedule()
    /// No jitter at all: the matrix must be positive definite as given.
    public static let none = JitterSchedule(initial: 0, maximum: 0)
  }

  /// The lower-triangular factor L; its strictly upper triangle is zero.
  public private(set) var factor: Matrix<Double>
  /// The diagonal jitter that was added to A for the factorization to succeed (0 if none).
  public private(set) var jitter: Double
  /// The jitter schedule used by `init` and by `append` when it has to refactor.
  public let schedule: JitterSchedule

  /// The order n of the factored matrix.
  public var size: Int { factor.rows }

  /// Factors `a`, reading only its lower triangle, with escalating jitter.
  ///
  /// Throws `invalidArgument` when `a` is not square and `numeric` when an
  /// entry is not finite or no jitter in `schedule` makes `a` positive definite.
  public init(_ a: Matrix<Double>, schedule: JitterSchedule = .standard) throws(HoneError) {
    guard a.isSquare else {
      throw .invalidArgument("Cholesky: the matrix is \(BLAS.shape(a.rows, a.cols)), not square")
    }
    let n = a.rows
    if let (i, j) = a.firstNonFiniteInLower() {
      throw .numeric("Cholesky: the \(BLAS.shape(n, n)) matrix has the non-finite entry \(a[i, j]) at (\(i), \(j))")
    }
    let diagonalSum = a.diagonal.reduce(0) { $0 + abs($1) }
    let scale = diagonalSum > 0 ? diagonalSum / Double(n) : 1

    var jitter = 0.0
    var relative = schedule.initial
    while true {
      var l = a
      if jitter > 0 { for i in 0..<n { l.storage[i * n + i] += jitter } }
      let info = try Matrix.potrfInfo(&l)
      if info == 0 {
        self.init(factor: l, jitter: jitter, schedule: schedule)
        return
      }
      if info < 0 { throw .internal("Cholesky: LAPACK rejected argument \(-info)") }
      // The tolerance keeps the cap itself in play despite rounding in the growth.
      guard relative > 0, relative <= schedule.maximum * (1 + 1e-9) else {
        throw .numeric(
          "Cholesky: the \(BLAS.shape(n, n)) matrix is not positive definite even with jitter \(jitter) "
            + "(leading minor \(info) failed)")
      }
      jitter = relative * scale
      relative *= schedule.growth
    }
  }

  /// Wraps a factor that is already known to be valid.
  init(factor: Matrix<Double>, jitter: Double, schedule: JitterSchedule) {
    self.factor = factor
    self.jitter = jitter
    self.schedule = schedule
  }

  /// The natural logarithm of det(A + jitter·I), that is 2·Σ log Lᵢᵢ.
  public var logDeterminant: Double {
    var sum = 0.0
    for i in 0..<size { sum += log(factor.storage[i * size + i]) }
    return 2 * sum
  }

  /// Returns (A + jitter·I)⁻¹·B (LAPACK `dpotrs`).
  ///
  /// Throws `invalidArgument` when `b` does not have n rows.
  public func solve(_ b: Matrix<Double>) throws(HoneError) -> Matrix<Double> {
    var x = b
    try Matrix.potrs(factor: factor, &x)
    return x
  }

  /// Returns (A + jitter·I)⁻¹·b for a vector.
  ///
  /// Throws `invalidArgument` when `b` does not have n elements.
  public func solve(_ b: [Double]) throws(HoneError) -> [Double] {
    try solve(Matrix(rows: b.count, cols: 1, columnMajor: b)).storage
  }

  /// Returns L⁻¹·B, or L⁻ᵀ·B when `transposed` (BLAS `dtrsm`).
  ///
  /// Throws `invalidArgument` when `b` does not have n rows.
  public func solveLower(_ b: Matrix<Double>, transposed: Bool = false) throws(HoneError) -> Matrix<Double> {
    var x = b
    try Matrix.trsm(factor, &x, side: .left, triangle: .lower, trans: transposed ? .transposed : .normal)
    return x
  }

  /// Returns L⁻¹·b, or L⁻ᵀ·b when `transposed`, for a vector.
  ///
  /// Throws `invalidArgument` when `b` does not have n elements.
  public func solveLower(_ b: [Double], transposed: Bool = false) throws(HoneError) -> [Double] {
    try solveLower(Matrix(rows: b.count, cols: 1, columnMajor: b), transposed: transposed).storage
  }

  /// Returns (A + jitter·I)⁻¹ with both triangles filled (LAPACK `dpotri`).
  public func inverse() throws(HoneError) -> Matrix<Double> {
    var inv = factor
    try Matrix.potri(&inv)
    return inv
  }
}

extension Matrix {
  /// The position of the first non-finite element in the lower triangle, if any.
  func firstNonFiniteInLower() -> (Int, Int)? {
    for j in 0..<cols {
      for i in j..<max(j, rows) where !storage[j * rows + i].isFinite { return (i, j) }
    }
    return nil
  }
}
