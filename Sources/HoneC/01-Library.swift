/// Library: versions, status codes, errors and memory.
///
/// Every fallible function returns a `hone_status`; outputs go through
/// out-parameters, which come first and are written only on success. On failure,
/// `hone_last_error()` describes the problem. A failed call never changes a study.
///
/// Threads: every function may be called from any thread. A `hone_study` handle
/// may be shared by several threads at once; calls on it are serialized inside
/// the library.
///
/// Memory: strings the library returns through `char **` out-parameters belong to
/// the caller, who releases them with `hone_free`. Strings returned as
/// `const char *` (versions, status names, the last error) belong to the library
/// and must not be freed.

import Glibc
import Hone

/// Status codes returned by every fallible function.
@c public enum hone_status: Int32 {
  /// Success.
  case HONE_OK = 0
  /// An argument is invalid: NULL, out of range, malformed JSON, an unknown key.
  case HONE_INVALID_ARGUMENT = 1
  /// The named trial or study does not exist.
  case HONE_NOT_FOUND = 2
  /// The call is not allowed in the current state, e.g. telling a finished trial.
  case HONE_STATE = 3
  /// The sampler has nothing left to propose (a grid that has been fully visited).
  case HONE_EXHAUSTED = 4
  /// A numerical routine failed.
  case HONE_NUMERIC = 5
  /// The storage backend failed.
  case HONE_STORAGE = 6
  /// Memory could not be allocated.
  case HONE_OUT_OF_MEMORY = 7
  /// An internal error: a bug in Hone.
  case HONE_INTERNAL = 8
}

/// The run-time version of the library, e.g. "0.1.0".
///
/// Compare with the compile-time `HONE_VERSION` to detect a mismatched library.
/// The string belongs to the library.
@c public func hone_version() -> UnsafePointer<CChar> {
  CStrings.version
}

/// The run-time version as a number: major * 1000000 + minor * 1000 + patch.
@c public func hone_version_number() -> Int32 {
  Int32(HoneVersion.major * 1_000_000 + HoneVersion.minor * 1_000 + HoneVersion.patch)
}

/// A short English description of a status code, e.g. "invalid argument".
///
/// Never NULL; the string belongs to the library.
@c public func hone_status_string(_ status: hone_status) -> UnsafePointer<CChar> {
  let raw = Int(unsafeBitCast(status, to: Int32.self))
  return CStrings.statuses.indices.contains(raw) ? CStrings.statuses[raw] : CStrings.unknownStatus
}

/// The message of the last failed call on the calling thread.
///
/// Never NULL (empty when no call has failed yet). The string belongs to the
/// library and stays valid until the next failing call on the same thread.
@c public func hone_last_error() -> UnsafePointer<CChar> {
  LastError.current
}

/// Releases memory that the library returned to the caller. NULL is ignored.
@c public func hone_free(_ p: UnsafeMutableRawPointer?) {
  free(p)
}
