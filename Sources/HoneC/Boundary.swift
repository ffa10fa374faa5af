internal import HonePlatform
import Hone

// Everything that crosses the C boundary passes through here: handle lookup,
// string conversion, error mapping and output copying. Nothing in this file
// traps on caller data.

/// The status code of a core error: the one place errors are mapped.
extension hone_status {
  init(_ error: HoneError) {
    switch error {
    case .invalidArgument: self = .HONE_INVALID_ARGUMENT
    case .notFound: self = .HONE_NOT_FOUND
    case .state: self = .HONE_STATE
    case .exhausted: self = .HONE_EXHAUSTED
    case .numeric: self = .HONE_NUMERIC
    case .storage: self = .HONE_STORAGE
    case .outOfMemory: self = .HONE_OUT_OF_MEMORY
    case .internal: self = .HONE_INTERNAL
    }
  }
}

/// Runs `body`, turning a thrown error into its status and the thread's last error.
@inline(__always)
func capture(_ body: () throws(HoneError) -> Void) -> hone_status {
  do {
    try body()
    return .HONE_OK
  } catch {
    LastError.set(error.message)
    return hone_status(error)
  }
}

/// The thread-local message behind `hone_last_error`.
///
/// Each thread owns a heap copy of its last message. When that copy cannot be
/// allocated, the thread's message becomes a static out-of-memory text instead,
/// so a failed call never reports an empty or stale reason; static texts are
/// never freed.
enum LastError {
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { LastError.release($0) }
    return key
  }()

  nonisolated(unsafe) static let empty = immortal("")
  nonisolated(unsafe) static let outOfMemory = immortal(
    "out of memory: the message of the last error could not be copied")

  static func set(_ message: String) {
    let old = pthread_getspecific(key)
    let copy = strdup(message).map(UnsafeRawPointer.init) ?? UnsafeRawPointer(outOfMemory)
    pthread_setspecific(key, copy)
    release(old)
  }

  static var current: UnsafePointer<CChar> {
    guard let p = pthread_getspecific(key) else { return empty }
    return UnsafePointer(p.assumingMemoryBound(to: CChar.self))
  }

  private static func release(_ p: UnsafeMutableRawPointer?) {
    guard let p, UnsafeRawPointer(p) != UnsafeRawPointer(outOfMemory) else { return }
    free(p)
  }
}

/// Hands out handle tokens for every registry; see `HandleRegistry`.
private final class HandleTokens: @unchecked Sendable {
  private let lock = Lock()
  private var last: UInt = 0

  /// The next token: steps of 16 keep tokens aligned like real pointers, for hosts that check.
  func next() throws(HoneError) -> UnsafeMutableRawPointer {
    let token = lock.withLock { () -> UInt in
      last &+= 0x10
      return last
    }
    // Zero comes back only after 2^60 handles.
    guard let p = UnsafeMutableRawPointer(bitPattern: token) else { throw .internal("handle tokens exhausted") }
    return p
  }
}

private let handleTokens = HandleTokens()

/// Live handles of one type.
///
/// A handle is a token, never an address: each is the next value of one counter
/// shared by every registry, so a handle used after its destroy, or a study handle
/// passed as a model, is an error rather than a crash, and never finds an object
/// created later at the same address. An object stays alive until every call that
/// looked it up has returned, even if another thread destroys the handle meanwhile.
final class HandleRegistry<Object: AnyObject & Sendable>: @unchecked Sendable {
  /// The C type name and the argument name, for messages.
  let type: String
  let argument: String
  private let lock = Lock()
  private var live: [UnsafeMutableRawPointer: Object] = [:]

  init(type: String, argument: String) {
    self.type = type
    self.argument = argument
  }

  func register(_ object: Object) throws(HoneError) -> OpaquePointer {
    let p = try handleTokens.next()
    lock.withLock { live[p] = object }
    return OpaquePointer(p)
  }

  func remove(_ handle: OpaquePointer) {
    // Release outside the lock: a deinit may take locks of its own.
    let object = lock.withLock { live.removeValue(forKey: UnsafeMutableRawPointer(handle)) }
    _ = object
  }

  func object(_ handle: OpaquePointer?) throws(HoneError) -> Object {
    guard let handle else { throw .invalidArgument("\(argument) is NULL") }
    guard let object = lock.withLock({ live[UnsafeMutableRawPointer(handle)] }) else {
      throw .invalidArgument(
        "\(argument) is not a live \(type) handle (destroyed, or never created)")
    }
    return object
  }
}

/// Live study handles.
let studyHandles = HandleRegistry<Study>(type: "hone_study", argument: "study")

/// Checks that an out-parameter is not NULL.
@inline(__always)
func required<T>(_ p: UnsafeMutablePointer<T>?, _ what: String) throws(HoneError) -> UnsafeMutablePointer<T> {
  guard let p else { throw .invalidArgument("\(what) is NULL") }
  return p
}

/// A Swift string from a C string, which must be non-NULL and valid UTF-8.
func string(_ p: UnsafePointer<CChar>?, _ what: String) throws(HoneError) -> String {
  guard let p else { throw .invalidArgument("\(what) is NULL") }
  guard let s = String(validatingCString: p) else { throw .invalidArgument("\(what) is not valid UTF-8") }
  return s
}

/// A trial number from the C side, which uses `int64_t`.
func trialNumber(_ t: Int64) throws(HoneError) -> Int {
  guard t >= 0, let n = Int(exactly: t) else { throw .notFound("no trial \(t): trial numbers are >= 0") }
  return n
}

/// A JSON document passed from C.
func json(_ p: UnsafePointer<CChar>?, _ what: String) throws(HoneError) -> JSON {
  try JSON.parse(try string(p, what))
}

/// Copies `text` into memory the caller releases with `hone_free`.
func copyOut(_ text: String, to out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) throws(HoneError) {
  guard let p = text.withCString({ strdup($0) }) else {
    throw .outOfMemory("could not allocate \(text.utf8.count + 1) bytes for the result")
  }
  out.pointee = p
}

/// Renders a JSON export of a study under its lock and hands the text to the caller.
func exportJSON(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ study: hone_study?,
  _ render: (Study) throws(HoneError) -> JSON
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let text = try studyHandles.object(study).read { s throws(HoneError) in try render(s).text }
    try copyOut(text, to: out)
  }
}

/// A state received from C, validated without trusting the enum's bit pattern.
func trialState(_ state: hone_trial_state) throws(HoneError) -> TrialState {
  let raw = unsafeBitCast(state, to: Int32.self)
  guard let s = TrialState(rawValue: raw) else {
    throw .invalidArgument("state \(raw) is not a hone_trial_state")
  }
  return s
}

/// Immortal C strings for the library's fixed texts.
enum CStrings {
  nonisolated(unsafe) static let version = immortal(HoneVersion.string)
  nonisolated(unsafe) static let statuses = [
    "ok", "invalid argument", "not found", "invalid state", "exhausted", "numeric failure",
    "storage failure", "out of memory", "internal error",
  ].map(immortal)
  nonisolated(unsafe) static let unknownStatus = immortal("unknown status")
}

/// A NUL-terminated copy of `text` that is never freed.
func immortal(_ text: String) -> UnsafePointer<CChar> {
  let bytes = Array(text.utf8CString)
  let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
  p.initialize(from: bytes, count: bytes.count)
  return UnsafePointer(p)
}
