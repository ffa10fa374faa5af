/// A value bound to, or read from, a SQL statement.
public enum SQLValue: Equatable, Sendable {
  case null
  case integer(Int64)
  /// A NaN is stored as NULL: SQLite has no NaN.
  case real(Double)
  case text(String)
  /// A value read that no column of Hone's holds, described for messages: a blob,
  /// or text that is not UTF-8. Only a hand-edited or damaged database has one,
  /// and every typed accessor refuses it.
  case unreadable(String)

  /// The value as messages show it, e.g. `text 'abc'` or `NULL`.
  var summary: String {
    switch self {
    case .null: return "NULL"
    case .integer(let v): return "the integer \(v)"
    case .real(let v): return "the real \(v)"
    case .text(let s): return "text '\(s.count > 40 ? s.prefix(40) + "…" : s)'"
    case .unreadable(let what): return what
    }
  }
}

/// One result row.
public typealias SQLRow = [SQLValue]

/// Typed column access; a column of the wrong type means a damaged database.
extension Array where Element == SQLValue {
  func integer(_ i: Int) throws(HoneError) -> Int64 {
    guard indices.contains(i), case .integer(let v) = self[i] else { throw damaged(i, "an integer") }
    return v
  }

  func int(_ i: Int) throws(HoneError) -> Int {
    let v = try integer(i)
    guard let n = Int(exactly: v) else { throw damaged(i, "an Int") }
    return n
  }

  /// A real; NULL reads as NaN, the value a NaN was stored as. Integers widen.
  func real(_ i: Int) throws(HoneError) -> Double {
    guard indices.contains(i) else { throw damaged(i, "a number") }
    switch self[i] {
    case .real(let v): return v
    case .integer(let v): return Double(v)
    case .null: return .nan
    case .text, .unreadable: throw damaged(i, "a number")
    }
  }

  /// A real, or nil for NULL.
  func optionalReal(_ i: Int) throws(HoneError) -> Double? {
    guard indices.contains(i) else { throw damaged(i, "a number") }
    if case .null = self[i] { return nil }
    return try real(i)
  }

  func text(_ i: Int) throws(HoneError) -> String {
    guard indices.contains(i), case .text(let v) = self[i] else { throw damaged(i, "text") }
    return v
  }

  /// A JSON document stored as text.
  func json(_ i: Int) throws(HoneError) -> JSON {
    do throws(HoneError) {
      return try JSON.parse(try text(i))
    } catch {
      throw .storage("the database is damaged: column \(i) holds invalid JSON (\(error.message))")
    }
  }

  private func damaged(_ column: Int, _ expected: String) -> HoneError {
    let found = indices.contains(column) ? self[column].summary : "nothing"
    return .storage("the database is damaged: column \(column) of a row holds \(found), not \(expected)")
  }
}
