/// Studies by name in a storage: load, delete, list and copy.
extension Study {
  /// A handle on the study `name` that `storage` holds, with its stored directions.
  ///
  /// - Throws: `.notFound` when the storage has no such study.
  public static func load(
    name: String,
    storage: any Storage,
    sampler: any Sampler = TPESampler(),
    pruner: any Pruner = NopPruner(),
    searchSpace: SearchSpace? = nil,
    heartbeatPolicy: HeartbeatPolicy? = nil
  ) throws(HoneError) -> Study {
    guard let stored = try storage.findStudy(name: name) else {
      throw .notFound("no study named '\(name)' in this storage")
    }
    return Study(
      stored: stored, sampler: sampler, pruner: pruner, storage: storage, searchSpace: searchSpace,
      heartbeatPolicy: heartbeatPolicy)
  }

  /// Deletes the study `name` and its trials; `.notFound` when there is none.
  public static func delete(name: String, storage: any Storage) throws(HoneError) {
    try storage.deleteStudy(name: name)
  }

  /// Every study in the storage, in creation order.
  public static func summaries(storage: any Storage) throws(HoneError) -> [StudySummary] {
    try storage.studySummaries()
  }

  /// Copies the study `name` from one storage to another as `newName` (default: the
  /// same name), with every trial in its state; returns the new study's name.
  ///
  /// The copy is created atomically: a failure leaves no partial study behind.
  @discardableResult
  public static func copy(
    name: String, from source: any Storage, to target: any Storage, as newName: String? = nil
  ) throws(HoneError) -> String {
    guard let stored = try source.findStudy(name: name) else {
      throw .notFound("no study named '\(name)' in the source storage")
    }
    let trials = try source.trials(study: stored.id)
    let copyName = newName ?? name
    guard !copyName.isEmpty else { throw .invalidArgument("the study name must not be empty") }
    _ = try target.createStudy(name: copyName, directions: stored.directions, trials: trials)
    return copyName
  }
}
