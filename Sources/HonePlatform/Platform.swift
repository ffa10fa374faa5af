/// The C library of the platform, re-exported: the one place in Hone that names it.
///
/// Every other target writes `internal import HonePlatform` and calls `exp`,
/// `pthread_mutex_lock` or `clock_gettime` unqualified, so a new platform is one
/// more branch here rather than one in each of two dozen files (swift-system
/// keeps its platform imports in one internal file the same way). The import
/// is internal in those targets, so `import Hone` re-exports no C library.
#if canImport(Glibc)
@_exported public import Glibc
#elseif canImport(Musl)
@_exported public import Musl
#elseif canImport(Darwin)
@_exported public import Darwin
#else
#error("Hone needs a C library: Glibc, Musl or Darwin")
#endif
