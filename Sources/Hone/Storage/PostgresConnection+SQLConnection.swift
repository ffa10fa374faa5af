/// PostgreSQL under the shared SQL storage.
///
/// Writes run at READ COMMITTED: every mutation starts by advancing its study's
/// `seq`, and that row lock orders the writers of one study, while each later
/// statement still sees what they committed. Reads run at REPEATABLE READ, so a
/// read sees one snapshot throughout. Serialization failures and deadlocks are
/// retried by `transaction(isolation:maxAttempts:_:)`.
public final class PostgresSQLConnection: SQLConnection {
  public var dialect: SQLDialect { .postgresql }
  let connection: PostgresConnection
  let location: String
  /// The open transaction, through which statements must go while its body runs.
  private var current: PostgresTransaction?

  /// Connects to `url`; messages name the server by its redacted URL.
  public init(url: String) throws(HoneError) {
    connection = try PostgresConnection(url: url)
    location = "PostgreSQL database '\(StorageURL.redacted(url))'"
  }

  public func query(_ sql: String, _ binds: [SQLValue]) throws(HoneError) -> [SQLRow] {
    var params: [PGValue] = []
    for b in binds { params.append(try parameter(b)) }
    let text = dialect.render(sql)
    let result: PGResult
    if let tx = current {
      result = try tx.execute(text, params: params)
    } else {
      result = try connection.execute(text, params: params)
    }
    var rows: [SQLRow] = []
    rows.reserveCapacity(result.rowCount)
    for r in 0..<result.rowCount {
      var row: SQLRow = []
      row.reserveCapacity(result.columns.count)
      for c in 0..<result.columns.count {
        row.append(Self.value(try result.value(r, c)))
      }
      rows.append(row)
    }
    return rows
  }

  public func transaction<T>(write: Bool, _ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    try connection.transaction(isolation: write ? .readCommitted : .repeatableRead) {
      (tx) throws(HoneError) -> T in
      current = tx
      defer { current = nil }
      return try body()
    }
  }

  public func prepareForWrites() throws(HoneError) {}

  /// Creating the tables of an empty database races with other processes doing the
  /// same; a transaction-scoped advisory lock makes them take turns.
  public func lockSchema() throws(HoneError) {
    try execute("SELECT pg_advisory_xact_lock(?)", [.integer(0x486F_6E65)])
  }

  /// NaN travels as NULL, as on SQLite, so both backends store the same thing.
  private func parameter(_ v: SQLValue) throws(HoneError) -> PGValue {
    switch v {
    case .null: return .null
    case .integer(let i): return .int(i)
    case .real(let d): return d.isNaN ? .null : .double(d)
    case .text(let s): return .text(s)
    case .unreadable(let what): throw .internal("\(location): binding \(what), which only a read produces")
    }
  }

  private static func value(_ v: PGValue) -> SQLValue {
    switch v {
    case .null: return .null
    case .int(let i): return .integer(i)
    case .double(let d): return .real(d)
    case .text(let s): return .text(s)
    case .bool(let b): return .integer(b ? 1 : 0)
    }
  }
}
