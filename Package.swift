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
    // opens the libraries at run time (Sources/Hone/Linalg/BLASLibrary.swift). No
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
    .target(
      name: "Hone",
      dependencies: ["COpenBLAS", "CLAPACKE", "CCPUID", "CLibPQ", "CSQLite"],
      // Float.squareRoot() inlines C's __builtin_sqrtf; with errno semantics every
      // lane of a SIMD square root becomes a branch and a possible libm call.
      swiftSettings: [.unsafeFlags(["-Xcc", "-fno-math-errno"])]
    ),
    .target(
      name: "HoneC",
      dependencies: ["Hone"],
      linkerSettings: selfContained
    ),
    .target(
      name: "HeaderGen",
      dependencies: [
        .product(name: "SwiftSyntax", package: "swift-syntax"),
        .product(name: "SwiftParser", package: "swift-syntax"),
      ]
    ),
    .executableTarget(name: "hone-headergen", dependencies: ["HeaderGen"]),
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
    .testTarget(name: "HoneTests", dependencies: ["Hone"]),
    .testTarget(name: "HeaderGenTests", dependencies: ["HeaderGen"]),
  ]
)
