internal import HonePlatform
internal import COpenBLAS
internal import CLAPACKE

// OpenBLAS is opened at run time, not linked, so that Hone can choose its kernel.
//
// A DYNAMIC_ARCH OpenBLAS (Debian's) picks its kernel once, in its ELF
// constructor, by CPU family and model; it reads OPENBLAS_CORETYPE there and
// nowhere else. A CPU newer than its tables (0.3.21 on an Emerald Rapids
// Xeon) gets the generic Prescott kernel, 3–5× slower at sgemm than the
// AVX-512 one. As a DT_NEEDED dependency of libhone.so that constructor would
// run before any of Hone's code, and a constructor of Hone's own is no help:
// the loader runs dependencies' constructors first. So libhone.so does not link
// OpenBLAS; this file opens it with dlopen the first time BLAS is needed, and
// for that one call sets OPENBLAS_CORETYPE, the documented way to name a kernel.
// OpenBLAS's internal tables are never touched.
//
// The choice:
// - A user's OPENBLAS_CORETYPE always wins; Hone then sets nothing.
// - An OpenBLAS already in the process (the host linked it, or numpy loaded it
//   first) keeps the kernel it chose; dlopen would only return the same copy.
//   `BLASInfo.kernelSource` says "preloaded", so the host can see it.
// - Otherwise the CPU's features (CPUID, and XGETBV for what the OS saves)
//   name the kernel OpenBLAS's own feature tests give them, as its
//   gotoblas_dynamic_init does for a CPU it does not know: AVX-512 with BF16
//   → Cooperlake, AVX-512 (F, CD, BW, DQ, VL) → SkylakeX, AVX2 + FMA → Haswell
//   (Zen on AMD and Hygon), anything less → nothing, and OpenBLAS decides. A
//   CPU OpenBLAS does recognize gets the kernel it would have picked itself.
//   0.3.21's name table lacks "Cooperlake", but its fallback for an unknown
//   name then tests the features the same way and lands on Cooperlake; the
//   kernel in force is read back with openblas_get_corename and recorded.
// - setenv and the matching unsetenv bracket the dlopen, so the environment of
//   the host and of its children is left as it was. The trade-off: a thread that
//   calls getenv or setenv in that instant races with it (glibc's environment
//   is not synchronized for readers). The window is one dlopen, once per
//   process, and `import hone` and the first BLAS call usually come before a
//   host starts threads; the alternatives (patching OpenBLAS's tables, or a
//   private OpenBLAS build) would be worse.
//
// Failures never trap. Every routine that calls BLAS or LAPACK already throws,
// so each one throws the load error (a `.state` error with dlerror's text);
// there is no need to load eagerly at Study, MLP or GP entry points. The one
// non-throwing user, `BLASThreads`, does nothing and reports 1 thread without a
// library, and the BLAS call that follows throws. The outcome is computed once
// per process, under Swift's thread-safe lazy initialization of globals.

// The dynamic linker's naming, by operating system rather than C library: the
// shim declares hone_dladdr under the same __linux__ test.
#if os(Linux)
private let libraryNames = (openBLAS: "libopenblas.so.0", lapacke: "liblapacke.so.3")

/// The path of the file that defines the loaded symbol at `address`.
private func file(defining address: UnsafeMutableRawPointer) -> String? {
  var info = hone_dl_info()
  guard hone_dladdr(address, &info) != 0, let name = info.dli_fname else { return nil }
  return String(cString: name)
}
#elseif canImport(Darwin)
private let libraryNames = (openBLAS: "libopenblas.0.dylib", lapacke: "liblapacke.3.dylib")

/// The path of the file that defines the loaded symbol at `address`.
private func file(defining address: UnsafeMutableRawPointer) -> String? {
  var info = Dl_info()
  guard dladdr(address, &info) != 0, let name = info.dli_fname else { return nil }
  return String(cString: name)
}
#endif

/// The environment variable OpenBLAS reads its kernel name from.
private let coreTypeVariable = "OPENBLAS_CORETYPE"

/// The CBLAS and OpenBLAS entry points Hone calls, resolved from libopenblas.
struct CBLASFunctions: @unchecked Sendable {
  let sgemm: hone_cblas_sgemm_fn
  let dgemm: hone_cblas_dgemm_fn
  let dgemv: hone_cblas_dgemv_fn
  let dsyrk: hone_cblas_dsyrk_fn
  let dtrsm: hone_cblas_dtrsm_fn
  let dtrmm: hone_cblas_dtrmm_fn
  let setNumThreads: hone_openblas_set_num_threads_fn
  let getNumThreads: hone_openblas_get_num_threads_fn
  let getConfig: hone_openblas_get_config_fn
  let getCorename: hone_openblas_get_corename_fn
}

/// The LAPACKE entry points Hone calls, resolved from liblapacke.
struct LAPACKEFunctions: @unchecked Sendable {
  let dpotrf: hone_lapacke_dpotrf_work_fn
  let dpotrs: hone_lapacke_dpotrs_work_fn
  let dpotri: hone_lapacke_dpotri_work_fn
  let dlauum: hone_lapacke_dlauum_work_fn
  let dsyevd: hone_lapacke_dsyevd_fn
}

/// Who chose the OpenBLAS kernel in force.
public enum BLASKernelSource: String, Sendable {
  /// Hone, from the CPU's features, through OPENBLAS_CORETYPE during its dlopen.
  case hone
  /// The user, who had set OPENBLAS_CORETYPE.
  case user
  /// OpenBLAS itself: Hone saw no feature it maps to a kernel.
  case openblas
  /// Whoever loaded OpenBLAS into the process before Hone did.
  case preloaded
}

/// The BLAS and LAPACK libraries Hone loaded and the kernel OpenBLAS runs.
public struct BLASInfo: Sendable, Equatable {
  /// The file OpenBLAS was loaded from.
  public var libraryPath: String
  /// The file LAPACKE was loaded from, or nil when it failed to load.
  public var lapackePath: String?
  /// The message of LAPACKE's load failure, or nil when it loaded.
  public var lapackeError: String?
  /// The OpenBLAS version, e.g. "0.3.21", from its configuration string.
  public var version: String
  /// `openblas_get_config()`, e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY SkylakeX MAX_THREADS=64".
  public var config: String
  /// `openblas_get_corename()`: the kernel in force, e.g. "SkylakeX".
  public var kernel: String
  /// Who chose the kernel.
  public var kernelSource: BLASKernelSource
  /// The value OPENBLAS_CORETYPE had while OpenBLAS loaded (Hone's or the user's); nil when unset or preloaded.
  public var requestedKernel: String?
  /// Whether the kernel in force is the requested one (compared case-insensitively); nil when none was requested.
  public var requestedKernelTook: Bool?
  /// The OpenBLAS thread count now in force.
  public var threads: Int
  /// The CPU features Hone read.
  public var cpu: CPUFeatures
}

/// OpenBLAS and LAPACKE, opened once per process with the kernel chosen first; see the comment at the top.
public enum BLASLibrary {
  /// The OpenBLAS kernel OpenBLAS's own feature tests give `cpu`, or nil to leave the choice to OpenBLAS.
  static func kernel(for cpu: CPUFeatures) -> String? {
    if cpu.usableAVX512 { return cpu.avx512bf16 ? "Cooperlake" : "SkylakeX" }
    if cpu.usableAVX2 { return ["AuthenticAMD", "HygonGenuine"].contains(cpu.vendor) ? "Zen" : "Haswell" }
    return nil
  }

  /// The CBLAS entry points, loading OpenBLAS on first use; throws `.state` when it cannot be loaded.
  @inline(__always)
  static func cblas() throws(HoneError) -> CBLASFunctions { try loaded.cblas.get() }

  /// The LAPACKE entry points, loading OpenBLAS and LAPACKE on first use; throws `.state` when either cannot be loaded.
  @inline(__always)
  static func lapacke() throws(HoneError) -> LAPACKEFunctions { try loaded.lapacke.get() }

  /// What was loaded and which kernel runs, loading OpenBLAS on first use.
  ///
  /// Calling it early, before anything else in the process loads OpenBLAS,
  /// lets Hone's kernel choice apply. Throws `.state` when OpenBLAS cannot be loaded.
  public static func info() throws(HoneError) -> BLASInfo {
    var info = try loaded.info.get()
    info.threads = Int(try BLASLibrary.cblas().getNumThreads())
    return info
  }
}

/// The outcome of loading, computed once.
private struct Loaded: Sendable {
  var cblas: Result<CBLASFunctions, HoneError>
  var lapacke: Result<LAPACKEFunctions, HoneError>
  var info: Result<BLASInfo, HoneError>
}

private let loaded = load()

/// dlerror's message, which also clears it.
private func loaderError() -> String {
  guard let message = dlerror() else { return "no message from the loader" }
  return String(cString: message)
}

/// Resolves `name` in `handle` as a function of type `T`.
private func function<T>(_ handle: UnsafeMutableRawPointer, _ name: String, _ library: String) throws(HoneError) -> T {
  guard let address = dlsym(handle, name) else {
    throw .state("BLAS is unavailable: \(library) has no \(name) (\(loaderError()))")
  }
  return unsafeBitCast(address, to: T.self)
}

/// Opens OpenBLAS, choosing its kernel first when nobody else has, then LAPACKE.
private func load() -> Loaded {
  let cpu = CPUFeatures.current
  let name = libraryNames.openBLAS
  var source = BLASKernelSource.preloaded
  var requested: String?
  var handle = dlopen(name, RTLD_NOW | RTLD_NOLOAD)
  if handle == nil {
    _ = dlerror()
    if let user = getenv(coreTypeVariable) {
      source = .user
      requested = String(cString: user)
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
    } else if let kernel = BLASLibrary.kernel(for: cpu) {
      source = .hone
      requested = kernel
      setenv(coreTypeVariable, kernel, 1)
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
      unsetenv(coreTypeVariable)
    } else {
      source = .openblas
      handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
    }
  }
  guard let handle else {
    let error = HoneError.state("BLAS is unavailable: cannot load \(name): \(loaderError()) (install libopenblas0)")
    return Loaded(cblas: .failure(error), lapacke: .failure(error), info: .failure(error))
  }
  let cblas: CBLASFunctions
  do {
    cblas = CBLASFunctions(
      sgemm: try function(handle, "cblas_sgemm", name),
      dgemm: try function(handle, "cblas_dgemm", name),
      dgemv: try function(handle, "cblas_dgemv", name),
      dsyrk: try function(handle, "cblas_dsyrk", name),
      dtrsm: try function(handle, "cblas_dtrsm", name),
      dtrmm: try function(handle, "cblas_dtrmm", name),
      setNumThreads: try function(handle, "openblas_set_num_threads", name),
      getNumThreads: try function(handle, "openblas_get_num_threads", name),
      getConfig: try function(handle, "openblas_get_config", name),
      getCorename: try function(handle, "openblas_get_corename", name))
  } catch {
    return Loaded(cblas: .failure(error), lapacke: .failure(error), info: .failure(error))
  }
  let (lapacke, lapackePath) = loadLAPACKE()

  let kernel = cblas.getCorename().map { String(cString: $0) } ?? ""
  let config = cblas.getConfig().map { String(cString: $0) } ?? ""
  let words = config.split(separator: " ")
  let version = zip(words, words.dropFirst()).first { $0.0 == "OpenBLAS" }.map { String($0.1) } ?? ""
  let info = BLASInfo(
    libraryPath: dlsym(handle, "cblas_sgemm").flatMap(file(defining:)) ?? name,
    lapackePath: lapackePath,
    lapackeError: { if case .failure(let e) = lapacke { return e.message } else { return nil } }(),
    version: version,
    config: config.trimmingSpaces,
    kernel: kernel,
    kernelSource: source,
    requestedKernel: requested,
    requestedKernelTook: requested.map { $0.lowercased() == kernel.lowercased() },
    threads: Int(cblas.getNumThreads()),
    cpu: cpu)
  return Loaded(cblas: .success(cblas), lapacke: lapacke, info: .success(info))
}

/// Opens LAPACKE, whose own dependency liblapack reaches the OpenBLAS already loaded, and finds its path.
private func loadLAPACKE() -> (Result<LAPACKEFunctions, HoneError>, path: String?) {
  let name = libraryNames.lapacke
  guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
    return (.failure(.state("LAPACK is unavailable: cannot load \(name): \(loaderError()) (install liblapacke)")), nil)
  }
  do {
    let functions = LAPACKEFunctions(
      dpotrf: try function(handle, "LAPACKE_dpotrf_work", name),
      dpotrs: try function(handle, "LAPACKE_dpotrs_work", name),
      dpotri: try function(handle, "LAPACKE_dpotri_work", name),
      dlauum: try function(handle, "LAPACKE_dlauum_work", name),
      dsyevd: try function(handle, "LAPACKE_dsyevd", name))
    return (.success(functions), dlsym(handle, "LAPACKE_dpotrf_work").flatMap(file(defining:)) ?? name)
  } catch {
    return (.failure(error), nil)
  }
}

extension String {
  /// The string without leading and trailing spaces.
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
