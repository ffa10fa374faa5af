internal import CLibPQ

/// One connection to a PostgreSQL server, and the only place Hone calls libpq.
///
/// Values travel as separate text-format parameters, never spliced into SQL. A
/// libpq connection is not thread safe, so every call holds the connection's lock
/// (a transaction holds it from BEGIN to COMMIT); threads that should not queue
/// behind each other open a connection each. Failures are `.storage`, and no
/// message carries the password: URLs appear as `redactedURL(_:)` writes them and
/// whatever libpq says is scrubbed of the password first.
public final class PostgresConnection: @unchecked Sendable {
  /// The URL with its password replaced by `***`.
  public let displayURL: String
  /// The password as written in the URL and as libpq decodes it.
  let secrets: [String]
  let lock = Lock()
  /// The `PGconn *`; reset in place when the connection is lost.
  let conn: OpaquePointer
  /// The failure of the last statement that failed, for the retry decisions.
  var lastFailure: PostgresFailure?
  /// Server-side prepared statements by text and parameter types: the storage runs
  /// a few statements over and over, and planning a UNION read costs more than
  /// running it. Lost with the session, so a reconnect empties it.
  private var prepared: [PreparedKey: String] = [:]
  /// Beyond this many distinct statements, the rest run unprepared.
  private static let preparedLimit = 256

  /// Connects to `url`, a `postgresql://user:password@host:port/database` URI.
  ///
  /// Parameters libpq knows may follow as a query (`?sslmode=require`). Special
  /// characters in the password should be percent-encoded; a URL from which
  /// libpq would read another password than `redactedURL(_:)` hides is refused.
  public init(url: String) throws(HoneError) {
    let shown = PostgresConnection.redactedURL(url)
    guard url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") else {
      throw .invalidArgument(
        "'\(shown)' is not a PostgreSQL URL: expected postgresql://user:password@host:port/database")
    }
    displayURL = shown
    secrets = try PostgresConnection.checkedSecrets(url, shown: shown)
    // Later keywords win: the URL may override connect_timeout but not
    // client_encoding, since results are decoded as UTF-8. NULL ends both lists.
    let keywords = ["connect_timeout", "dbname", "client_encoding", "fallback_application_name", nil]
    let values = ["10", url, "UTF8", "hone", nil]
    let opened = try withCStrings(keywords) { (k) throws(HoneError) in
      try withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
    }
    guard let opened else { throw .outOfMemory("libpq could not allocate a connection to \(shown)") }
    guard PQstatus(opened) == CONNECTION_OK else {
      let why = PostgresConnection.scrub(libpqText(PQerrorMessage(opened)), secrets: secrets)
      PQfinish(opened)
      throw .storage("could not connect to PostgreSQL at \(shown): \(why)")
    }
    // libpq prints notices (an IF NOT EXISTS that found the table) to stderr by default.
    PQsetNoticeProcessor(opened, { _, _ in }, nil)
    conn = opened
  }

  deinit { PQfinish(conn) }

  /// Runs one statement outside any transaction and returns its rows.
  ///
  /// With parameters (`$1`, `$2`, …) the statement goes through PQexecParams and
  /// must be a single statement; without, through PQexec, so a string of several
  /// statements (DDL) runs as one implicit transaction and the last one's rows
  /// come back. When the connection turns out lost, it is re-established once and
  /// the statement sent again, so a statement that must not run twice belongs in
  /// `transaction`. COPY is not supported.
  public func execute(_ sql: String, params: [PGValue] = []) throws(HoneError) -> PGResult {
    try lock.withLock { () throws(HoneError) -> PGResult in
      do throws(HoneError) {
        return try run(sql, params)
      } catch {
        guard lastFailure?.connectionLost == true else { throw error }
        try reconnect()
        return try run(sql, params)
      }
    }
  }

  /// `($1, $2), ($3, $4)` for `rows: 2, columns: 2`: the VALUES list of one INSERT
  /// of many rows, whose values then go as `rows * columns` parameters in row order.
  /// PostgreSQL takes at most 65,535 parameters per statement.
  public static func placeholders(rows: Int, columns: Int, from first: Int = 1) -> String {
    (0..<max(rows, 0)).map { r in
      "(" + (0..<max(columns, 0)).map { c in "$\(first + r * columns + c)" }.joined(separator: ", ") + ")"
    }.joined(separator: ", ")
  }

  /// Runs one statement; the caller holds the lock.
  func run(_ sql: String, _ params: [PGValue]) throws(HoneError) -> PGResult {
    lastFailure = nil
    guard params.count <= 65_535 else {
      throw .invalidArgument(
        "\(params.count) parameters in one statement; PostgreSQL takes at most 65535: split the batch")
    }
    for (i, p) in params.enumerated() {
      if case .text(let s) = p, s.utf8.contains(0) {
        throw .invalidArgument("parameter $\(i + 1) holds a NUL character, which PostgreSQL text cannot store")
      }
    }
    let result: OpaquePointer?
    if params.isEmpty {
      result = PQexec(conn, sql)
    } else {
      let types = params.map(\.typeOID)
      let name = try preparedName(sql, types)
      result = try withCStrings(params.map(\.wireText)) { values in
        if let name { return PQexecPrepared(conn, name, Int32(params.count), values, nil, nil, 0) }
        return PQexecParams(conn, sql, Int32(params.count), types, values, nil, nil, 0)
      }
    }
    defer { PQclear(result) }
    return try rows(of: result, sql)
  }

  /// The name `sql` is prepared under for these parameter types, preparing it on
  /// first use; nil once the cache is full. The caller holds the lock.
  private func preparedName(_ sql: String, _ types: [UInt32]) throws(HoneError) -> String? {
    let key = PreparedKey(sql: sql, types: types)
    if let name = prepared[key] { return name }
    guard prepared.count < PostgresConnection.preparedLimit else { return nil }
    let name = "hone_\(prepared.count)"
    let result = PQprepare(conn, name, sql, Int32(types.count), types)
    defer { PQclear(result) }
    _ = try rows(of: result, sql)
    prepared[key] = name
    return name
  }

  /// Re-establishes a lost connection, once; the caller holds the lock.
  func reconnect() throws(HoneError) {
    prepared = [:]
    PQreset(conn)
    guard PQstatus(conn) == CONNECTION_OK else {
      throw .storage(
        "lost the connection to PostgreSQL at \(displayURL) and could not reconnect: "
          + scrubbed(libpqText(PQerrorMessage(conn))))
    }
  }

  /// The rows of a successful result, or the failure it reports.
  private func rows(of result: OpaquePointer?, _ sql: String) throws(HoneError) -> PGResult {
    guard let result else { throw failure(nil, sql) }
    switch PQresultStatus(result) {
    case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
      break
    case PGRES_FATAL_ERROR, PGRES_NONFATAL_ERROR, PGRES_BAD_RESPONSE:
      throw failure(result, sql)
    default:
      throw .storage("PostgreSQL at \(displayURL): \(libpqText(PQresStatus(PQresultStatus(result)))) "
        + "is not supported, in \(PostgresConnection.excerpt(sql))")
    }
    let rowCount = Int(PQntuples(result))
    let columnCount = Int(PQnfields(result))
    var cells: [String?] = []
    cells.reserveCapacity(rowCount * columnCount)
    for r in 0..<Int32(rowCount) {
      for c in 0..<Int32(columnCount) {
        cells.append(PQgetisnull(result, r, c) == 1 ? nil : String(cString: PQgetvalue(result, r, c)))
      }
    }
    return PGResult(
      columns: (0..<Int32(columnCount)).map { String(cString: PQfname(result, $0)) },
      types: (0..<Int32(columnCount)).map { PQftype(result, $0) },
      cells: cells, rowCount: rowCount,
      affectedRows: Int(String(cString: PQcmdTuples(result))) ?? 0)
  }

  /// Records what failed for the retry decisions and returns the error to throw.
  private func failure(_ result: OpaquePointer?, _ sql: String) -> HoneError {
    let lost = PQstatus(conn) == CONNECTION_BAD
    var text: String
    var state: String?
    if let result, let primary = field(result, DiagnosticField.primary) {
      state = field(result, DiagnosticField.sqlState)
      text = primary
      if let detail = field(result, DiagnosticField.detail) { text += " (\(detail))" }
      if let hint = field(result, DiagnosticField.hint) { text += "; hint: \(hint)" }
      if let state { text += " [SQLSTATE \(state)]" }
    } else {
      text = libpqText(PQerrorMessage(conn))
    }
    let message = "PostgreSQL at \(displayURL): \(scrubbed(text)), in \(PostgresConnection.excerpt(sql))"
    lastFailure = PostgresFailure(message: message, sqlState: state, connectionLost: lost)
    return .storage(message)
  }

  private func field(_ result: OpaquePointer, _ code: Int32) -> String? {
    PQresultErrorField(result, code).map { String(cString: $0) }
  }

  /// The start of a statement, to say which one failed; values are never in it.
  static func excerpt(_ sql: String) -> String {
    let flat = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return "'" + (flat.count > 80 ? String(flat.prefix(77)) + "..." : flat) + "'"
  }
}

/// libpq's `PG_DIAG_*` codes for PQresultErrorField: character macros, which
/// Swift does not import.
private enum DiagnosticField {
  static let sqlState = Int32(UInt8(ascii: "C"))
  static let primary = Int32(UInt8(ascii: "M"))
  static let detail = Int32(UInt8(ascii: "D"))
  static let hint = Int32(UInt8(ascii: "H"))
}

/// What a failed statement left behind beyond its message.
struct PostgresFailure {
  var message: String
  var sqlState: String?
  /// libpq reports the connection as broken after the failure.
  var connectionLost: Bool

  /// A serialization failure or a deadlock: running the whole transaction again
  /// may succeed.
  var isTransient: Bool { sqlState == "40001" || sqlState == "40P01" }
}

/// A statement's text and parameter types: what a prepared statement is fixed to.
private struct PreparedKey: Hashable {
  let sql: String
  let types: [UInt32]
}

/// libpq's text with its trailing newline removed and inner line breaks flattened.
func libpqText(_ p: UnsafePointer<CChar>?) -> String {
  guard let p else { return "" }
  return String(cString: p).split(whereSeparator: \.isNewline)
    .map { $0.trimmingPrefix(while: \.isWhitespace) }.joined(separator: " ")
}

/// Runs `body` with C strings for `texts` (nil stays NULL), all alive for the call.
func withCStrings<R>(
  _ texts: [String?], _ body: ([UnsafePointer<CChar>?]) throws(HoneError) -> R
) throws(HoneError) -> R {
  var buffer: [CChar] = []
  var offsets: [Int?] = []
  for text in texts {
    offsets.append(text.map { _ in buffer.count })
    if let text { buffer.append(contentsOf: text.utf8CString) }
  }
  return try buffer.withUnsafeBufferPointer { (b) throws(HoneError) -> R in
    try body(offsets.map { offset in offset.flatMap { b.baseAddress.map(UnsafePointer.init)?.advanced(by: $0) } })
  }
}
