internal import CSQLite
internal import HonePlatform

/// A connection to a SQLite database file: the one place that calls SQLite's C API.
///
/// The database runs in WAL mode with `synchronous=NORMAL`: a commit does not wait
/// for the disk, so a power loss may lose the last transactions, but the database
/// is never corrupted, and readers never block the writer. Writers wait for each
/// other through a busy timeout, and a transaction that still finds the database
/// busy is retried.
final class SQLiteConnection: SQLConnection {
  let dialect = SQLDialect.sqlite
  let path: String
  private let handle: OpaquePointer
  /// Prepared statements by SQL text, reused for the connection's lifetime.
  private var statements: [String: OpaquePointer] = [:]
  /// Whether the last failure was SQLITE_BUSY or SQLITE_LOCKED, which a retry may cure.
  private var lastFailureWasBusy = false

  static let busyTimeoutMilliseconds: Int32 = 10_000
  static let busyRetries = 5

  private init(path: String, handle: OpaquePointer) {
    self.path = path
    self.handle = handle
  }

  deinit {
    for statement in statements.values { sqlite3_finalize(statement) }
    sqlite3_close_v2(handle)
  }

  /// What messages call the database.
  var location: String { "SQLite database '\(path)'" }

  /// Opens the database at `path`, creating the file when it does not exist and
  /// `create` is true; `busyTimeoutMilliseconds` nil is `busyTimeoutMilliseconds`.
  ///
  /// Opening writes nothing to an existing file: the storage checks the schema
  /// first, and calls `prepareForWrites` only before its first write.
  static func open(
    path: String, create: Bool = true, busyTimeoutMilliseconds timeout: Int32? = nil
  ) throws(HoneError) -> SQLiteConnection {
    var raw: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0)
    let status = sqlite3_open_v2(path, &raw, flags, nil)
    guard let raw else {
      throw .outOfMemory("SQLite could not allocate a connection for '\(path)'")
    }
    guard status == SQLITE_OK else {
      let message = String(cString: sqlite3_errmsg(raw))
      sqlite3_close_v2(raw)
      throw .storage("cannot open SQLite database '\(path)': \(message)")
    }
    sqlite3_extended_result_codes(raw, 1)
    sqlite3_busy_timeout(raw, timeout ?? busyTimeoutMilliseconds)
    return SQLiteConnection(path: path, handle: raw)
  }

  /// Whether a file (or anything else) exists at `path`.
  static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

  func prepareForWrites() throws(HoneError) {
    guard let row = try row("PRAGMA journal_mode = WAL", []), case .text(let mode) = row.first,
      mode.lowercased() == "wal" || path == ":memory:"
    else { throw .storage("\(location): could not switch to WAL mode") }
    try execute("PRAGMA synchronous = NORMAL")
  }

  func query(_ sql: String, _ binds: [SQLValue]) throws(HoneError) -> [SQLRow] {
    let statement = try prepared(sql)
    defer {
      sqlite3_reset(statement)
      sqlite3_clear_bindings(statement)
    }
    for (i, value) in binds.enumerated() {
      let column = Int32(i + 1)
      let status: Int32
      switch value {
      case .null: status = sqlite3_bind_null(statement, column)
      case .integer(let v): status = sqlite3_bind_int64(statement, column, v)
      case .real(let v): status = v.isNaN ? sqlite3_bind_null(statement, column) : sqlite3_bind_double(statement, column, v)
      case .text(let s):
        status = s.utf8CString.withUnsafeBufferPointer { p in
          sqlite3_bind_text(statement, column, p.baseAddress, Int32(p.count - 1), hone_sqlite_transient())
        }
      case .unreadable(let what):
        throw .internal("\(location): binding parameter \(i + 1), \(what), which only a read produces")
      }
      guard status == SQLITE_OK else { throw failure(status, "binding parameter \(i + 1)") }
    }
    var rows: [SQLRow] = []
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { return rows }
      guard status == SQLITE_ROW else { throw failure(status, "running a statement") }
      let n = sqlite3_column_count(statement)
      var row: SQLRow = []
      row.reserveCapacity(Int(n))
      for c in 0..<n {
        switch sqlite3_column_type(statement, c) {
        case SQLITE_INTEGER: row.append(.integer(sqlite3_column_int64(statement, c)))
        case SQLITE_FLOAT: row.append(.real(sqlite3_column_double(statement, c)))
        case SQLITE_NULL: row.append(.null)
        case SQLITE_TEXT:
          let count = Int(sqlite3_column_bytes(statement, c))
          let text = sqlite3_column_text(statement, c).flatMap { bytes in
            String(validating: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
          }
          row.append(text.map(SQLValue.text) ?? .unreadable("text that is not UTF-8 (\(bytes(count)))"))
        default:
          row.append(.unreadable("a blob of \(bytes(Int(sqlite3_column_bytes(statement, c))))"))
        }
      }
      rows.append(row)
    }
  }

  func transaction<T>(write: Bool, _ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    var attempt = 0
    while true {
      attempt += 1
      lastFailureWasBusy = false
      do {
        try execute(write ? "BEGIN IMMEDIATE" : "BEGIN")
        let result = try body()
        try execute("COMMIT")
        return result
      } catch {
        let busy = lastFailureWasBusy
        if sqlite3_get_autocommit(handle) == 0 { _ = try? execute("ROLLBACK") }
        guard busy, attempt < SQLiteConnection.busyRetries else { throw error }
        // The busy timeout has already waited; back off a little more, then start over.
        usleep(UInt32(1_000 * attempt * attempt))
      }
    }
  }

  private func bytes(_ n: Int) -> String { n == 1 ? "1 byte" : "\(n) bytes" }

  private func prepared(_ sql: String) throws(HoneError) -> OpaquePointer {
    if let statement = statements[sql] { return statement }
    var statement: OpaquePointer?
    let status = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard status == SQLITE_OK, let statement else { throw failure(status, "preparing a statement") }
    statements[sql] = statement
    return statement
  }

  /// The storage error for a failed call, which notes whether a retry may help.
  private func failure(_ status: Int32, _ action: String) -> HoneError {
    let primary = status & 0xFF
    lastFailureWasBusy = primary == SQLITE_BUSY || primary == SQLITE_LOCKED
    let message = String(cString: sqlite3_errmsg(handle))
    switch primary {
    case SQLITE_NOTADB:
      return .storage("'\(path)' is not a SQLite database (\(message)); it was not modified")
    case SQLITE_CORRUPT:
      return .storage("\(location) is corrupt (\(message))")
    default:
      return .storage("\(location): \(action) failed: \(message) (SQLite code \(status))")
    }
  }
}
