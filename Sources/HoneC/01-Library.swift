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

internal import HonePlatform
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
  /// The sampler has nothing left to propose (a grid fully visited, a brute-force search done).
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

/// The BLAS Hone runs on, as a JSON object; loads OpenBLAS and LAPACKE on first use.
///
/// Hone opens OpenBLAS at run time and, unless OPENBLAS_CORETYPE is set or
/// OpenBLAS is already in the process, first names the kernel that fits the
/// CPU's features (AVX-512 → SkylakeX or Cooperlake, AVX2 → Haswell or Zen),
/// restoring the environment afterwards. Call this early, before the host or
/// another library loads OpenBLAS, so that the choice applies.
///
/// The object: "library" (the OpenBLAS file), "lapacke" (its file, or null),
/// "lapacke_error" (null unless LAPACKE failed to load), "version", "config"
/// (openblas_get_config()), "kernel" (openblas_get_corename()),
/// "kernel_source" ("hone", "user" for OPENBLAS_CORETYPE, "openblas" when Hone
/// chose nothing, "preloaded" when OpenBLAS was loaded before Hone),
/// "requested_kernel" (the OPENBLAS_CORETYPE in force during the load, or null),
/// "requested_kernel_took" (whether "kernel" matches it, or null), "threads",
/// and "cpu": {"vendor", "features" (array of names such as "avx2",
/// "avx512f", "avx512_bf16"), "os_avx_state", "os_avx512_state"}.
/// Fails with HONE_STATE when OpenBLAS cannot be loaded.
///
/// - Parameter out_json: receives the text; release it with `hone_free`.
@c public func hone_blas_info(_ out_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_json, "out_json")
    try copyOut(try BLASLibrary.info().json.text, to: out)
  }
}

extension BLASInfo {
  /// The object `hone_blas_info` returns.
  fileprivate var json: JSON {
    let optional: (String?) -> JSON = { $0.map { .string($0) } ?? .null }
    return .object([
      ("library", .string(libraryPath)),
      ("lapacke", optional(lapackePath)),
      ("lapacke_error", optional(lapackeError)),
      ("version", .string(version)),
      ("config", .string(config)),
      ("kernel", .string(kernel)),
      ("kernel_source", .string(kernelSource.rawValue)),
      ("requested_kernel", optional(requestedKernel)),
      ("requested_kernel_took", requestedKernelTook.map { .bool($0) } ?? .null),
      ("threads", .number(Double(threads))),
      (
        "cpu",
        .object([
          ("vendor", .string(cpu.vendor)),
          ("features", .array(cpu.names.map { .string($0) })),
          ("os_avx_state", .bool(cpu.osAVXState)),
          ("os_avx512_state", .bool(cpu.osAVX512State)),
        ])
      ),
    ])
  }
}
