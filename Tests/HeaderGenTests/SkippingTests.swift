import XCTest

@testable import HeaderGen

/// Rule 6: everything that is not an exported declaration is skipped, however it is written.
final class SkippingTests: XCTestCase {
  func testBodiesWithNestedBracesStringsAndCommentsAreSkipped() throws {
    let source = #"""
      import Hone

      @c public func hone_a(_ x: Int32) -> Int32 {
        let open = "{ not a brace"
        let interpolated = "a \("nested \("deeper }")" + "{") b"
        let raw = #"raw "} \(not interpolation) { "#
        let multi = """
          } a multi-line string {
          with "quotes" and \(x + (1 * 2))
          """
        // a line comment with a brace }
        /* a block comment } with /* a nested one { */ still inside } */
        let regex = #/[{}]+/#
        if x > 0 {
          for i in 0..<3 { if i == 1 { continue } }
        }
        _ = (open, interpolated, raw, multi, regex)
        return x
      }

      /// Documented and exported.
      @c public func hone_b() {}
      """#
    XCTAssertEqual(
      try declarations(source),
      """
      int32_t hone_a(int32_t x);

      /** Documented and exported. */
      void hone_b(void);
      """)
  }

  func testNonPublicAndNonCDeclarationsAreSkipped() throws {
    let source = """
      private func helper() -> String { "@c public func hone_fake() {}" }
      func internalHelper() {}
      fileprivate let table: [Int32] = [1, 2,
        3]
      public func swiftOnly(_ x: Int) -> Int { x }
      public struct Options {
        public var value: Int32
        @c public func hone_inside_struct() {}
      }
      extension Int32 {
        public typealias hone_inside_extension = OpaquePointer
        @c public func hone_inside_extension_f() {}
      }
      public enum SwiftEnum: Int32 { case a = 0 }
      private typealias hone_private = OpaquePointer
      nonisolated(unsafe) private var counter = 0
      #if os(Linux)
      @c public func hone_kept() {}
      #endif
      """
    XCTAssertEqual(try declarations(source), "void hone_kept(void);")
  }

  func testNonPublicCFunctionIsSkippedWithWarning() throws {
    let source = """
      @c func hone_internal() {}
      @_cdecl("hone_private") private func privateOne() {}
      """
    let header = try generateHeader([("Sources/HoneC/Internal.swift", source)])
    XCTAssertEqual(declarationsPart(of: header.text), "")
    XCTAssertEqual(
      header.warnings.map(\.description),
      [
        "Sources/HoneC/Internal.swift:1:1: warning: @c function 'hone_internal' is not public; it is left out of the header",
        "Sources/HoneC/Internal.swift:2:1: warning: @c function 'privateOne' is not public; it is left out of the header",
      ])
  }

  func testDocOfSkippedDeclarationDoesNotLeak() throws {
    let source = """
      /// Doc of a private helper.
      private func helper() {}
      @c public func hone_a() {}
      """
    XCTAssertEqual(try declarations(source), "void hone_a(void);")
  }

  func testLinesAreCountedAcrossStringsAndComments() {
    let source = #"""
      let a = """
        one
        two
        """
      /* one
         two */
      let b = "\(")")"
      @c public func hone_c(_ s: String) {}
      """#
    let error = generationError(source)
    XCTAssertEqual(error?.line, 8)
    XCTAssertTrue(error?.message.contains("unknown type 'String'") ?? false, error?.message ?? "")
  }

  func testDocCommentsAttachAndDetach() throws {
    let source = """
      /// Detached.

      /// Attached, line one.
      // An ordinary comment does not detach it.
      /// Attached, line two.
      @c public func hone_f() {}
      //// Four slashes are not a doc comment.
      @c public func hone_g() {}
      /* Nor is a block comment. */
      @c public func hone_h() {}
      """
    XCTAssertEqual(
      try declarations(source),
      """
      /* ==========================================================================
       * Detached.
       * ======================================================================= */

      /**
       * Attached, line one.
       * Attached, line two.
       */
      void hone_f(void);

      void hone_g(void);

      void hone_h(void);
      """)
  }

  func testSyntaxErrorsAreRefusedEvenInSkippedCode() {
    let cases: [(String, Int, String)] = [
      ("let a = 1\nlet s = \"open\n", 2, "expected '\"'"),
      ("func helper() {\n  let x = (1, 2\n}\n", 2, "expected ')' in 'helper'"),
      ("struct Helper {\n  var x: Int\n", 3, "unterminated body of struct 'Helper'"),
    ]
    for (source, line, fragment) in cases {
      let error = generationError(source)
      XCTAssertEqual(error?.line, line, source)
      XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(source): \(error?.message ?? "no error")")
    }
  }
}
