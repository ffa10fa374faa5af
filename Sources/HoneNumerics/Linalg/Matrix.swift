/// A dense column-major matrix of `Float` or `Double`.
///
/// Element (i, j) lives at `storage[j * rows + i]`; the leading dimension is
/// `rows`. Operations that combine matrices validate shapes and throw
/// `HoneError.invalidArgument` rather than trap; the element subscript, like an
/// array's, traps on an index outside the matrix.
public struct Matrix<Scalar: BLASScalar>: Equatable, Sendable {
  /// The number of rows.
  public private(set) var rows: Int
  /// The number of columns.
  public private(set) var cols: Int
  /// The elements in column-major order; always `rows * cols` long.
  public internal(set) var storage: [Scalar]

  /// Creates a `rows`×`cols` matrix filled with `value` (zeros by default).
  ///
  /// A negative dimension is treated as zero.
  public init(rows: Int, cols: Int, repeating value: Scalar = 0) {
    self.rows = max(0, rows)
    self.cols = max(0, cols)
    storage = Array(repeating: value, count: self.rows * self.cols)
  }

  /// Creates a matrix over `storage` given in column-major order.
  ///
  /// Throws `invalidArgument` when a dimension is negative or the count is not `rows * cols`.
  public init(rows: Int, cols: Int, columnMajor storage: [Scalar]) throws(HoneError) {
    let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
    guard rows >= 0, cols >= 0, !overflow, count == storage.count else {
      throw .invalidArgument("Matrix: \(storage.count) elements cannot form a \(rows)×\(cols) matrix")
    }
    self.rows = rows
    self.cols = cols
    self.storage = storage
  }

  /// Creates a matrix from rows given as nested arrays, as one writes it on paper.
  ///
  /// Throws `invalidArgument` when the rows have different lengths.
  public init(rowMajor values: [[Scalar]]) throws(HoneError) {
    let cols = values.first?.count ?? 0
    for (i, row) in values.enumerated() where row.count != cols {
      throw .invalidArgument("Matrix: row \(i) has \(row.count) elements, row 0 has \(cols)")
    }
    self.init(rows: values.count, cols: cols)
    for (i, row) in values.enumerated() {
      for (j, v) in row.enumerated() { storage[j * rows + i] = v }
    }
  }

  /// The `n`×`n` identity matrix.
  public static func identity(_ n: Int) -> Matrix {
    var m = Matrix(rows: n, cols: n)
    for i in 0..<m.rows { m.storage[i * m.rows + i] = 1 }
    return m
  }

  /// Whether the matrix has as many rows as columns.
  public var isSquare: Bool { rows == cols }

  /// The element at row `i`, column `j`.
  public subscript(i: Int, j: Int) -> Scalar {
    get { storage[j * rows + i] }
    set { storage[j * rows + i] = newValue }
  }

  /// The main diagonal.
  public var diagonal: [Scalar] {
    (0..<min(rows, cols)).map { storage[$0 * rows + $0] }
  }

  /// The transpose as a new matrix.
  public func transposed() -> Matrix {
    var t = Matrix(rows: cols, cols: rows)
    for j in 0..<cols {
      for i in 0..<rows { t.storage[i * cols + j] = storage[j * rows + i] }
    }
    return t
  }

  /// Calls `body` with the column-major elements.
  public func withUnsafeBufferPointer<R, E: Error>(
    _ body: (UnsafeBufferPointer<Scalar>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with the column-major elements, mutably; the shape cannot change.
  public mutating func withUnsafeMutableBufferPointer<R, E: Error>(
    _ body: (UnsafeMutableBufferPointer<Scalar>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeMutableBufferPointer { (buffer) throws(E) -> R in try body(buffer) }
  }
}
