/// A dense column-major matrix of `Float`, the single-precision twin of `Matrix`.
///
/// Element (i, j) lives at `storage[j * rows + i]`; the leading dimension is `rows`.
public struct MatrixF: Equatable, Sendable {
  /// The number of rows.
  public private(set) var rows: Int
  /// The number of columns.
  public private(set) var cols: Int
  /// The elements in column-major order; always `rows * cols` long.
  public internal(set) var storage: [Float]

  /// Creates a `rows`×`cols` matrix filled with `value` (zeros by default).
  ///
  /// A negative dimension is treated as zero.
  public init(rows: Int, cols: Int, repeating value: Float = 0) {
    self.rows = max(0, rows)
    self.cols = max(0, cols)
    storage = Array(repeating: value, count: self.rows * self.cols)
  }

  /// Creates a matrix over `storage` given in column-major order.
  ///
  /// Throws `invalidArgument` when a dimension is negative or the count is not `rows * cols`.
  public init(rows: Int, cols: Int, columnMajor storage: [Float]) throws(HoneError) {
    let (count, overflow) = rows.multipliedReportingOverflow(by: cols)
    guard rows >= 0, cols >= 0, !overflow, count == storage.count else {
      throw .invalidArgument("MatrixF: \(storage.count) elements cannot form a \(rows)×\(cols) matrix")
    }
    self.rows = rows
    self.cols = cols
    self.storage = storage
  }

  /// The element at row `i`, column `j`.
  public subscript(i: Int, j: Int) -> Float {
    get { storage[j * rows + i] }
    set { storage[j * rows + i] = newValue }
  }

  /// Calls `body` with the column-major elements.
  public func withUnsafeBufferPointer<R, E: Error>(
    _ body: (UnsafeBufferPointer<Float>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeBufferPointer(body)
  }

  /// Calls `body` with the column-major elements, mutably; the shape cannot change.
  public mutating func withUnsafeMutableBufferPointer<R, E: Error>(
    _ body: (UnsafeMutableBufferPointer<Float>) throws(E) -> R
  ) throws(E) -> R {
    try storage.withUnsafeMutableBufferPointer { (buffer) throws(E) -> R in try body(buffer) }
  }
}
