import XCTest

@testable import Hone

/// Integer literals are kept exactly, from -2^63 to 2^64 - 1.
final class JSONIntegerTests: XCTestCase {
  func testIntegerLiteralsParseAndPrintExactly() throws {
    for text in ["0", "-1", "9007199254740993", "9223372036854775807", "-9223372036854775808", "18446744073709551615"] {
      let v = try JSON.parse(text)
      XCTAssertEqual(v, .integer(try XCTUnwrap(Int128(text))), text)
      XCTAssertEqual(v.text, text)
    }
    // Beyond the range, or with a fraction or an exponent, a literal is a double.
    XCTAssertEqual(try JSON.parse("18446744073709551616"), .number(18446744073709551616))
    XCTAssertEqual(try JSON.parse("-9223372036854775809"), .number(-9223372036854775809))
    guard case .number = try JSON.parse("2.0") else { return XCTFail("2.0 is not an integer literal") }
    guard case .number = try JSON.parse("1e3") else { return XCTFail("1e3 is not an integer literal") }
    XCTAssertEqual(try JSON.parse("[1e300, 1]").text, "[1e+300,1]")
  }

  func testIntegersAndDoublesCompareAsNumbers() throws {
    XCTAssertEqual(JSON.integer(2), .number(2))
    XCTAssertEqual(JSON.number(-0.0), .integer(0))
    XCTAssertNotEqual(JSON.integer(1 << 53 + 1), .number(9007199254740992))
    XCTAssertNotEqual(JSON.integer(1), .number(1.5))
    XCTAssertNotEqual(JSON.integer(1), .bool(true))
    // A categorical choice written 1 is found when 1.0 is enqueued, and the other way round.
    let d = try Distribution.makeCategorical([.string("a"), .number(1)])
    XCTAssertEqual(d.internal(try JSON.parse("1")), .index(1))
    XCTAssertEqual(try Distribution.makeCategorical([try JSON.parse("1")]).internal(.number(1)), .index(0))
  }

  func testReadersTakeIntegersExactlyAndNameWhatIsWrong() throws {
    func reader(_ text: String) throws -> JSONObjectReader {
      guard case .object(let members) = try JSON.parse(text) else { throw HoneError.internal("not an object") }
      return JSONObjectReader(members, context: "t")
    }
    XCTAssertEqual(try reader(#"{"s": 18446744073709551615}"#).optionalSeed("s"), .max)
    XCTAssertEqual(try reader(#"{"s": 9007199254740993}"#).optionalSeed("s"), 9_007_199_254_740_993)
    XCTAssertEqual(try reader(#"{"i": -9223372036854775808}"#).optionalInt64("i"), .min)
    XCTAssertEqual(try reader(#"{"i": 4.0}"#).optionalInt64("i"), 4)
    for (text, key, needle) in [
      (#"{"s": -1}"#, "s", "-1"), (#"{"s": 18446744073709551616}"#, "s", "2^64"), (#"{"s": 1.5}"#, "s", "1.5"),
      (#"{"s": NaN}"#, "s", "NaN"), (#"{"s": "7"}"#, "s", "string"),
    ] {
      XCTAssertThrowsError(try reader(text).optionalSeed(key)) { XCTAssert("\($0)".contains(needle), "\($0)") }
    }
    for (text, needle) in [
      (#"{"i": 9223372036854775808}"#, "9223372036854775808"), (#"{"i": 1e300}"#, "1e+300"),
      (#"{"i": Infinity}"#, "Infinity"), (#"{"i": 2.5}"#, "2.5"),
    ] {
      XCTAssertThrowsError(try reader(text).optionalInt64("i")) { XCTAssert("\($0)".contains(needle), "\($0)") }
    }
  }

  func testSeedsAndIntBoundsAbove2To53AreNeitherRoundedNorRejected() throws {
    let sampler = try makeSampler(try JSON.parse(#"{"type": "random", "seed": 18446744073709551615}"#))
    XCTAssertEqual((sampler as? RandomSampler)?.seed, .max)
    let d = try Distribution(
      json: try JSON.parse(#"{"type": "int", "low": 9007199254740993, "high": 9223372036854775807}"#), context: "t")
    XCTAssertEqual(d, try .makeInt(low: 9_007_199_254_740_993, high: .max))
    XCTAssertEqual(try Distribution(json: try JSON.parse(d.json.text), context: "t"), d)
  }

  func testDuplicateKeysAreFoundInLargeObjects() throws {
    let members = (0..<50_000).map { "\"k\($0)\": \($0)" }
    guard case .object(let parsed) = try JSON.parse("{" + members.joined(separator: ",") + "}") else {
      return XCTFail("not an object")
    }
    XCTAssertEqual(parsed.count, 50_000)
    XCTAssertThrowsError(try JSON.parse("{" + (members + [#""k7": 1"#]).joined(separator: ",") + "}")) {
      XCTAssert("\($0)".contains("duplicate key 'k7'"), "\($0)")
    }
  }
}
