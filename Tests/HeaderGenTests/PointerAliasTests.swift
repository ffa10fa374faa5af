import XCTest

@testable import HeaderGen

/// `public typealias Name<Pointee> = UnsafeRawPointer`: how a `@c` function takes a
/// pointer to a `hone_` struct, which Swift refuses to name as `UnsafePointer<hone_x>`.
final class PointerAliasTests: XCTestCase {
  private let source = """
    /// `const Pointee *` in C.
    public typealias ConstPointer<Pointee> = UnsafeRawPointer
    public typealias MutablePointer<Pointee> = Swift.UnsafeMutableRawPointer

    public struct hone_pair {
      public var a: Int32
      public var b: Double
    }

    @c public func hone_sum(_ out: UnsafeMutablePointer<Double>?, _ p: ConstPointer<hone_pair>?) {}
    @c public func hone_fill(_ p: MutablePointer<hone_pair>?, _ q: ConstPointer<Int64>) {}
    """

  func testAliasesBecomeTypedPointersAndAreNotDeclared() throws {
    let header = try generateHeader([("Sources/HoneC/Fixture.swift", source)])
    XCTAssertEqual(
      declarationsPart(of: header.text),
      """
      typedef struct hone_pair {
        int32_t a;
        double b;
      } hone_pair;

      void hone_sum(double *out, const hone_pair *p);

      void hone_fill(hone_pair *p, const int64_t *q);
      """)
    XCTAssertTrue(header.pythonABI.contains("\"hone_sum\": (None, [POINTER(c_double), POINTER(hone_pair)]),"))
    XCTAssertTrue(header.pythonABI.contains("\"hone_fill\": (None, [POINTER(hone_pair), POINTER(c_int64)]),"))
    XCTAssertFalse(header.pythonABI.contains("ConstPointer"), header.pythonABI)
  }

  func testAliasFromALaterFilePlacesItsPointeeFirst() throws {
    let header = try generateHeader([
      ("Sources/HoneC/A.swift", "@c public func hone_first(_ p: ConstPointer<hone_pair>?) {}\n"),
      ("Sources/HoneC/B.swift", source),
    ])
    let text = declarationsPart(of: header.text)
    let pair = text.firstRange(of: "typedef struct hone_pair")?.lowerBound
    let sum = text.firstRange(of: "void hone_first(const hone_pair *p);")?.lowerBound
    XCTAssertNotNil(pair, text)
    XCTAssertNotNil(sum, text)
    if let pair, let sum { XCTAssertLessThan(pair, sum, text) }
  }

  func testOtherGenericAliasesAndMisuseAreRefused() {
    let cases: [(String, Int, String)] = [
      ("public typealias P<T> = UnsafePointer<T>", 1, "generic type alias 'P' cannot be exported to C"),
      ("public typealias P<T, U> = UnsafeRawPointer", 1, "one pointee parameter over a raw pointer"),
      ("public typealias P<T> = OpaquePointer", 1, "one pointee parameter over a raw pointer"),
      (
        "public typealias P<T> = UnsafeRawPointer\n@c public func hone_f(_ p: P?) {}", 2,
        "'P' needs exactly one generic argument"
      ),
      (
        "public typealias P<T> = UnsafeRawPointer\n@c public func hone_f(_ p: P<String>?) {}", 2,
        "unknown type 'String'"
      ),
      ("public typealias P<T> = UnsafeRawPointer\npublic typealias P = Int32", 2, "declared again"),
    ]
    for (source, line, fragment) in cases {
      let error = generationError(source)
      XCTAssertEqual(error?.line, line, source)
      XCTAssertTrue(error?.message.contains(fragment) ?? false, "\(source): \(error?.message ?? "no error")")
    }
  }
}
