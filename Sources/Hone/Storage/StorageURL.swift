/// A storage URL, as the `storage` study option and the storage calls take it.
///
/// - `nil` or `"memory"`: a new in-memory storage.
/// - `sqlite:///relative/path.db` and `sqlite:////absolute/path.db`: Optuna's form,
///   three slashes then the path.
/// - `postgresql://user:password@host:port/database` (or `postgres://`).
public enum StorageURL: Equatable, Sendable {
  case memory
  case sqlite(path: String)
  case postgresql(url: String)

  /// Parses a URL; an unknown scheme is `.invalidArgument`. Messages never show a password.
  public init(parsing url: String?) throws(HoneError) {
    guard let url, url != "memory" else {
      self = .memory
      return
    }
    if url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") {
      self = .postgresql(url: url)
    } else if url.hasPrefix("sqlite:///") {
      let path = String(url.dropFirst("sqlite:///".count))
      guard !path.isEmpty else {
        throw .invalidArgument("storage URL 'sqlite:///' names no file: use sqlite:///relative.db or sqlite:////abs.db")
      }
      self = .sqlite(path: path)
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
    case .sqlite(let path):
      let connection = try SQLiteConnection.open(path: path)
      return try SQLStorage(connection: connection, location: connection.location)
    case .postgresql(let url):
      let connection = try PostgresSQLConnection(url: url)
      return try SQLStorage(connection: connection, location: connection.location)
    }
  }

  /// Opens the storage for a call that only reads it, or that fails when it has no
  /// study (a load, a listing, a delete, a copy's source): nil when it names a
  /// SQLite file that does not exist, which is then not created.
  ///
  /// - Throws: `.storage` for a SQLite file whose directory does not exist either:
  ///   a path that no call could create is a mistake, not an empty storage.
  public func openExisting() throws(HoneError) -> (any Storage)? {
    guard case .sqlite(let path) = self else { return try open() }
    let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? "."
    if !SQLiteConnection.exists(path), SQLiteConnection.exists(directory) { return nil }
    let connection = try SQLiteConnection.open(path: path, create: false)
    return try SQLStorage(connection: connection, location: connection.location)
  }
}
