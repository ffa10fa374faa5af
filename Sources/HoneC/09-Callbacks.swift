/// Callbacks: samplers and pruners written by the host.
///
/// A host fills a `hone_sampler_callbacks` or `hone_pruner_callbacks` struct and
/// passes it to `hone_study_create_with` or `hone_study_load_with`; the study then
/// calls those hooks where it would call a built-in sampler or pruner. A NULL
/// hook keeps the default: no relative search space, an independent value drawn
/// at random, nothing before or after a trial, never prune.
///
/// Versions: `struct_size` is `sizeof` the struct the host was compiled with. The
/// library reads only that many bytes, so a host built against an older header
/// (fewer hooks) gets the defaults for the hooks it does not know; a larger size
/// is accepted and the bytes past the known hooks are ignored.
///
/// Ownership: the library copies the struct. From a successful `_with` call
/// until the study is released (its last handle destroyed and its last call
/// returned), the hooks may be called with `user_data`, from any thread that
/// calls into the study. `destroy`, when not NULL, is called exactly once with
/// `user_data` when the library is done with it: when the study is released, or
/// before a failing `_with` call returns. The one exception: when either struct
/// is refused for its `struct_size` or alignment, nothing of either is called.
///
/// Results: a hook that produces text writes into its `char **out_...` a string
/// made by `hone_string_copy`; the library takes it and frees it, whatever the
/// hook returns. Leaving it NULL with HONE_OK means "the default" for
/// infer_relative_search_space and sample_relative, and is an error for
/// sample_independent. The JSON shapes are the library's own: a trial as
/// `hone_trial_json` gives it, a search space as the "search_space" option
/// ({"x": {"type": "float", "low": 0, "high": 1, "step": null, "log": false}}),
/// one distribution as one of its values, parameter values as
/// `hone_trial_params_json` gives them (external values: a number, an exact
/// integer, the categorical choice itself).
///
/// Errors: a hook reports failure by returning a status other than HONE_OK,
/// after `hone_callback_set_error` to say why. The study call that ran the hook
/// then fails with that status and a message naming the hook; a failing ask or
/// suggest changes nothing. after_trial's status is ignored: the trial is
/// already finished when it runs.
///
/// Re-entrancy: a hook runs on the thread of the study call that needs it, while
/// that call holds the study. On that thread the hook may read the study through
/// the `study` handle it receives (hone_study_trials_json, hone_trial_json,
/// hone_study_best_trial, hone_study_info_json, hone_study_n_trials, ...): those
/// run at once. A call that changes the study from inside a hook (ask, suggest,
/// tell, report, should_prune, set_user_attr, enqueue) fails with HONE_STATE
/// instead. Calls on the study from other threads wait until the call running
/// the hook returns, as usual.

internal import HonePlatform
import Hone

/// Releases a host's `user_data`.
public typealias hone_destroy_fn = @convention(c) (UnsafeMutableRawPointer?) -> Void

/// Called before each new trial starts, with the draft of the trial as JSON.
public typealias hone_sampler_before_trial_fn = @convention(c) (
  UnsafeMutableRawPointer?, hone_study?, UnsafePointer<CChar>?
) -> hone_status

/// Writes the joint search space to sample relatively for the trial, as a JSON object of distributions.
public typealias hone_sampler_infer_relative_search_space_fn = @convention(c) (
  UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutableRawPointer?, hone_study?,
  UnsafePointer<CChar>?
) -> hone_status

/// Writes a point of the space (the third text) as a JSON object of external values.
public typealias hone_sampler_sample_relative_fn = @convention(c) (
  UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutableRawPointer?, hone_study?,
  UnsafePointer<CChar>?, UnsafePointer<CChar>?
) -> hone_status

/// Writes one external value, as JSON, for the named parameter and its distribution.
public typealias hone_sampler_sample_independent_fn = @convention(c) (
  UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, UnsafeMutableRawPointer?, hone_study?,
  UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?
) -> hone_status

/// Called once a trial has finished, with its state and values (NULL and 0 when it has none).
public typealias hone_sampler_after_trial_fn = @convention(c) (
  UnsafeMutableRawPointer?, hone_study?, UnsafePointer<CChar>?, hone_trial_state, UnsafePointer<Double>?, UInt
) -> hone_status

/// Writes whether the trial should be pruned now.
public typealias hone_pruner_prune_fn = @convention(c) (
  UnsafeMutablePointer<Bool>?, UnsafeMutableRawPointer?, hone_study?, UnsafePointer<CChar>?
) -> hone_status

/// A sampler written by the host: Optuna's BaseSampler as C hooks; NULL hooks keep the defaults.
///
/// 64 bytes on 64-bit targets, one pointer-sized field after another.
public struct hone_sampler_callbacks {
  /// `sizeof(hone_sampler_callbacks)` as the host was compiled; at least 24.
  public var struct_size: UInt
  /// Passed to every hook as it is.
  public var user_data: UnsafeMutableRawPointer?
  /// Releases `user_data`; may be NULL.
  public var destroy: hone_destroy_fn?
  /// Optuna's before_trial; may be NULL.
  public var before_trial: hone_sampler_before_trial_fn?
  /// Optuna's infer_relative_search_space; NULL: no relative sampling.
  public var infer_relative_search_space: hone_sampler_infer_relative_search_space_fn?
  /// Optuna's sample_relative; NULL: an empty point.
  public var sample_relative: hone_sampler_sample_relative_fn?
  /// Optuna's sample_independent; NULL: a uniform random value.
  public var sample_independent: hone_sampler_sample_independent_fn?
  /// Optuna's after_trial; may be NULL.
  public var after_trial: hone_sampler_after_trial_fn?
}

/// A pruner written by the host: Optuna's BasePruner as a C hook.
///
/// 32 bytes on 64-bit targets, one pointer-sized field after another.
public struct hone_pruner_callbacks {
  /// `sizeof(hone_pruner_callbacks)` as the host was compiled; at least 24.
  public var struct_size: UInt
  /// Passed to the hook as it is.
  public var user_data: UnsafeMutableRawPointer?
  /// Releases `user_data`; may be NULL.
  public var destroy: hone_destroy_fn?
  /// Optuna's prune; NULL: never prune.
  public var prune: hone_pruner_prune_fn?
}

/// Copies a string into memory the library owns; a hook hands its result over this way.
///
/// - Parameter out: receives the copy; release it with `hone_free` unless a hook hands it to the library.
/// - Parameter text: a NUL-terminated UTF-8 string.
@c public func hone_string_copy(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ text: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    try copyOut(try string(text, "text"), to: out)
  }
}

/// Says why the running hook fails; call it before returning a status other than HONE_OK.
///
/// The message is kept for the calling thread until the hook returns; NULL
/// clears it. It becomes part of the failing study call's `hone_last_error`.
@c public func hone_callback_set_error(_ message: UnsafePointer<CChar>?) {
  CallbackError.set(message.flatMap { String(validatingCString: $0) })
}

/// Creates a study whose sampler, pruner or both are the host's callbacks.
///
/// As `hone_study_create`, with `sampler` and `pruner` (either may be NULL) in
/// place of the options' "sampler" and "pruner" keys, which must then be absent.
///
/// - Parameter out: receives the new handle; left untouched on failure.
/// - Returns: HONE_INVALID_ARGUMENT for a struct_size below 24, or an options'
///   "sampler" ("pruner") next to a `sampler` (`pruner`).
@c public func hone_study_create_with(
  _ out: UnsafeMutablePointer<hone_study?>?,
  _ options_json: UnsafePointer<CChar>?,
  _ sampler: ConstPointer<hone_sampler_callbacks>?,
  _ pruner: ConstPointer<hone_pruner_callbacks>?
) -> hone_status {
  capture { () throws(HoneError) in
    let (s, p) = try hostComponents(sampler, pruner)
    let out = try required(out, "out")
    let options = try options_json.map { (p) throws(HoneError) in try string(p, "options_json") } ?? ""
    let handle = try studyHandles.register(try Study(optionsJSON: options, sampler: s, pruner: p))
    s?.attach(handle)
    p?.attach(handle)
    out.pointee = handle
  }
}

/// Opens an existing study with the host's callbacks as its sampler, pruner or both.
///
/// As `hone_study_load`, with `sampler` and `pruner` as for `hone_study_create_with`.
///
/// - Parameter out: receives the new handle; left untouched on failure.
@c public func hone_study_load_with(
  _ out: UnsafeMutablePointer<hone_study?>?,
  _ storage_url: UnsafePointer<CChar>?,
  _ study_name: UnsafePointer<CChar>?,
  _ options_json: UnsafePointer<CChar>?,
  _ sampler: ConstPointer<hone_sampler_callbacks>?,
  _ pruner: ConstPointer<hone_pruner_callbacks>?
) -> hone_status {
  capture { () throws(HoneError) in
    let (s, p) = try hostComponents(sampler, pruner)
    let out = try required(out, "out")
    let url = try string(storage_url, "storage_url")
    let name = try string(study_name, "study_name")
    let options = try options_json.map { (p) throws(HoneError) in try string(p, "options_json") }
    let study = try Study.load(name: name, storageURL: url, optionsJSON: options, sampler: s, pruner: p)
    let handle = try studyHandles.register(study)
    s?.attach(handle)
    p?.attach(handle)
    out.pointee = handle
  }
}

/// Reads both structs before anything else can fail, so that each destroy runs exactly once.
private func hostComponents(
  _ sampler: ConstPointer<hone_sampler_callbacks>?, _ pruner: ConstPointer<hone_pruner_callbacks>?
) throws(HoneError) -> (CallbackSampler?, CallbackPruner?) {
  let s = try sampler.map { (p) throws(HoneError) in try readVersioned(p, as: hone_sampler_callbacks.self, "sampler") }
  let p = try pruner.map { (p) throws(HoneError) in try readVersioned(p, as: hone_pruner_callbacks.self, "pruner") }
  // Wrapped at once: from here on, their deinit calls destroy.
  return (s.map(CallbackSampler.init), p.map(CallbackPruner.init))
}

/// The smallest struct_size: struct_size, user_data and destroy.
private let minimumStructSize = 3 * MemoryLayout<UInt>.size

/// A copy of the host's struct, with the hooks past its `struct_size` left NULL.
private func readVersioned<T>(_ p: UnsafeRawPointer, as: T.Type, _ name: String) throws(HoneError) -> T {
  guard Int(bitPattern: p) % MemoryLayout<UInt>.alignment == 0 else {
    throw .invalidArgument("\(name) is not aligned for a pointer")
  }
  let size = p.load(as: UInt.self)
  guard size >= minimumStructSize, let given = Int(exactly: size) else {
    throw .invalidArgument(
      "\(name)->struct_size is \(size): it must be sizeof the struct (at least \(minimumStructSize))")
  }
  let buffer = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: MemoryLayout<T>.alignment)
  defer { buffer.deallocate() }
  buffer.initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<T>.size)
  buffer.copyMemory(from: p, byteCount: min(given, MemoryLayout<T>.size))
  return buffer.load(as: T.self)
}

/// The thread-local message a hook leaves with `hone_callback_set_error`.
enum CallbackError {
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { free($0) }
    return key
  }()

  static func set(_ message: String?) {
    let old = pthread_getspecific(key)
    pthread_setspecific(key, message.flatMap { strdup($0) })
    free(old)
  }

  /// The message, cleared.
  static func take() -> String? {
    guard let p = pthread_getspecific(key) else { return nil }
    let text = String(cString: p.assumingMemoryBound(to: CChar.self))
    set(nil)
    return text
  }
}

extension HoneError {
  /// The error a hook's status stands for; a value that is no failure status is the host's bug.
  init(hookStatus raw: Int32, message: String) {
    switch raw {
    case 2: self = .notFound(message)
    case 3: self = .state(message)
    case 4: self = .exhausted(message)
    case 5: self = .numeric(message)
    case 6: self = .storage(message)
    case 7: self = .outOfMemory(message)
    case 8: self = .internal(message)
    default: self = .invalidArgument(message)
    }
  }
}

/// The study handle a host's hooks receive, set once the study is registered.
final class AttachedHandle: @unchecked Sendable {
  private let lock = Lock()
  private var handle: hone_study?

  func attach(_ h: hone_study) { lock.withLock { handle = h } }
  var current: hone_study? { lock.withLock { handle } }
}

/// Runs one hook and turns its failure into the study call's error.
///
/// The hook's text result is taken and freed here whatever the status.
private func callHook(
  _ owner: String, _ hook: String, _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> hone_status
) throws(HoneError) -> String? {
  var out: UnsafeMutablePointer<CChar>?
  CallbackError.set(nil)
  let status = body(&out)
  defer { free(out) }
  let raw = unsafeBitCast(status, to: Int32.self)
  let message = CallbackError.take()
  guard raw == 0 else {
    let name = String(cString: hone_status_string(status))
    throw HoneError(
      hookStatus: raw, message: "the \(owner)'s \(hook) callback failed (\(name))" + (message.map { ": \($0)" } ?? ""))
  }
  guard let out else { return nil }
  guard let text = String(validatingCString: out) else {
    throw .invalidArgument("the \(owner)'s \(hook) callback returned text that is not valid UTF-8")
  }
  return text
}

/// Parses a hook's JSON result, naming the hook in the error.
private func parseResult(_ text: String, _ hook: String) throws(HoneError) -> JSON {
  do throws(HoneError) {
    return try JSON.parse(text)
  } catch {
    throw .invalidArgument("the sampler's \(hook) callback returned bad JSON: \(error.message)")
  }
}

/// A `Sampler` whose decisions are the host's hooks.
final class CallbackSampler: Sampler, @unchecked Sendable {
  var name: String { "callbacks" }
  private let hooks: hone_sampler_callbacks
  private let handle = AttachedHandle()
  private let fallback = RandomSampler()

  init(_ hooks: hone_sampler_callbacks) { self.hooks = hooks }

  deinit { hooks.destroy?(hooks.user_data) }

  func attach(_ h: hone_study) { handle.attach(h) }

  func beforeTrial(_ history: StudyHistory, fixedParams: [(String, JSON)]?) throws(HoneError) -> [(String, JSON)] { [] }

  func beforeTrial(
    _ history: StudyHistory, _ trial: FrozenTrial, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    guard let hook = hooks.before_trial else { return [] }
    let study = handle.current
    let text = trial.json.text
    _ = try callHook("sampler", "before_trial") { _ in
      text.withCString { hook(hooks.user_data, study, $0) }
    }
    return []
  }

  func inferRelativeSearchSpace(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> SearchSpace {
    guard let hook = hooks.infer_relative_search_space else { return SearchSpace() }
    let study = handle.current
    let text = trial.json.text
    guard let result = try callHook("sampler", "infer_relative_search_space", { out in
      text.withCString { hook(out, hooks.user_data, study, $0) }
    }) else { return SearchSpace() }
    let hookName = "infer_relative_search_space"
    guard case .object(let members) = try parseResult(result, hookName) else {
      throw .invalidArgument("the sampler's \(hookName) callback must return a JSON object of distributions")
    }
    var space = SearchSpace()
    for (name, d) in members {
      guard !name.isEmpty else { throw .invalidArgument("the sampler's \(hookName) callback named an empty parameter") }
      space[name] = try Distribution(json: d, context: "the sampler's \(hookName) callback, '\(name)'")
    }
    return space
  }

  func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    guard let hook = hooks.sample_relative else { return [:] }
    let study = handle.current
    let text = trial.json.text
    let spaceText = JSON.object(zip(space.names, space.distributions).map { ($0, $1.json) }).text
    guard let result = try callHook("sampler", "sample_relative", { out in
      text.withCString { t in spaceText.withCString { hook(out, hooks.user_data, study, t, $0) } }
    }) else { return [:] }
    guard case .object(let members) = try parseResult(result, "sample_relative") else {
      throw .invalidArgument("the sampler's sample_relative callback must return a JSON object of values")
    }
    var point: [String: ParamValue] = [:]
    // Names outside the space are ignored, as Optuna ignores them.
    for (name, value) in members {
      guard let d = space[name] else { continue }
      guard let x = d.internal(value), d.contains(x) else {
        throw .invalidArgument(
          "the sampler's sample_relative callback returned \(value.text) for '\(name)', outside \(d.summary)")
      }
      point[name] = x
    }
    return point
  }

  func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    guard let hook = hooks.sample_independent else {
      return try fallback.sampleIndependent(history, trial, name: name, distribution: distribution)
    }
    let study = handle.current
    let text = trial.json.text
    let dist = distribution.json.text
    guard let result = try callHook("sampler", "sample_independent", { out in
      text.withCString { t in
        name.withCString { n in dist.withCString { hook(out, hooks.user_data, study, t, n, $0) } }
      }
    }) else {
      throw .invalidArgument(
        "the sampler's sample_independent callback returned HONE_OK without a value for '\(name)'")
    }
    let value = try parseResult(result, "sample_independent")
    guard let x = distribution.internal(value), distribution.contains(x) else {
      throw .invalidArgument(
        "the sampler's sample_independent callback returned \(value.text) for '\(name)', "
          + "outside \(distribution.summary)")
    }
    return x
  }

  func afterTrial(_ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?) {
    guard let hook = hooks.after_trial else { return }
    let study = handle.current
    let text = trial.json.text
    let cState = hone_trial_state(rawValue: state.rawValue) ?? .HONE_TRIAL_FAIL
    let list = values ?? []
    // The trial is finished already: a failure here has nothing left to undo.
    _ = try? callHook("sampler", "after_trial") { _ in
      text.withCString { t in
        list.withUnsafeBufferPointer { v in
          hook(hooks.user_data, study, t, cState, list.isEmpty ? nil : v.baseAddress, UInt(v.count))
        }
      }
    }
  }
}

/// A `Pruner` whose decisions are the host's hook.
final class CallbackPruner: Pruner, @unchecked Sendable {
  var name: String { "callbacks" }
  private let hooks: hone_pruner_callbacks
  private let handle = AttachedHandle()

  init(_ hooks: hone_pruner_callbacks) { self.hooks = hooks }

  deinit { hooks.destroy?(hooks.user_data) }

  func attach(_ h: hone_study) { handle.attach(h) }

  func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    guard let hook = hooks.prune else { return false }
    let study = handle.current
    let text = trial.json.text
    var decision = false
    _ = try callHook("pruner", "prune") { _ in
      text.withCString { t in withUnsafeMutablePointer(to: &decision) { hook($0, hooks.user_data, study, t) } }
    }
    return decision
  }
}
