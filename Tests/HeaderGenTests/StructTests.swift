import XCTest

@testable import HeaderGen

/// `public struct hone_...`: C structs of stored fields in the header and in `_abi.py`.
final class StructTests: XCTestCase {
  /// The shape of `hone_array`: a struct whose fields are a pointer, an enum and two sizes.
  private let array = """
    /// Element type of the values a `hone_array` points at.
    @c public enum hone_dtype: Int32 {
      /// 32-bit IEEE floats.
      case HONE_FLOAT32 = 0
      case HONE_FLOAT64 = 1
    }

    /// A dense row-major matrix that the caller owns.
    ///
    /// Hone reads it during the call only.
    public struct hone_array: Sendable {
      /// The first element; `rows * cols` of them follow.
      public var data: UnsafeRawPointer?
      /// The element type.
      public var dtype: hone_dtype
      public var rows: UInt
      /// The number of columns.
      public var cols: UInt = 0
    }
    """

  func testStructBecomesTypedefWithFieldDocs() throws {
    XCTAssertEqual(
      try declarations(array + "\n@c public func hone_fit(_ x: UnsafePointer<hone_array>?) {}"),
      """
      /** Element type of the values a `hone_array` points at. */
      typedef enum hone_dtype {
        /** 32-bit IEEE floats. */
        HONE_FLOAT32 = 0,
        HONE_FLOAT64 = 1
      } hone_dtype;

      /**
       * A dense row-major matrix that the caller owns.
       *
       * Hone reads it during the call only.
       */
      typedef struct hone_array {
        /** The first element; `rows * cols` of them follow. */
        const void *data;
        /** The element type. */
        hone_dtype dtype;
        size_t rows;
        /** The number of columns. */
        size_t cols;
      } hone_array;

      void hone_fit(const hone_array *x);
      """)
  }

  func testFieldTypesGoThroughTheTypeMapper() throws {
    let source = """
      public typealias hone_study = OpaquePointer
      public typealias hone_seed = UInt64
      public typealias hone_log_fn = @convention(c) (UnsafePointer<CChar>?) -> Void
      public struct hone_mixed {
        public var study: hone_study?
        public var name: UnsafePointer<CChar>?
        public var out: UnsafeMutablePointer<Double>?
        public var seed: hone_seed
        public var count: Int
        public var ok: Bool
        public var log: hone_log_fn?
      }
      """
    let text = try declarations(source)
    XCTAssertTrue(
      text.hasSuffix(
        """
        typedef struct hone_mixed {
          hone_study *study;
          const char *name;
          double *out;
          hone_seed seed;
          ptrdiff_t count;
          bool ok;
          hone_log_fn log;
        } hone_mixed;
        """), text)
  }

  func testStructFromALaterFileIsDeclaredBeforeItsFirstUse() throws {
    let header = try generateHeader([
      ("Sources/HoneC/A.swift", "@c public func hone_fit(_ x: UnsafePointer<hone_array>?) {}\n"),
      ("Sources/HoneC/B.swift", array),
    ])
    let text = declarationsPart(of: header.text)
    let order = ["typedef enum hone_dtype", "typedef struct hone_array", "void hone_fit"].map {
      text.firstRange(of: $0)?.lowerBound
    }
    XCTAssertFalse(order.contains(nil), text)
    XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), text)
    let python = header.pythonABI
    let pythonOrder = ["hone_dtype = c_int", "class hone_array(Structure):", "\"hone_fit\""].map {
      python.firstRange(of: $0)?.lowerBound
    }
    XCTAssertFalse(pythonOrder.contains(nil), python)
    XCTAssertEqual(pythonOrder.compactMap { $0 }, pythonOrder.compactMap { $0 }.sorted(), python)
  }

  func testPythonStructureAndPointerParameters() throws {
    let source =
      array + """

        @c public func hone_fit(_ x: UnsafePointer<hone_array>?, _ y: UnsafeMutablePointer<hone_array>?) {}
        """
    let text = try generateHeader([("Sources/HoneC/Fixture.swift", source)]).pythonABI
    XCTAssertTrue(
      text.contains(
        """
        hone_dtype = c_int


        class hone_array(Structure):
            _fields_ = [
                ("data", c_void_p),
                ("dtype", hone_dtype),
                ("rows", c_size_t),
                ("cols", c_size_t),
            ]


        HONE_FLOAT32 = 0
        """), text)
    XCTAssertTrue(text.contains("\n    \"hone_fit\": (None, [POINTER(hone_array), POINTER(hone_array)]),\n"), text)
    XCTAssertTrue(text.contains("\n    POINTER,\n    Structure,\n    c_int,\n"), text)
  }

  func testSwiftOnlyStructsAreSkipped() throws {
    let source = """
      public struct Options { public var value: Int32 { 0 } }
      struct hone_internal { var x: Int32 }
      @c public func hone_f() {}
      """
    let header = try generateHeader([("Sources/HoneC/Skip.swift", source)])
    XCTAssertEqual(declarationsPart(of: header.text), "void hone_f(void);")
    XCTAssertEqual(
      header.warnings.map(\.description),
      ["Sources/HoneC/Skip.swift:2:1: warning: struct 'hone_internal' is not public; it is left out of the header"])
  }

  func testStructsThatAreNotPlainStoredFieldsAreRefused() {
    let cases: [(String, Int, String)] = [
      ("public struct hone_s {\n  public var x: Int32 { 0 }\n}", 2, "computed property"),
      ("public struct hone_s {\n  public var x: Int32 = 0 {\n    didSet {}\n  }\n}", 2, "observers"),
      ("public struct hone_s {\n  public var x: Int32\n  public func f() {}\n}", 3, "'func'"),
      ("public struct hone_s {\n  public var x: Int32\n  public init() { x = 0 }\n}", 3, "'init'"),
      ("public struct hone_s {\n  var x: Int32\n}", 2, "is not public"),
      ("public struct hone_s {\n  private var x: Int32\n}", 2, "is not public"),
      ("public struct hone_s {\n  public let x: Int32\n}", 2, "'let'"),
      ("public struct hone_s {\n  public static var x: Int32 = 0\n}", 2, "static"),
      ("public struct hone_s {\n  public var x, y: Int32\n}", 2, "one field per 'var'"),
      ("public struct hone_s {\n  public var x: Int32 = 0, y: Int32\n}", 2, "one field per 'var'"),
      ("public struct hone_s {\n  public var x = 0\n}", 2, "explicit type"),
      ("public struct hone_s {\n  public var x: String\n}", 2, "field 'x' of struct 'hone_s': unknown type 'String'"),
      ("public struct hone_s {\n  public var x: Int32?\n}", 2, "only pointer types can be optional"),
      ("public struct hone_s {\n  public var x: Void\n}", 2, "Void"),
      ("public struct hone_s {\n  public var int: Int32\n}", 2, "keyword"),
      ("public struct hone_s {\n  public struct Inner {}\n}", 2, "'struct'"),
      ("public struct hone_s<T> {\n  public var x: Int32\n}", 1, "generic struct"),
      ("public struct hone_s {\n}", 1, "no fields"),
      ("public struct hone_s {\n  public var x: Int32\n", 3, "unterminated body"),
      ("@c public struct hone_s {\n  public var x: Int32\n}", 1, "plain 'public struct hone_name'"),
    ]
    for (source, line, fragment) in cases {
      let error = generationError(source)
      XCTAssertEqual(error?.line, line, source)
      XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(source): \(error?.message ?? "no error")")
    }
  }

  func testStructsByValueAreRefused() {
    let inner = "public struct hone_inner {\n  public var x: Int64\n}\n"
    let cases: [(String, Int, String)] = [
      ("@c public func hone_f(_ a: hone_inner) {}", 4, "parameter 'a' of 'hone_f' is the struct 'hone_inner' by value"),
      ("@c public func hone_f() -> hone_inner { fatalError() }", 4, "the result of 'hone_f' is the struct"),
      (
        "public struct hone_outer {\n  public var inner: hone_inner\n}", 5,
        "field 'inner' of struct 'hone_outer' is the struct"
      ),
      (
        "public struct hone_outer {\n  public var inner: UnsafePointer<hone_inner>?\n}", 5,
        "points at the struct 'hone_inner'"
      ),
      (
        "public struct hone_list {\n  public var next: UnsafeMutablePointer<hone_list>?\n}", 5,
        "points at the struct 'hone_list'"
      ),
      ("public typealias hone_cb = @convention(c) (hone_inner) -> Void", 4, "parameter #1 of 'hone_cb' is the struct"),
      (
        "public typealias hone_alias = hone_inner\n@c public func hone_f(_ a: hone_alias) {}", 5,
        "struct 'hone_inner' by value"
      ),
    ]
    for (source, line, fragment) in cases {
      let error = generationError(inner + source)
      XCTAssertEqual(error?.line, line, source)
      XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(source): \(error?.message ?? "no error")")
    }
  }

  func testStructNameIsClaimed() {
    let error = generationError(
      """
      @c public func hone_s() {}
      public struct hone_s {
        public var x: Int32
      }
      """)
    XCTAssertEqual(error?.line, 2)
    XCTAssertTrue(error?.message.contains("declared again") ?? false, error?.message ?? "")
  }
}
