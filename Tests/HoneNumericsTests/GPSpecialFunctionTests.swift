import HoneNumerics
import XCTest

/// StandardNormal's tail-stable functions against 60-digit mpmath values (scripts/gp_reference.py).
final class GPSpecialFunctionTests: XCTestCase {
  // MARK: - Reference values, pasted from `python3 scripts/gp_reference.py`

  private let logH: [(Double, Double)] = [
    (-1e4, -5.0000019339619307157e+7),
    (-1e3, -5.0001473445209115845e+5),
    (-100, -5.0101295788002497923e+3),
    (-40, -8.0829856835661996024e+2),
    (-20, -2.0691783850942509785e+2),
    (-10, -5.5553122036122355927e+1),
    (-5, -1.6744301162660990143e+1),
    (-2, -4.7687835239171141569),
    (-1, -2.4851210257126413368),
    (-0.5, -1.6205162643873199193),
    (0, -9.1893853320467274178e-1),
    (0.5, -3.5982768374506381859e-1),
    (1, 8.0026218849306940029e-2),
    (2, 6.9738354578822831219e-1),
    (5, 1.6094379231264313851),
    (10, 2.302585092994045684),
  ]

  private let cdfOverH: [(Double, Double)] = [
    (-1e4, 1.0000000199999994e+4),
    (-1e3, 1.000001999994000042e+3),
    (-100, 1.0001999400419586505e+2),
    (-40, 4.0049906657648518193e+1),
    (-20, 2.0099262811101281775e+1),
    (-10, 1.0194383033412553306e+1),
    (-5, 5.3618162412880885298),
    (-2, 2.6794168839555859839),
    (-1, 1.9042712333296918229),
    (-0.5, 1.5598731483480796712),
    (0, 1.2533141373155002512),
    (0.5, 9.9092271800410996015e-1),
    (1, 7.7663872520173925975e-1),
    (2, 4.8655931878528386862e-1),
    (5, 1.9999994053122004649e-1),
    (10, 1.0e-1),
  ]

  private let densityOverH: [(Double, Double)] = [
    (-1e4, 1.0000000299999994e+8),
    (-1e3, 1.000002999994000042e+6),
    (-100, 1.0002999400419586505e+4),
    (-40, 1.6029962663059407277e+3),
    (-20, 4.0298525622202563551e+2),
    (-10, 1.0294383033412553306e+2),
    (-5, 2.7809081206440442649e+1),
    (-2, 6.3588337679111719678),
    (-1, 2.9042712333296918229),
    (-0.5, 1.7799365741740398356),
    (0, 1.0),
    (0.5, 5.0453864099794501993e-1),
    (1, 2.2336127479826074025e-1),
    (2, 2.6881362429432262767e-2),
    (5, 2.9734389976756012432e-7),
    (10, 7.6945986267064193463e-24),
  ]

  private let logCDF: [(Double, Double)] = [
    (-1e4, -5.0000010129278915181e+7),
    (-1e3, -5.0000782669481218431e+5),
    (-100, -5.0055242086942050886e+3),
    (-40, -8.0460844201375378817e+2),
    (-20, -2.0391715537109726394e+2),
    (-10, -5.3231285150512470578e+1),
    (-5, -1.5064998393988725736e+1),
    (-2, -3.7831843336820319488),
    (-1, -1.8410216450092635058),
    (-0.5, -1.1759117615936186089),
    (0, -6.9314718055994530942e-1),
    (0.5, -3.6894641528865639307e-1),
    (1, -1.7275377902344988953e-1),
    (2, -2.3012909328963488465e-2),
    (5, -2.8665161296376359338e-7),
    (10, -7.619853024160526066e-24),
  ]

  private let erfcx: [(Double, Double)] = [
    (-3, 1.6205988853999586625e+4),
    (-0.5, 1.9523604891825570933),
    (0, 1.0),
    (0.3, 7.3459933456765514229e-1),
    (1, 4.2758357615580700441e-1),
    (5, 1.1070463773306862637e-1),
    (11.9, 4.7245232484087669952e-2),
    (12.1, 4.6469607339835010325e-2),
    (30, 1.8795888861416751497e-2),
    (1e3, 5.641893014533876542e-4),
    (1e6, 5.6418958354747419216e-7),
  ]
  // MARK: - Helpers

  private func assertRelative(
    _ actual: Double, _ expected: Double, _ tolerance: Double, _ label: String,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    let error = abs(actual - expected) / max(abs(expected), .leastNormalMagnitude)
    XCTAssertLessThanOrEqual(error, tolerance, "\(label): got \(actual), expected \(expected)", file: file, line: line)
  }

  // MARK: - Tests

  func testLogHMatchesReferenceFromMinus1e4To10() {
    for (z, expected) in logH {
      // Measured errors stay below 3e-14; the margin is for other C libraries.
      assertRelative(StandardNormal.logH(z), expected, z < -20 ? 1e-11 : 1e-12, "logH(\(z))")
    }
  }

  func testLogHRatiosMatchReference() {
    for ((z, cdf), (_, density)) in zip(cdfOverH, densityOverH) {
      let ratios = StandardNormal.logHRatios(z)
      assertRelative(ratios.cdf, cdf, 1e-12, "Φ/h(\(z))")
      assertRelative(ratios.density, density, 1e-12, "φ/h(\(z))")
    }
  }

  func testLogCDFMatchesReference() {
    for (z, expected) in logCDF {
      assertRelative(StandardNormal.logCDF(z), expected, 1e-12, "logΦ(\(z))")
    }
  }

  func testErfcxMatchesReference() {
    for (x, expected) in erfcx {
      assertRelative(StandardNormal.erfcx(x), expected, 1e-13, "erfcx(\(x))")
    }
    XCTAssertEqual(StandardNormal.erfcx(-30), .infinity)
    XCTAssertTrue(StandardNormal.erfcx(.nan).isNaN)
    XCTAssertEqual(StandardNormal.erfcx(.infinity), 0)
  }

  func testLogHIsFiniteAndIncreasingAcrossBranchBoundaries() {
    // Each branch switch (−1, −40, −1/√ε) must neither jump nor reverse the order.
    var previous = -Double.infinity
    for z in [-1e9, -6.8e7, -6.7e7, -6.6e7, -1e5, -40.0001, -40, -39.9999, -1.0001, -1, -0.9999, 0, 30] {
      let value = StandardNormal.logH(z)
      XCTAssertTrue(value.isFinite, "logH(\(z))")
      XCTAssertGreaterThan(value, previous, "logH(\(z))")
      previous = value
    }
    let left = StandardNormal.logH(-1 / Double.ulpOfOne.squareRoot() * (1 + 1e-12))
    let right = StandardNormal.logH(-1 / Double.ulpOfOne.squareRoot() * (1 - 1e-12))
    XCTAssertEqual(left, right, accuracy: 1e-6 * abs(left))
  }
}
