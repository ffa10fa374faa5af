/// Storages: studies by name, shared between processes, and failed workers.
///
/// A storage is named by its URL, as in the "storage" study option:
/// "memory://NAME", "sqlite:///relative/path.db", "sqlite:////absolute/path.db" or
/// "postgresql://user:password@host:port/database". "memory://NAME" is the
/// process's in-memory storage of that name: every study and hone_storage handle
/// that opens it shares it, and it lives until the last of them is destroyed
/// (see hone_storage_open); the storage calls below find it while one lives, and
/// see an empty storage otherwise. A SQLite file, or Hone's
/// tables in a PostgreSQL database, are created by the first write; a call that
/// only reads or fails (a load, a listing, a delete of a missing study, a copy's
/// source) never creates or modifies a file. A database that is not a Hone
/// storage, that a newer Hone wrote, or whose rows are damaged (a value Hone never
/// writes there), is refused with HONE_STORAGE, naming the row, and left
/// unmodified. Each call opens the storage by itself.

import Hone

/// An open storage, held by the caller: see `hone_storage_open`.
///
/// A handle may be shared by several threads at once.
public typealias hone_storage = OpaquePointer

/// A storage behind a handle: the registry holds objects, and a storage is an existential.
final class StorageBox: Sendable {
  let storage: any Storage
  init(_ storage: any Storage) { self.storage = storage }
}

/// Live storage handles.
let storageHandles = HandleRegistry<StorageBox>(type: "hone_storage", argument: "storage")

/// Opens a storage and holds it until `hone_storage_close`.
///
/// For "memory://NAME" this is how a host keeps a shared in-memory storage
/// alive: the storage of that name is created when nothing holds it yet, and
/// the handle holds it, as does every study handle that opens the same URL
/// (hone_study_create's "storage", hone_study_load). Its studies and trials live
/// until the last of those holders is destroyed, then are gone; distinct names
/// are distinct storages. "memory" alone is a new private storage, which no
/// other call can reach. For a SQLite or PostgreSQL URL the storage is opened
/// (a SQLite file is created when missing, and no table is written), which
/// checks the URL and the connection early; each study still opens its own
/// connection.
///
/// The handle is the caller's: close it once with `hone_storage_close`, after
/// which it must not be used. Closing it never closes a study.
///
/// - Parameter out: receives the new handle; left untouched on failure.
/// - Parameter url: the storage's URL.
/// - Returns: HONE_INVALID_ARGUMENT for a URL Hone cannot parse, HONE_STORAGE
///   when the storage cannot be opened.
@c public func hone_storage_open(
  _ out: UnsafeMutablePointer<hone_storage?>?,
  _ url: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let storage = try StorageURL(parsing: try string(url, "url")).open()
    out.pointee = try storageHandles.register(StorageBox(storage))
  }
}

/// Closes a storage handle: its hold on the storage ends. NULL is ignored.
///
/// A "memory://NAME" storage that no study handle holds any more is freed, with
/// its studies. Calls already running on the handle in other threads finish
/// normally; the handle must not be used once this returns.
@c public func hone_storage_close(_ storage: hone_storage?) {
  if let storage { storageHandles.remove(storage) }
}

/// Opens an existing study of a storage.
///
/// - Parameter out: receives the new handle; left untouched on failure.
/// - Parameter storage_url: the storage's URL.
/// - Parameter study_name: the study's name.
/// - Parameter options_json: this handle's "sampler", "pruner", "search_space" and
///   heartbeat options, as for hone_study_create; NULL or "" for the defaults.
///   The directions are the stored ones.
/// - Returns: HONE_NOT_FOUND when the storage has no study of that name.
@c public func hone_study_load(
  _ out: UnsafeMutablePointer<hone_study?>?,
  _ storage_url: UnsafePointer<CChar>?,
  _ study_name: UnsafePointer<CChar>?,
  _ options_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let url = try string(storage_url, "storage_url")
    let name = try string(study_name, "study_name")
    let options = try options_json.map { (p) throws(HoneError) in try string(p, "options_json") }
    out.pointee = try studyHandles.register(try Study.load(name: name, storageURL: url, optionsJSON: options))
  }
}

/// Deletes a study and all its trials from a storage.
///
/// Handles already open on the study fail with HONE_NOT_FOUND from then on.
///
/// - Returns: HONE_NOT_FOUND when the storage has no study of that name.
@c public func hone_study_delete(
  _ storage_url: UnsafePointer<CChar>?,
  _ study_name: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let url = try string(storage_url, "storage_url")
    let name = try string(study_name, "study_name")
    guard let storage = try StorageURL(parsing: url).openExisting() else {
      throw .notFound("no study named '\(name)': there is no file at \(url)")
    }
    try Study.delete(name: name, storage: storage)
  }
}

/// Copies a study, with every trial and its user and system attributes, from one
/// storage to another.
///
/// A copy into a "memory://NAME" that nothing holds is freed as the call
/// returns: hold the target with hone_storage_open (or a study) first.
///
/// - Parameter to_study_name: the copy's name; NULL for the same name. It must be new.
@c public func hone_study_copy(
  _ from_storage_url: UnsafePointer<CChar>?,
  _ from_study_name: UnsafePointer<CChar>?,
  _ to_storage_url: UnsafePointer<CChar>?,
  _ to_study_name: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let sourceURL = try string(from_storage_url, "from_storage_url")
    let name = try string(from_study_name, "from_study_name")
    guard let source = try StorageURL(parsing: sourceURL).openExisting() else {
      throw .notFound("no study named '\(name)' in the source storage: there is no file at \(sourceURL)")
    }
    let newName = try to_study_name.map { (p) throws(HoneError) in try string(p, "to_study_name") }
    let target = try StorageURL(parsing: try string(to_storage_url, "to_storage_url")).open()
    try Study.copy(name: name, from: source, to: target, as: newName)
  }
}

/// Lists the studies of a storage as a JSON array, in creation order.
///
/// Each entry has Optuna's StudySummary fields: {"study_name", "directions",
/// "n_trials", "best_trial" (a trial object, or null in a multi-objective study
/// or one with no COMPLETE trial), "datetime_start" (of the earliest trial, or
/// null), "user_attrs", "system_attrs"}. Every trial is read, so a damaged row
/// fails the listing with HONE_STORAGE; a SQLite file that does not exist lists
/// no study, and is not created.
///
/// - Parameter out_json: receives the text; release it with `hone_free`.
@c public func hone_storage_list_studies(
  _ out_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ storage_url: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_json, "out_json")
    // A listing only reads: a SQLite file that is not there holds no study, and is not created.
    let storage = try StorageURL(parsing: try string(storage_url, "storage_url")).openExisting()
    let summaries = try storage.map { (s) throws(HoneError) in try Study.summaries(storage: s) } ?? []
    try copyOut(JSON.array(summaries.map(\.json)).text, to: out)
  }
}

/// Records now as the heartbeat of a running trial.
///
/// For objectives that run longer than the grace period without calling into
/// the study. Only checks that the trial is RUNNING when the study has no
/// "heartbeat_interval".
@c public func hone_trial_heartbeat(
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  capture { () throws(HoneError) in
    try studyHandles.object(study).heartbeat(trial: try trialNumber(trial))
  }
}

/// Marks FAIL the RUNNING trials whose heartbeat is older than the grace period,
/// and queues their retries; every ask does this first.
///
/// Does nothing when the study has no "heartbeat_interval".
///
/// - Parameter out_n_failed: receives the number of trials failed; may be NULL.
@c public func hone_study_fail_stale_trials(
  _ out_n_failed: UnsafeMutablePointer<UInt>?,
  _ study: hone_study?
) -> hone_status {
  capture { () throws(HoneError) in
    let failed = try studyHandles.object(study).failStaleTrials()
    if let out_n_failed { out_n_failed.pointee = UInt(failed.count) }
  }
}
