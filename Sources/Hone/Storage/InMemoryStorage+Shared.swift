/// Named in-memory storages, shared by every study of the process that opens
/// the URL `memory://NAME`.
///
/// The registry holds each storage weakly: a shared storage lives while a study,
/// a C `hone_storage` handle or any other holder keeps it, and its studies and
/// trials are gone when the last one lets go. Opening the name again after that
/// gives a new, empty storage.
extension InMemoryStorage {
  /// The live storage named `name`, created (and registered) when there is none.
  public static func shared(named name: String) -> InMemoryStorage {
    SharedInMemoryStorages.registry.storage(named: name)
  }

  /// The live storage named `name`, or nil when nothing holds one: a call that
  /// only reads needs no new storage.
  public static func existingShared(named name: String) -> InMemoryStorage? {
    SharedInMemoryStorages.registry.existing(named: name)
  }
}

/// The process-wide table behind `InMemoryStorage.shared(named:)`.
///
/// Thread-safe: one lock guards the table, and a storage is only ever handed out
/// as a strong reference taken under it, so a holder on another thread that lets
/// go at the same moment either still finds it or finds it gone, never half freed.
final class SharedInMemoryStorages: @unchecked Sendable {
  static let registry = SharedInMemoryStorages()

  private final class WeakEntry {
    weak var storage: InMemoryStorage?
    init(_ storage: InMemoryStorage) { self.storage = storage }
  }

  private let lock = Lock()
  private var entries: [String: WeakEntry] = [:]

  func storage(named name: String) -> InMemoryStorage {
    lock.withLock { () -> InMemoryStorage in
      if let live = entries[name]?.storage { return live }
      // Dropping the entries of storages that died keeps the table as small as
      // the live ones: a program that opens many unique names does not grow it.
      entries = entries.filter { $0.value.storage != nil }
      let storage = InMemoryStorage()
      entries[name] = WeakEntry(storage)
      return storage
    }
  }

  func existing(named name: String) -> InMemoryStorage? {
    lock.withLock { entries[name]?.storage }
  }
}
