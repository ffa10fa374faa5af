import XCTest

@testable import HeaderGen

/// Rule 5: every Swift type the C ABI may use, and its C spelling.
final class TypeMappingTests: XCTestCase {
  /// The C declaration of parameter `x` of the given Swift type, with the handle
  /// `hone_study` and the enum `hone_trial_state` declared.
  private func mapped(_ swiftType: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
    let source = """
      public typealias hone_study = OpaquePointer
      @c public enum hone_trial_state: Int32 {
        case HONE_TRIAL_RUNNING = 0
      }
      @c public func hone_f(_ x: \(swiftType)) {}
      """
    let text = try declarations(source)
    guard let start = text.firstRange(of: "void hone_f("), let end = text.firstRange(of: ");", range: start.upperBound)
    else {
      XCTFail("no prototype in:\n\(text)", file: file, line: line)
      return ""
    }
    return String(text[start.upperBound..<end.lowerBound])
  }

  func testScalars() throws {
    let expected: [(String, String)] = [
      ("Int32", "int32_t x"), ("Int64", "int64_t x"), ("UInt32", "uint32_t x"),
      ("UInt64", "uint64_t x"), ("UInt", "size_t x"), ("Int", "ptrdiff_t x"),
      ("Double", "double x"), ("Float", "float x"), ("Bool", "bool x"), ("CChar", "char x"),
      ("UInt8", "uint8_t x"), ("Int8", "int8_t x"), ("Int16", "int16_t x"), ("UInt16", "uint16_t x"),
      ("CInt", "int x"), ("Swift.Int32", "int32_t x"),
    ]
    for (swift, c) in expected {
      XCTAssertEqual(try mapped(swift), c, swift)
    }
  }

  func testPointers() throws {
    let expected: [(String, String)] = [
      ("UnsafePointer<Double>?", "const double *x"),
      ("UnsafeMutablePointer<Double>?", "double *x"),
      ("UnsafeMutablePointer<Double>", "double *x"),
      ("UnsafeRawPointer?", "const void *x"),
      ("UnsafeMutableRawPointer?", "void *x"),
      ("OpaquePointer?", "void *x"),
      ("UnsafeMutablePointer<OpaquePointer?>?", "void **x"),
      ("UnsafePointer<Void>?", "const void *x"),
      ("UnsafePointer<UInt8>?", "const uint8_t *x"),
      ("UnsafeMutablePointer<Bool>?", "bool *x"),
    ]
    for (swift, c) in expected {
      XCTAssertEqual(try mapped(swift), c, swift)
    }
  }

  func testStrings() throws {
    let expected: [(String, String)] = [
      ("UnsafePointer<CChar>?", "const char *x"),
      ("UnsafeMutablePointer<CChar>?", "char *x"),
      ("UnsafePointer<UnsafePointer<CChar>?>?", "const char *const *x"),
      ("UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?", "char **x"),
      ("UnsafeMutablePointer<UnsafePointer<CChar>?>?", "const char **x"),
      ("UnsafePointer<UnsafeMutablePointer<CChar>?>?", "char *const *x"),
    ]
    for (swift, c) in expected {
      XCTAssertEqual(try mapped(swift), c, swift)
    }
  }

  func testHandlesAndEnums() throws {
    let expected: [(String, String)] = [
      ("hone_study?", "hone_study *x"),
      ("hone_study", "hone_study *x"),
      ("UnsafeMutablePointer<hone_study?>?", "hone_study **x"),
      ("UnsafePointer<hone_study?>?", "hone_study *const *x"),
      ("hone_trial_state", "hone_trial_state x"),
      ("UnsafeMutablePointer<hone_trial_state>?", "hone_trial_state *x"),
      ("UnsafePointer<hone_trial_state>?", "const hone_trial_state *x"),
    ]
    for (swift, c) in expected {
      XCTAssertEqual(try mapped(swift), c, swift)
    }
  }

  func testReturnTypes() throws {
    let source = """
      public typealias hone_study = OpaquePointer
      @c public func hone_a() -> UnsafePointer<CChar>? { nil }
      @c public func hone_b() -> hone_study? { nil }
      @c public func hone_c() -> Bool { true }
      @c public func hone_d() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? { nil }
      """
    XCTAssertEqual(
      try declarations(source),
      """
      typedef struct hone_study hone_study;

      const char *hone_a(void);

      hone_study *hone_b(void);

      bool hone_c(void);

      char **hone_d(void);
      """)
  }

  func testCTypeSpelling() {
    let constChar = CType.pointer(to: .named("char"), constPointee: true)
    XCTAssertEqual(constChar.spelling, "const char *")
    XCTAssertEqual(CType.pointer(to: constChar, constPointee: true).declaration(of: "names"), "const char *const *names")
    XCTAssertEqual(CType.named("double").declaration(of: "x"), "double x")
    XCTAssertEqual(CType.void.declaration(of: nil), "void")
  }
}

extension String {
  /// The first range of `needle` at or after `start`.
  fileprivate func firstRange(of needle: String, range start: String.Index) -> Range<String.Index>? {
    self[start...].firstRange(of: needle)
  }
}
