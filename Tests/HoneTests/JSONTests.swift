import XCTest

@testable import Hone

final class JSONTests: XCTestCase {
  func testRoundTripKeepsOrderTypesAndEscapes() throws {
    let text = #"{"b":1,"a":[true,false,null,-2.5e-3,"q\"\\\n\u00e9\ud83d\ude00"],"c":{}}"#
    let v = try JSON.parse(text)
    guard case .object(let members) = v else { return XCTFail() }
    XCTAssertEqual(members.map(\.0), ["b", "a", "c"])
    XCTAssertEqual(v["a"], .array([.bool(true), .bool(false), .null, .number(-0.0025), .string("q\"\\\né😀")]))
    XCTAssertEqual(try JSON.parse(v.text), v)
    XCTAssertEqual(JSON.number(0.1).text, "0.1")
    XCTAssertEqual(JSON.number(3).text, "3")
    XCTAssertEqual(JSON.array([.number(.nan), .number(-.infinity)]).text, "[NaN,-Infinity]")
    XCTAssertEqual(JSON.string("\u{01}").text, #""\u0001""#)
  }

  /// Python's json module writes NaN, Infinity and -Infinity; they read back as those doubles.
  func testNonFiniteTokensRoundTripAsPythonWritesThem() throws {
    let v = try JSON.parse("[NaN, Infinity, -Infinity, 1e400]")
    guard case .array(let xs) = v, xs.count == 4 else { return XCTFail("\(v)") }
    XCTAssert(xs[0].numberValue?.isNaN == true)
    XCTAssertEqual(xs[1].numberValue, .infinity)
    XCTAssertEqual(xs[2].numberValue, -.infinity)
    XCTAssertEqual(xs[3].numberValue, .infinity, "an overflowing literal is Python's inf too")
    XCTAssertEqual(v.text, "[NaN,Infinity,-Infinity,Infinity]")
    XCTAssertEqual(try JSON.parse(v.text), v, "NaN equals NaN as a JSON value")
    XCTAssertNotEqual(JSON.number(.nan), JSON.null)
    XCTAssertNotEqual(JSON.number(.infinity), JSON.number(-.infinity))
  }

  func testErrorsNameThePosition() {
    for bad in ["", "{", #"{"a" 1}"#, "[1,]", "01x", #""\x""#, "tru", #"{"a":1,"a":2}"#, "1 2",
      "nan", "NAN", "Inf", "infinity", "+Infinity", "-NaN", "-Inf", "[NaNx]",
      String(repeating: "[", count: 300)]
    {
      XCTAssertThrowsError(try JSON.parse(bad), bad) { error in
        XCTAssert("\(error)".contains("invalid JSON at byte"), "\(bad): \(error)")
      }
    }
  }
}

final class DistributionTests: XCTestCase {
  func testValidation() {
    XCTAssertThrowsError(try Distribution.makeFloat(low: .nan, high: 1))
    XCTAssertThrowsError(try Distribution.makeFloat(low: 0, high: .infinity))
    XCTAssertThrowsError(try Distribution.makeFloat(low: 2, high: 1))
    XCTAssertThrowsError(try Distribution.makeFloat(low: 0, high: 1, log: true))
    XCTAssertThrowsError(try Distribution.makeFloat(low: 0, high: 1, step: 0))
    XCTAssertThrowsError(try Distribution.makeFloat(low: 0, high: 1, step: -1))
    XCTAssertThrowsError(try Distribution.makeFloat(low: 1, high: 2, step: 0.5, log: true))
    XCTAssertThrowsError(try Distribution.makeInt(low: 0, high: 4, log: true))
    XCTAssertThrowsError(try Distribution.makeInt(low: 1, high: 4, step: 2, log: true))
    XCTAssertThrowsError(try Distribution.makeInt(low: 1, high: 4, step: 0))
    XCTAssertThrowsError(try Distribution.makeFloat(low: -.greatestFiniteMagnitude, high: .greatestFiniteMagnitude))
    // The whole Int64 range is one valid distribution: its span is taken as a UInt64.
    XCTAssertEqual(try Distribution.makeInt(low: .min, high: .max, step: 2).summary,
                   "int[-9223372036854775808, 9223372036854775806, step=2]")
    XCTAssertThrowsError(try Distribution.makeCategorical([]))
    XCTAssertThrowsError(try Distribution.makeCategorical([.array([])]))
    XCTAssertThrowsError(try Distribution.makeCategorical([.object([])]))
  }

  /// Optuna's categorical choices include NaN and the infinities; a NaN value finds the NaN choice.
  func testCategoricalChoicesMayBeNonFinite() throws {
    let choices: [JSON] = [.null, .bool(true), .int(0), .number(1.5), .number(.nan), .number(.infinity), .number(-.infinity), .string("")]
    let d = try Distribution.makeCategorical(choices)
    for (i, c) in choices.enumerated() {
      XCTAssertEqual(d.internal(c), .index(i), c.text)
      XCTAssertEqual(d.external(.index(i)), c, c.text)
    }
    XCTAssertNil(d.internal(.number(2)))
    let text = d.json.text
    XCTAssertEqual(text, #"{"type":"categorical","choices":[null,true,0,1.5,NaN,Infinity,-Infinity,""]}"#)
    XCTAssertEqual(try Distribution(json: try JSON.parse(text), context: "t"), d)
    XCTAssertEqual(d.summary, #"categorical[null, true, 0, 1.5, NaN, Infinity, -Infinity, ""]"#)
  }

  func testHighIsLoweredOntoTheStepGrid() throws {
    // In decimal, as Optuna: 0.9, not 0 + 3 * 0.3 = 0.8999999999999999; 0.8 is on the grid of 0.1 from 0.7.
    XCTAssertEqual(try Distribution.makeFloat(low: 0, high: 1, step: 0.3), .float(low: 0, high: 0.9, step: 0.3, log: false))
    XCTAssertEqual(try Distribution.makeFloat(low: 0.7, high: 0.8, step: 0.1), .float(low: 0.7, high: 0.8, step: 0.1, log: false))
    XCTAssertEqual(try Distribution.makeFloat(low: 2.22, high: 2.24, step: 0.3), .float(low: 2.22, high: 2.22, step: 0.3, log: false))
    XCTAssertEqual(try Distribution.makeFloat(low: -30, high: -20.5, step: 2), .float(low: -30, high: -22, step: 2, log: false))
    XCTAssertEqual(try Distribution.makeFloat(low: 1e-5, high: 1e5, step: 0.7).json.text, try Distribution.makeFloat(low: 1e-5, high: 99999.90001, step: 0.7).json.text)
    // Digits too far apart for one Int128 scale fall back to binary arithmetic.
    XCTAssertEqual(try Distribution.makeFloat(low: 1e-30, high: 1e10, step: 3).summary, "float[1e-30, 9999999999.0, step=3.0]")
    XCTAssertEqual(try Distribution.makeInt(low: 1, high: 10, step: 4), .int(low: 1, high: 9, step: 4, log: false))
  }

  func testUnitMapRoundTripsEveryGridPoint() throws {
    let ds: [Distribution] = [
      try .makeFloat(low: -1, high: 1, step: 0.5), try .makeInt(low: 3, high: 11, step: 2),
      try .makeInt(low: 1, high: 64, log: true), try .makeCategorical([.string("a"), .string("b"), .null]),
    ]
    for d in ds {
      for u in stride(from: 0.0, through: 1.0, by: 0.01) {
        let x = d.fromUnit(u)
        XCTAssert(d.contains(x), "\(d.summary) \(u) → \(x)")
        XCTAssertEqual(d.fromUnit(d.toUnit(x)), x, d.summary)
      }
    }
    let log = try Distribution.makeFloat(low: 1e-3, high: 10, log: true)
    XCTAssertEqual(log.fromUnit(0.25).double, 1e-2, accuracy: 1e-12)
    XCTAssertEqual(log.toUnit(.float(1)), 0.75, accuracy: 1e-12)
  }

  func testJSONFormRoundTrips() throws {
    for d in [
      try Distribution.makeFloat(low: 1e-3, high: 1, log: true), try .makeFloat(low: 0, high: 1, step: 0.25),
      try .makeInt(low: -5, high: 5, step: 5), try .makeCategorical([.string("a"), .number(1), .bool(false)]),
    ] {
      XCTAssertEqual(try Distribution(json: try JSON.parse(d.json.text), context: "t"), d)
    }
  }

  func testOptionsTextThatIsAbsentOrBlankMeansDefaults() throws {
    for blank in [nil, "", " ", "\t\r\n "] as [String?] {
      XCTAssertNil(try JSON.parseOptions(blank), "\(String(describing: blank))")
    }
    XCTAssertEqual(try JSON.parseOptions(" {\"a\": 1} "), .object([("a", .integer(1))]))
    XCTAssertThrowsError(try JSON.parseOptions(" x"))
  }
}
