import XCTest

@testable import HeaderGen

/// Declarations that cannot be exported stop generation with a message naming file, line and column.
final class ErrorTests: XCTestCase {
  func testUnknownTypeNamesFileAndLine() {
    let source = """
      import Hone

      /// Uses a type nobody declared.
      @c public func hone_f(
        _ ok: Int32,
        _ bad: UnsafeMutablePointer<hone_mystery>?
      ) {}
      """
    let error = generationError(source)
    XCTAssertEqual(error?.file, "Sources/HoneC/Bad.swift")
    XCTAssertEqual(error?.line, 6)
    XCTAssertEqual(error?.column, 3)
    XCTAssertEqual(error?.severity, .error)
    XCTAssertTrue(
      error?.description.hasPrefix(
        "Sources/HoneC/Bad.swift:6:3: error: parameter 'bad' of 'hone_f': unknown type 'hone_mystery'") ?? false,
      error?.description ?? "")
  }

  func testUnknownReturnType() {
    let error = generationError("\n@c public func hone_f() -> String { \"\" }\n")
    XCTAssertEqual(error?.line, 2)
    XCTAssertTrue(error?.message.contains("unknown type 'String'") ?? false, error?.message ?? "")
  }

  func testErrorIsReportedInTheRightFile() {
    let good = ("Sources/HoneC/A.swift", "public typealias hone_study = OpaquePointer\n")
    let bad = ("Sources/HoneC/B.swift", "\n\n@c public func hone_f(_ s: hone_stud?) {}\n")
    let error = generationError([good, bad])
    XCTAssertEqual(error.map { "\($0.file):\($0.line)" }, "Sources/HoneC/B.swift:3")
  }

  func testUnparsableDeclarations() {
    let cases: [(String, Int, String)] = [
      ("@c public func hone_f(_ x Int32) {}", 1, "expected ':'"),
      ("@c public func hone_f<T>(_ x: T) {}", 1, "generic function"),
      ("@c public func hone_f() throws {}", 1, "'throws'"),
      ("@c public func hone_f() async {}", 1, "'async'"),
      ("@c public func hone_f(_ x: inout Int32) {}", 1, "inout"),
      ("\n@c public func hone_f(_ x: Int32)", 2, "expected '{'"),
      ("@c public func hone_f(_ x: [Int32]) {}", 1, "array"),
      ("@c public func hone_f(_ x: (Int32, Int32)) {}", 1, "tuple"),
      ("@c public func hone_f(_ x: Int32?) {}", 1, "only pointer types can be optional"),
      ("@c public func hone_f(_ x: Void) {}", 1, "Void"),
      ("@c public func hone_f(_ x: UnsafePointer) {}", 1, "exactly one generic argument"),
      ("@c public func hone_f(_ cb: @convention(c) () -> Void) {}", 1, "typealias"),
      ("@c public func hone_f(_ default: Int32) {}", 1, "keyword"),
      ("@c public func hone_f(_ x: Int32, _ x: Int32) {}", 1, "used twice"),
      ("@c(1bad) public func f() {}", 1, "@c(c_name)"),
      ("@_cdecl(hone_f) public func f() {}", 1, "@_cdecl(\"c_name\")"),
      ("@c public struct hone_s {}", 1, "only supported on public functions and enums"),
      ("public typealias hone_t = String", 1, "unknown type 'String'"),
      ("public typealias hone_cb = (Int32) -> Void", 1, "@convention(c)"),
    ]
    for (source, line, fragment) in cases {
      let error = generationError(source)
      XCTAssertEqual(error?.line, line, source)
      XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(source): \(error?.message ?? "no error")")
    }
  }

  func testEnumErrors() {
    let cases: [(String, Int, String)] = [
      ("@c public enum hone_e: Int32 {\n  case A = 0\n  case B\n}", 3, "needs an explicit raw value"),
      ("@c public enum hone_e {\n  case A\n}", 1, "integer raw type"),
      ("@c public enum hone_e: Int64 {\n  case A = 0\n}", 1, "must be Int32"),
      ("@c public enum hone_e: Int32 {\n  case A = 3000000000\n}", 2, "does not fit"),
      ("@c public enum hone_e: Int32 {\n  case A = \"a\"\n}", 2, "integer literal"),
      ("@c public enum hone_e: Int32 {\n  case A(Int32)\n}", 2, "associated values"),
      ("@c public enum hone_e: Int32 {\n}", 1, "no cases"),
      ("@c public enum hone_e: Int32 {\n  case A = 0\n", 3, "unterminated body"),
    ]
    for (source, line, fragment) in cases {
      let error = generationError(source)
      XCTAssertEqual(error?.line, line, source)
      XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(source): \(error?.message ?? "no error")")
    }
  }

  func testDuplicateNamesAreErrors() {
    let twice = generationError([
      ("Sources/HoneC/A.swift", "@c public func hone_f() {}\n"),
      ("Sources/HoneC/B.swift", "\n@c(hone_f) public func g() {}\n"),
    ])
    XCTAssertEqual(
      twice?.description,
      "Sources/HoneC/B.swift:2:24: error: C name 'hone_f' is declared again (first at Sources/HoneC/A.swift:1:16)")

    let enumerator = generationError(
      """
      @c public enum hone_a: Int32 { case HONE_X = 0 }
      @c public enum hone_b: Int32 { case HONE_X = 1 }
      """)
    XCTAssertEqual(enumerator?.line, 2)

    let shadowing = generationError(
      """
      public typealias hone_study = OpaquePointer
      @c public func hone_f(_ hone_study: hone_study?) {}
      """)
    XCTAssertTrue(shadowing?.message.contains("hides the type") ?? false, shadowing?.message ?? "")
  }

  func testBadVersionFile() {
    let version = SourceText(path: "Version.swift", text: "public static let major = 0\npublic static let minor = 1\n")
    XCTAssertThrowsError(try generateHeader([], version: version)) { error in
      XCTAssertEqual((error as? Diagnostic)?.description, "Version.swift:1: error: no 'static let' for patch found")
    }
    let tooBig = SourceText(
      path: "Version.swift", text: "static let major = 1\nstatic let minor = 1000\nstatic let patch = 0\n")
    XCTAssertThrowsError(try generateHeader([], version: tooBig)) { error in
      XCTAssertEqual((error as? Diagnostic)?.line, 2)
    }
  }
}
