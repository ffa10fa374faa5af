import XCTest

@testable import HeaderGen

/// Rule 4: the spellings of exported functions and their docs.
final class FunctionTests: XCTestCase {
  private let handles = """
    public typealias hone_study = OpaquePointer
    @c public enum hone_status: Int32 {
      case HONE_OK = 0
    }

    """

  /// The declarations after the handle and enum of `handles`.
  private func functions(_ source: String) throws -> String {
    let all = try declarations(handles + source)
    let marker = "} hone_status;\n\n"
    guard let range = all.firstRange(of: marker) else { return all }
    return String(all[range.upperBound...])
  }

  func testMultiLineFunctionWithDocs() throws {
    let source = """
      /// Asks the study for the next trial.
      ///
      /// - Parameters:
      ///   - out_trial: Receives the id of the new trial.
      ///   - study: The study to ask.
      /// - Returns: `HONE_OK` on success.
      @c public func hone_study_ask(
        _ out_trial: UnsafeMutablePointer<Int64>?,
        _ study: hone_study?
      ) -> hone_status {
        guard let out_trial, let study else { return .HONE_OK }
        _ = (out_trial, study)
        return .HONE_OK
      }
      """
    XCTAssertEqual(
      try functions(source),
      """
      /**
       * Asks the study for the next trial.
       *
       * @param out_trial Receives the id of the new trial.
       * @param study The study to ask.
       * @return `HONE_OK` on success.
       */
      hone_status hone_study_ask(int64_t *out_trial, hone_study *study);
      """)
  }

  func testOneLineFunction() throws {
    XCTAssertEqual(
      try functions("@c public func hone_study_free(_ study: hone_study?) { }\n"),
      "void hone_study_free(hone_study *study);")
  }

  func testCNameInParenthesesIsTheExportedName() throws {
    let source = """
      /// Tells a result.
      @c(hone_study_tell) public func studyTell(_ study: hone_study?, _ value: Double) -> hone_status {
        .HONE_OK
      }
      """
    XCTAssertEqual(
      try functions(source),
      """
      /** Tells a result. */
      hone_status hone_study_tell(hone_study *study, double value);
      """)
  }

  func testCdeclSpelling() throws {
    let source = """
      /// The number of trials.
      @_cdecl("hone_study_count") public func studyCount(_ study: hone_study?) -> Int64 { 0 }
      """
    XCTAssertEqual(
      try functions(source),
      """
      /** The number of trials. */
      int64_t hone_study_count(hone_study *study);
      """)
  }

  func testOtherAttributesAreIgnoredWhereverTheyAre() throws {
    let source = """
      /// Documented above the attributes.
      @discardableResult
      @inline(never)
      @c public func hone_a(_ x: Int32) -> Int32 { x }

      @available(*, deprecated, message: "use hone_a")
      @c(hone_b) @inline(__always) public func b() {}
      """
    XCTAssertEqual(
      try functions(source),
      """
      /** Documented above the attributes. */
      int32_t hone_a(int32_t x);

      void hone_b(void);
      """)
  }

  func testNoParametersAndVoidSpellings() throws {
    let source = """
      @c public func hone_init() {}
      @c public func hone_reset() -> Void {}
      @c public func hone_clear() -> () {}
      """
    XCTAssertEqual(
      try functions(source),
      """
      void hone_init(void);

      void hone_reset(void);

      void hone_clear(void);
      """)
  }

  func testParameterLabelsAndUnnamedParameters() throws {
    let source = """
      @c public func hone_labels(count n: Int32, _ _: Double, value: Float) {}
      """
    XCTAssertEqual(try functions(source), "void hone_labels(int32_t n, double, float value);")
  }

  func testDefaultValuesAreIgnored() throws {
    let source = """
      @c public func hone_defaults(_ study: hone_study? = nil, _ n: Int32 = (1 + 2), _ x: Double) {}
      """
    XCTAssertEqual(try functions(source), "void hone_defaults(hone_study *study, int32_t n, double x);")
  }

  func testLongPrototypeIsSplitOneParameterPerLine() throws {
    let source = """
      @c public func hone_study_create_with_options(_ out_study: UnsafeMutablePointer<hone_study?>?, _ name: UnsafePointer<CChar>?, _ seed: UInt64) -> hone_status { .HONE_OK }
      """
    XCTAssertEqual(
      try functions(source),
      """
      hone_status hone_study_create_with_options(
          hone_study **out_study,
          const char *name,
          uint64_t seed);
      """)
  }

  func testSwiftMarkupBecomesDoxygen() throws {
    let source = """
      /// Copies a name.
      ///
      /// Longer discussion that mentions ``hone_study``.
      /// - Parameter dst: The buffer to fill,
      ///   which must hold `capacity` bytes.
      /// - Parameter capacity: Its size.
      /// - Returns: The length of the name.
      /// - Note: The copy is NUL-terminated.
      /// - Precondition: `dst` is not NULL.
      @c public func hone_copy_name(_ dst: UnsafeMutablePointer<CChar>?, _ capacity: UInt) -> UInt { 0 }
      """
    XCTAssertEqual(
      try functions(source),
      """
      /**
       * Copies a name.
       *
       * Longer discussion that mentions `hone_study`.
       *
       * @param dst The buffer to fill,
       *   which must hold `capacity` bytes.
       * @param capacity Its size.
       * @return The length of the name.
       * @note The copy is NUL-terminated.
       * @pre `dst` is not NULL.
       */
      size_t hone_copy_name(char *dst, size_t capacity);
      """)
  }
}
