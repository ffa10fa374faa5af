/// A database session that `SQLStorage` runs its statements on.
///
/// The storage uses a connection from one thread at a time, under its own lock.
/// SQLite and PostgreSQL implement it; everything else about the SQL storage,
/// the schema and every statement, is shared.
public protocol SQLConnection: AnyObject {
  var dialect: SQLDialect { get }

  /// Runs a statement written with `?` placeholders and returns its rows.
  func query(_ sql: String, _ binds: [SQLValue]) throws(HoneError) -> [SQLRow]

  /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
  ///
  /// A write transaction takes the database's write lock at its start (SQLite's
  /// BEGIN IMMEDIATE), so trial numbering is safe between processes; a read
  /// transaction sees one snapshot throughout. A transaction that fails because
  /// the database is busy is retried.
  func transaction<T>(write: Bool, _ body: () throws(HoneError) -> T) throws(HoneError) -> T

  /// Session settings that may write to the database, such as SQLite's WAL mode.
  ///
  /// Called once the schema check has passed, so a foreign or newer database is never modified.
  func prepareForWrites() throws(HoneError)

  /// Inside a write transaction, waits until no other session is changing the schema.
  ///
  /// SQLite's write transactions already exclude each other; PostgreSQL's do not.
  func lockSchema() throws(HoneError)
}

extension SQLConnection {
  public func lockSchema() throws(HoneError) {}

  /// Runs a statement whose rows, if any, are not needed.
  func execute(_ sql: String, _ binds: [SQLValue] = []) throws(HoneError) {
    _ = try query(sql, binds)
  }

  /// The first row, or nil.
  func row(_ sql: String, _ binds: [SQLValue]) throws(HoneError) -> SQLRow? {
    try query(sql, binds).first
  }
}
