// swift-tools-version:6.0
import PackageDescription

/// Linker flags that make `libhone.so` loadable by hosts without a Swift toolchain.
let selfContained: [LinkerSetting] = [
  .unsafeFlags([
    "-static-stdlib", "-Xlinker", "-soname=libhone.so.0",
    "-Xlinker", "--version-script=scripts/libhone.map",
  ]),
]

let package = Package(
  name: "Hone",
  products: [
    .library(name: "Hone", targets: ["Hone"]),
    .library(name: "hone", type: .dynamic, targets: ["HoneC"]),
    .executable(name: "hone-headergen", targets: ["hone-headergen"]),
  ],
  dependencies: [
    // The header generator's Swift parser: a dependency of HeaderGen only, never of libhone.so.
    .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
  ],
  targets: [
    // OpenBLAS and LAPACKE headers only (libopenblas-dev, liblapacke-dev): libhone
    // opens the libraries at run time (Sources/HoneNumerics/Linalg/BLASLibrary.swift). No
    // pkg-config, whose --libs would link them; cblas.h is found on the multiarch
    // include path, where Debian's alternatives put the chosen flavour's.
    .systemLibrary(name: "COpenBLAS"),
    .systemLibrary(name: "CLAPACKE"),
    // CPUID and XGETBV as static inline C: no library.
    .systemLibrary(name: "CCPUID"),
    .systemLibrary(
      name: "CLibPQ",
      pkgConfig: "libpq",
      providers: [.apt(["libpq-dev"])]
    ),
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    // The layers, lowest first; each sees only the ones below it.
    //
    // HonePlatform is one file that re-exports the C library (Glibc, Musl or
    // Darwin), so no other file names a platform. Every target imports it
    // internally, which keeps the C library out of `import Hone`.
    //
    // HoneSupport holds what every layer shares: HoneError, JSON and its object
    // reader, Xoshiro256, Lock and WallClock. HoneError lives here rather than
    // beside a second error type that the numerics would map into it: the
    // numerics fail with the same categories the C ABI reports (bad argument,
    // numeric, out of memory, state), so a second type would be a copy and its
    // mapping a switch of identities. The C boundary stays the one place that
    // maps HoneError to a status.
    //
    // HoneNumerics is the linear algebra, the Gaussian process and the MLP, with
    // the BLAS, LAPACK and CPUID modules that only they call. It cannot see a
    // study, a sampler or storage; GPSampler and Study+MLP in Hone drive it
    // through its public API (GaussianProcess, MLPModel, SobolSequence). What a
    // higher layer needs and users should not see is `package`, as HoneSupport's
    // JSONObjectReader, CRC32 and entropySeed are.
    .target(name: "HonePlatform"),
    .target(name: "HoneSupport", dependencies: ["HonePlatform"]),
    .target(
      name: "HoneNumerics",
      dependencies: ["HonePlatform", "HoneSupport", "COpenBLAS", "CLAPACKE", "CCPUID"],
      // Float.squareRoot() inlines C's __builtin_sqrtf; with errno semantics every
      // lane of a SIMD square root becomes a branch and a possible libm call.
      // Cross-module optimization lets Hone specialize the generic entry points
      // (GaussianProcess.fit and GPAcquisitionOptimizer.maximize, generic over the
      // random generator) for Xoshiro256, as it did when they were one module.
      swiftSettings: [
        .unsafeFlags(["-Xcc", "-fno-math-errno"]),
        .unsafeFlags(["-cross-module-optimization"], .when(configuration: .release)),
      ]
    ),
    // Hone re-exports HoneSupport and HoneNumerics (Sources/Hone/Exports.swift):
    // HoneError, JSON, Matrix and the MLP types are part of `import Hone`.
    .target(
      name: "Hone",
      dependencies: ["HonePlatform", "HoneSupport", "HoneNumerics", "CLibPQ", "CSQLite"]
    ),
    .target(
      name: "HoneC",
      dependencies: ["HonePlatform", "Hone"],
      linkerSettings: selfContained
    ),
    .target(
      name: "HeaderGen",
      dependencies: [
        "HonePlatform",
        .product(name: "SwiftSyntax", package: "swift-syntax"),
        .product(name: "SwiftParser", package: "swift-syntax"),
      ]
    ),
    .executableTarget(name: "hone-headergen", dependencies: ["HonePlatform", "HeaderGen"]),
    .executableTarget(
      name: "swift-quickstart",
      dependencies: ["Hone"],
      path: "examples/swift/Quickstart"
    ),
    .executableTarget(
      name: "cross-host-swift",
      dependencies: ["Hone"],
      path: "Tests/CrossHost/Swift"
    ),
    // The numerics' own tests, which see no study either.
    .testTarget(name: "HoneNumericsTests", dependencies: ["HonePlatform", "HoneSupport", "HoneNumerics"]),
    .testTarget(name: "HoneTests", dependencies: ["HonePlatform", "Hone", "CSQLite"]),
    .testTarget(name: "HeaderGenTests", dependencies: ["HonePlatform", "HeaderGen"]),
  ]
)
