/// The rows of one statement, copied out of libpq so that they outlive the call.
///
/// Cells are addressed by row and column index; `column(_:)` finds an index by
/// name. The typed accessors throw `.storage` for NULL or for text that is not of
/// the requested type, and `.internal` for an index out of range: the query that
/// produced the result is Hone's, so a bad index is a bug, not bad input.
public struct PGResult: Sendable {
  /// The column names, in select-list order.
  public let columns: [String]
  /// The type OID of each column.
  let types: [UInt32]
  /// Row-major cells in text format; nil is NULL.
  let cells: [String?]
  /// The number of rows returned.
  public let rowCount: Int
  /// The rows an INSERT, UPDATE, DELETE or similar touched (0 for other statements).
  public let affectedRows: Int

  init(columns: [String], types: [UInt32], cells: [String?], rowCount: Int, affectedRows: Int) {
    self.columns = columns
    self.types = types
    self.cells = cells
    self.rowCount = rowCount
    self.affectedRows = affectedRows
  }

  /// The index of the column named `name`.
  public func column(_ name: String) throws(HoneError) -> Int {
    guard let i = columns.firstIndex(of: name) else {
      throw .internal("the result has no column '\(name)' (columns: \(columns.joined(separator: ", ")))")
    }
    return i
  }

  /// Whether the cell is NULL.
  public func isNull(_ row: Int, _ column: Int) throws(HoneError) -> Bool {
    try cell(row, column) == nil
  }

  public func int64(_ row: Int, _ column: Int) throws(HoneError) -> Int64 {
    let text = try present(row, column)
    guard let v = Int64(text) else { throw mismatch(row, column, text, "an integer") }
    return v
  }

  /// A float8 (or any numeric text), NaN and the infinities included.
  public func double(_ row: Int, _ column: Int) throws(HoneError) -> Double {
    let text = try present(row, column)
    guard let v = PGValue.parseFloat(text) else { throw mismatch(row, column, text, "a number") }
    return v
  }

  public func string(_ row: Int, _ column: Int) throws(HoneError) -> String {
    try present(row, column)
  }

  public func bool(_ row: Int, _ column: Int) throws(HoneError) -> Bool {
    switch try present(row, column) {
    case "t": return true
    case "f": return false
    case let text: throw mismatch(row, column, text, "a boolean")
    }
  }

  /// The cell decoded by its column type: integers, floats and booleans as such,
  /// NULL as `.null`, every other type as its text.
  public func value(_ row: Int, _ column: Int) throws(HoneError) -> PGValue {
    guard let text = try cell(row, column) else { return .null }
    switch types[column] {
    case PGType.int2, PGType.int4, PGType.int8, PGType.oid: return .int(try int64(row, column))
    case PGType.float4, PGType.float8: return .double(try double(row, column))
    case PGType.bool: return .bool(try bool(row, column))
    default: return .text(text)
    }
  }

  private func cell(_ row: Int, _ column: Int) throws(HoneError) -> String? {
    guard row >= 0, row < rowCount else {
      throw .internal("row \(row) is out of range: the result has \(rowCount) rows")
    }
    guard column >= 0, column < columns.count else {
      throw .internal("column \(column) is out of range: the result has \(columns.count) columns")
    }
    return cells[row * columns.count + column]
  }

  private func present(_ row: Int, _ column: Int) throws(HoneError) -> String {
    guard let text = try cell(row, column) else {
      throw .storage("column '\(columns[column])' of row \(row) is NULL")
    }
    return text
  }

  private func mismatch(_ row: Int, _ column: Int, _ text: String, _ what: String) -> HoneError {
    .storage("column '\(columns[column])' of row \(row) is '\(text)', not \(what)")
  }
}
