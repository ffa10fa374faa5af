/// A storage URL, as the `storage` study option and the storage calls take it.
///
/// - `nil` or `"memory"`: a new in-memory storage, private to the study that opens it.
/// - `memory://NAME`: the process's in-memory storage of that name, shared by every
///   study and `hone_storage` handle that opens it, and gone with the last of them
///   (see `InMemoryStorage.shared(named:)`).
/// - `sqlite:///relative/path.db` and `sqlite:////absolute/path.db`: Optuna's form,
///   three slashes then the path. A query `?timeout=SECONDS` (SQLAlchemy's name for
///   SQLite's busy timeout) sets how long a write waits for another writer; default 10.
/// - `postgresql://user:password@host:port/database` (or `postgres://`).
public enum StorageURL: Equatable, Sendable {
  case memory
  case sharedMemory(name: String)
  /// `busyTimeoutMilliseconds` nil is the connection's default.
  case sqlite(path: String, busyTimeoutMilliseconds: Int32? = nil)
  case postgresql(url: String)

  /// Parses a URL; an unknown scheme is `.invalidArgument`. Messages never show a password.
  public init(parsing url: String?) throws(HoneError) {
    guard let url, url != "memory" else {
      self = .memory
      return
    }
    if url.hasPrefix("memory://") {
      let name = String(url.dropFirst("memory://".count))
      guard !name.isEmpty else {
        throw .invalidArgument(
          "storage URL 'memory://' names no storage: use memory://NAME, or memory for a private one")
      }
      self = .sharedMemory(name: name)
    } else if url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") {
      self = .postgresql(url: url)
    } else if url.hasPrefix("sqlite:///") {
      // As in SQLAlchemy, a '?' starts the query: it is not part of the file name.
      let rest = url.dropFirst("sqlite:///".count)
      let path = String(rest.prefix { $0 != "?" })
      guard !path.isEmpty else {
        throw .invalidArgument("storage URL 'sqlite:///' names no file: use sqlite:///relative.db or sqlite:////abs.db")
      }
      let query = rest.firstIndex(of: "?").map { String(rest[rest.index(after: $0)...]) }
      self = .sqlite(path: path, busyTimeoutMilliseconds: try StorageURL.sqliteTimeout(query: query))
    } else if url.hasPrefix("sqlite:") {
      throw .invalidArgument(
        "storage URL '\(StorageURL.redacted(url))' is not sqlite:///path: use sqlite:///relative.db "
          + "or sqlite:////absolute/path.db")
    } else {
      let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? url
      throw .invalidArgument(
        "storage URL scheme '\(StorageURL.redacted(scheme))' is not supported (memory, sqlite, postgresql)")
    }
  }

  /// The busy timeout of a SQLite URL's query: `timeout=SECONDS`, the one
  /// parameter Hone's SQLite storage takes; any other is an error that names it.
  private static func sqliteTimeout(query: String?) throws(HoneError) -> Int32? {
    guard let query else { return nil }
    var milliseconds: Int32?
    for part in query.split(separator: "&") {
      let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let key = pair.first.map(String.init) ?? ""
      guard key == "timeout" else {
        throw .invalidArgument(
          "SQLite storage URL parameter '\(key)' is not supported: the only one is timeout=SECONDS")
      }
      let text = pair.count > 1 ? String(pair[1]) : ""
      // Seconds as a decimal, up to about 24 days (SQLite takes an int32 of milliseconds).
      guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds * 1000 <= Double(Int32.max),
        let ms = Int32(exactly: (seconds * 1000).rounded())
      else {
        throw .invalidArgument(
          "SQLite storage URL: timeout must be a number of seconds from 0 to 2147483, got '\(text)'")
      }
      milliseconds = ms
    }
    return milliseconds
  }

  /// `url` with the password of its user information and of any `password=` query
  /// parameter replaced by `***`, for messages and logs.
  public static func redacted(_ url: String) -> String {
    var text = url
    if let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") {
      let rest = text[text.index(colon, offsetBy: 3)...]
      // The user information ends at the last '@' of the authority; a password may hold '/'.
      let authorityEnd = rest.lastIndex(of: "@").map { at in
        rest[at...].firstIndex(of: "/") ?? rest.endIndex
      } ?? (rest.firstIndex(of: "/") ?? rest.endIndex)
      if let at = rest[..<authorityEnd].lastIndex(of: "@"),
        let colon = rest[..<at].firstIndex(of: ":")
      {
        text.replaceSubrange(text.index(after: colon)..<at, with: "***")
      }
    }
    return redactingQueryPassword(text)
  }

  private static func redactingQueryPassword(_ url: String) -> String {
    guard let query = url.firstIndex(of: "?") else { return url }
    let parts = url[url.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false)
    let redacted = parts.map { part -> String in
      part.lowercased().hasPrefix("password=") ? "password=***" : String(part)
    }
    return String(url[...query]) + redacted.joined(separator: "&")
  }

  /// Opens the storage: the one place where a URL's scheme picks a backend. A
  /// SQLite file that does not exist is created.
  ///
  /// Opening writes nothing to an existing database: a new one gets its tables at
  /// the first write.
  public func open() throws(HoneError) -> any Storage {
    switch self {
    case .memory:
      return InMemoryStorage()
    case .sharedMemory(let name):
      return InMemoryStorage.shared(named: name)
    case .sqlite(let path, let timeout):
      let connection = try SQLiteConnection.open(path: path, busyTimeoutMilliseconds: timeout)
      return try SQLStorage(connection: connection, location: connection.location)
    case .postgresql(let url):
      let connection = try PostgresSQLConnection(url: url)
      return try SQLStorage(connection: connection, location: connection.location)
    }
  }

  /// Opens the storage for a call that only reads it, or that fails when it has no
  /// study (a load, a listing, a delete, a copy's source): nil when it names a
  /// SQLite file that does not exist, which is then not created. A `memory://NAME`
  /// that nothing holds gives an empty storage that is not registered.
  ///
  /// - Throws: `.storage` for a SQLite file whose directory does not exist either:
  ///   a path that no call could create is a mistake, not an empty storage.
  public func openExisting() throws(HoneError) -> (any Storage)? {
    if case .sharedMemory(let name) = self {
      return InMemoryStorage.existingShared(named: name) ?? InMemoryStorage()
    }
    guard case .sqlite(let path, let timeout) = self else { return try open() }
    let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
    if !SQLiteConnection.exists(path), SQLiteConnection.exists(directory) { return nil }
    let connection = try SQLiteConnection.open(path: path, create: false, busyTimeoutMilliseconds: timeout)
    return try SQLStorage(connection: connection, location: connection.location)
  }
}
