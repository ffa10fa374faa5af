/// Arrays: the one descriptor every matrix argument goes through.
///
/// A `hone_array` names a dense row-major matrix that the caller owns: where its
/// first element is, the element type, and the shape. Element (r, c) is at index
/// `r * cols + c`. The library reads the values during the call only and never
/// keeps the pointer. Each function says which element types an argument takes;
/// the values are converted once, so a float64 array needs no copy by the caller.
///
/// A descriptor is refused with HONE_INVALID_ARGUMENT, naming the argument, when
/// it is NULL, its `data` is NULL or not aligned for `dtype`, `dtype` is not a
/// `hone_dtype` value or not one the argument takes, `rows` or `cols` is 0, or
/// `rows * cols` elements do not fit in memory.

import Hone

/// Element type of the values a `hone_array` points at.
@c public enum hone_dtype: Int32 {
  /// `float`, IEEE 754 binary32.
  case HONE_FLOAT32 = 0
  /// `double`, IEEE 754 binary64.
  case HONE_FLOAT64 = 1
  /// `int32_t`: exact integers, such as class labels.
  case HONE_INT32 = 2
  /// `int64_t`: exact integers, such as class labels.
  case HONE_INT64 = 3
}

/// A dense row-major matrix that the caller owns; the library reads it during the call only.
///
/// 32 bytes on 64-bit targets: `data` at offset 0, `dtype` at 8, `rows` at 16,
/// `cols` at 24.
public struct hone_array {
  /// The first element, aligned for `dtype`; `rows * cols` elements follow it.
  public var data: UnsafeRawPointer?
  /// The element type of the values at `data`.
  public var dtype: hone_dtype
  /// The number of rows; at least 1.
  public var rows: UInt
  /// The number of values per row; at least 1.
  public var cols: UInt
}

/// `const Pointee *` in C, where `Pointee` is a struct of the header.
///
/// `@c` cannot take a pointer to a Swift struct, so Swift sees the raw address
/// and the header generator writes the typed pointer; `MemoryLayout<Pointee>`
/// must match the C struct's layout, which the C host tests check.
public typealias ConstPointer<Pointee> = UnsafeRawPointer

extension hone_dtype {
  /// The name callers write, for messages.
  var name: String {
    switch self {
    case .HONE_FLOAT32: "HONE_FLOAT32"
    case .HONE_FLOAT64: "HONE_FLOAT64"
    case .HONE_INT32: "HONE_INT32"
    case .HONE_INT64: "HONE_INT64"
    }
  }

  /// The size of one element, which is also its alignment.
  var size: Int {
    switch self {
    case .HONE_FLOAT32, .HONE_INT32: 4
    case .HONE_FLOAT64, .HONE_INT64: 8
    }
  }
}

/// A `hone_array` argument that has passed every check a descriptor alone allows.
///
/// The values themselves are checked by the conversions, which name the argument,
/// row and column of a value they refuse.
struct ArrayArgument {
  /// The C argument name, for messages.
  let name: String
  let base: UnsafeRawPointer
  let element: hone_dtype
  let rows: Int
  let cols: Int
  /// `rows * cols`, checked not to overflow, nor to overflow as a byte count.
  let count: Int

  /// Reads and checks the descriptor at `p`.
  init(_ p: ConstPointer<hone_array>?, _ name: String) throws(HoneError) {
    guard let p else { throw .invalidArgument("\(name) is NULL") }
    guard Int(bitPattern: p) % MemoryLayout<hone_array>.alignment == 0 else {
      throw .invalidArgument("\(name) is not aligned for a hone_array")
    }
    let a = p.load(as: hone_array.self)
    // The enum's bit pattern is the caller's: read it as the integer it is.
    let raw = unsafeBitCast(a.dtype, to: Int32.self)
    guard let element = hone_dtype(rawValue: raw) else {
      throw .invalidArgument("\(name).dtype \(raw) is not a hone_dtype")
    }
    guard let base = a.data else { throw .invalidArgument("\(name).data is NULL") }
    guard Int(bitPattern: base) % element.size == 0 else {
      throw .invalidArgument("\(name).data is not aligned to the \(element.size) bytes of \(element.name)")
    }
    guard a.rows >= 1 else { throw .invalidArgument("\(name).rows must be >= 1") }
    guard a.cols >= 1 else { throw .invalidArgument("\(name).cols must be >= 1") }
    let (n, overflow) = a.rows.multipliedReportingOverflow(by: a.cols)
    guard !overflow, let count = Int(exactly: n), !count.multipliedReportingOverflow(by: element.size).overflow,
      let rows = Int(exactly: a.rows), let cols = Int(exactly: a.cols)
    else {
      throw .invalidArgument("\(name): \(a.rows) rows * \(a.cols) cols overflows")
    }
    self.name = name
    self.base = base
    self.element = element
    self.rows = rows
    self.cols = cols
    self.count = count
  }

  /// The values as float32 features: HONE_FLOAT32 copied, HONE_FLOAT64 converted once.
  ///
  /// Integer element types are refused: features are measurements, and an int64
  /// feature would lose digits in float32 without a word.
  func features() throws(HoneError) -> [Float] {
    switch element {
    case .HONE_FLOAT32: return Array(buffer(Float.self))
    case .HONE_FLOAT64: return try narrowed()
    case .HONE_INT32, .HONE_INT64:
      throw .invalidArgument("\(name).dtype is \(element.name); features must be HONE_FLOAT32 or HONE_FLOAT64")
    }
  }

  /// The values as float32 targets or labels, from any element type.
  ///
  /// An integer must have an exact float32 value (every integer of magnitude up
  /// to 2^24 has), so a label never changes on the way in.
  func targets() throws(HoneError) -> [Float] {
    switch element {
    case .HONE_FLOAT32: return Array(buffer(Float.self))
    case .HONE_FLOAT64: return try narrowed()
    case .HONE_INT32: return try exactIntegers(Int32.self)
    case .HONE_INT64: return try exactIntegers(Int64.self)
    }
  }

  /// The values as float64: HONE_FLOAT64 copied, HONE_FLOAT32 widened (exactly).
  ///
  /// Integer element types are refused: an int64 would lose digits in float64
  /// without a word.
  func doubles() throws(HoneError) -> [Double] {
    switch element {
    case .HONE_FLOAT64: return Array(buffer(Double.self))
    case .HONE_FLOAT32: return buffer(Float.self).map(Double.init)
    case .HONE_INT32, .HONE_INT64:
      throw .invalidArgument("\(name).dtype is \(element.name); it must be HONE_FLOAT32 or HONE_FLOAT64")
    }
  }

  /// `body` of the values as float64: HONE_FLOAT64 read in place, HONE_FLOAT32 widened into a copy.
  ///
  /// In place, the caller's memory is read as it is during the call, by code that
  /// may read a value twice and must not trap if the two reads differ.
  func withDoubles<R>(_ body: (UnsafeBufferPointer<Double>) throws(HoneError) -> R) throws(HoneError) -> R {
    if element == .HONE_FLOAT64 { return try body(buffer(Double.self)) }
    return try doubles().withUnsafeBufferPointer { (v) throws(HoneError) in try body(v) }
  }

  private func buffer<T>(_: T.Type) -> UnsafeBufferPointer<T> {
    UnsafeBufferPointer(start: base.assumingMemoryBound(to: T.self), count: count)
  }

  /// Float64 values in float32; a finite value beyond float32's range is refused
  /// here, where its position is known (non-finite values are refused with the data).
  private func narrowed() throws(HoneError) -> [Float] {
    let values = buffer(Double.self)
    var out = [Float](repeating: 0, count: count)
    for i in values.indices {
      let f = Float(values[i])
      guard f.isFinite || !values[i].isFinite else {
        throw .invalidArgument("\(name): \(values[i]) at \(position(i)) is beyond float32's range")
      }
      out[i] = f
    }
    return out
  }

  private func exactIntegers<T: BinaryInteger>(_: T.Type) throws(HoneError) -> [Float] {
    let values = buffer(T.self)
    var out = [Float](repeating: 0, count: count)
    for i in values.indices {
      guard let f = Float(exactly: values[i]) else {
        throw .invalidArgument("\(name): integer \(values[i]) at \(position(i)) has no exact float32 value")
      }
      out[i] = f
    }
    return out
  }

  private func position(_ i: Int) -> String { "row \(i / cols), column \(i % cols)" }
}
