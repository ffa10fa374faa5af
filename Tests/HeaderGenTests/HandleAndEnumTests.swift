import XCTest

@testable import HeaderGen

/// Rules 2 and 3: opaque handles and `@c` enums.
final class HandleAndEnumTests: XCTestCase {
  func testOpaqueHandleBecomesIncompleteStructTypedef() throws {
    let source = """
      /// A study: the search space and its trials.
      public typealias hone_study = OpaquePointer
      """
    XCTAssertEqual(
      try declarations(source),
      """
      /** A study: the search space and its trials. */
      typedef struct hone_study hone_study;
      """)
  }

  func testHandleWithoutDocHasNoComment() throws {
    XCTAssertEqual(
      try declarations("public typealias hone_trial = OpaquePointer\n"),
      "typedef struct hone_trial hone_trial;")
  }

  func testEnumWithCaseDocs() throws {
    let source = """
      /// The result of every call.
      ///
      /// Zero is success.
      @c public enum hone_status: Int32 {
        /// The call succeeded.
        case HONE_OK = 0
        /// An argument is invalid.
        /// It names the argument.
        case HONE_ERR_INVALID_ARGUMENT = 1
        case HONE_ERR_INTERNAL = 99
      }
      """
    XCTAssertEqual(
      try declarations(source),
      """
      /**
       * The result of every call.
       *
       * Zero is success.
       */
      typedef enum hone_status {
        /** The call succeeded. */
        HONE_OK = 0,
        /**
         * An argument is invalid.
         * It names the argument.
         */
        HONE_ERR_INVALID_ARGUMENT = 1,
        HONE_ERR_INTERNAL = 99
      } hone_status;
      """)
  }

  func testEnumValuesNegativeHexAndSeparators() throws {
    let source = """
      @c public enum hone_flags: Int32 {
        case HONE_NEGATIVE = -2
        case HONE_HEX = 0x7F
        case HONE_BIG = 1_000_000
        case HONE_BINARY = 0b101
        case HONE_MIN = -2147483648
      }
      """
    XCTAssertEqual(
      try declarations(source),
      """
      typedef enum hone_flags {
        HONE_NEGATIVE = -2,
        HONE_HEX = 0x7F,
        HONE_BIG = 1000000,
        HONE_BINARY = 5,
        HONE_MIN = -2147483648
      } hone_flags;
      """)
  }

  func testEnumMembersOtherThanCasesAreSkipped() throws {
    let source = """
      @c public enum hone_direction: Int32, Sendable {
        case HONE_MINIMIZE = 0, HONE_MAXIMIZE = 1

        /// Not a case.
        public var isMinimize: Bool {
          switch self {
          case .HONE_MINIMIZE: return true
          case .HONE_MAXIMIZE: return "}" == "{"
          }
        }

        static func parse(_ text: String) -> hone_direction? { nil }
      }
      """
    XCTAssertEqual(
      try declarations(source),
      """
      typedef enum hone_direction {
        HONE_MINIMIZE = 0,
        HONE_MAXIMIZE = 1
      } hone_direction;
      """)
  }

  func testCNameInParenthesesNamesTheEnum() throws {
    let source = """
      @c(hone_direction) public enum Direction: Int32 {
        case HONE_MINIMIZE = 0
      }
      @c public func hone_set(_ direction: Direction) {}
      """
    XCTAssertEqual(
      try declarations(source),
      """
      typedef enum hone_direction {
        HONE_MINIMIZE = 0
      } hone_direction;

      void hone_set(hone_direction direction);
      """)
  }

  func testScalarTypeAliasBecomesTypedef() throws {
    let source = """
      /// A trial id.
      public typealias hone_trial_id = Int64
      @c public func hone_last(_ out: UnsafeMutablePointer<hone_trial_id>?) {}
      """
    XCTAssertEqual(
      try declarations(source),
      """
      /** A trial id. */
      typedef int64_t hone_trial_id;

      void hone_last(hone_trial_id *out);
      """)
  }

  func testCallbackTypeAliasBecomesFunctionPointerTypedef() throws {
    let source = """
      /// An objective function.
      public typealias hone_objective = @convention(c) (
        _ user_data: UnsafeMutableRawPointer?, _ x: Double
      ) -> Double
      public typealias hone_name_fn = @convention(c) () -> UnsafePointer<CChar>?
      @c public func hone_run(_ objective: hone_objective?, _ name: hone_name_fn) {}
      """
    XCTAssertEqual(
      try declarations(source),
      """
      /** An objective function. */
      typedef double (*hone_objective)(void *user_data, double x);

      typedef const char *(*hone_name_fn)(void);

      void hone_run(hone_objective objective, hone_name_fn name);
      """)
  }
}
