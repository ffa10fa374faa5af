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
  /// same name), with every trial in its state and the study's user and system
  /// attributes, as Optuna's `copy_study`; returns the new study's name.
  ///
  /// A failure leaves no partial study behind: the study and its trials are created
  /// atomically, and a copy whose attributes cannot be written is deleted again.
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
    let userAttrs = try source.studyUserAttrs(study: stored.id)
    let systemAttrs = try source.studySystemAttrs(study: stored.id)
    let id = try target.createStudy(name: copyName, directions: stored.directions, trials: trials)
    do throws(HoneError) {
      for (key, value) in systemAttrs { try target.setStudySystemAttr(study: id, key: key, value: value) }
      for (key, value) in userAttrs { try target.setStudyUserAttr(study: id, key: key, value: value) }
    } catch {
      try? target.deleteStudy(name: copyName)
      throw error
    }
    return copyName
  }
}
