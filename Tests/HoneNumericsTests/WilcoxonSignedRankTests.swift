import XCTest

@testable import HoneNumerics
import HoneSupport

/// The signed-rank test against SciPy 1.17.1's `scipy.stats.wilcoxon(d,
/// zero_method="zsplit", alternative=...)`, Optuna's call, on samples that reach
/// each of its three ways to a p-value.
///
/// The reference statistics and p-values were computed once with
/// `/work/bench-venv/bin/python` and the script in this test's comment below; the
/// method is the one SciPy's `method="auto"` picks for the sample (exact for
/// untied samples of at most 50, sign flips for tied or zero ones of at most 13,
/// the normal approximation otherwise).
///
///     for d in samples:
///         for alt in ("greater", "less", "two-sided"):
///             r = scipy.stats.wilcoxon(d, alternative=alt, zero_method="zsplit")
///             print(float(r.statistic), float(r.pvalue))
final class WilcoxonSignedRankTests: XCTestCase {
  typealias Reference = (
    name: String, method: WilcoxonSignedRank.Method, d: [Double],
    expected: [(WilcoxonSignedRank.Alternative, Double, Double)]
  )

  static let references: [Reference] = [
    ("exact8", .exact, [1.5, -0.3, 2.2, 0.7, -1.1, 3.4, 0.9, 2.8], [
      (.greater, 31.0, 0.0390625),
      (.less, 31.0, 0.97265625),
      (.twoSided, 5.0, 0.078125),
    ]),
    ("exact1", .exact, [-0.5], [
      (.greater, 0.0, 1.0),
      (.less, 0.0, 0.5),
      (.twoSided, 0.0, 1.0),
    ]),
    ("exact50", .exact, [1.986693, 9.97495, 3.349882, -8.182771, -7.727645, 4.048499, 9.893582, 1.244544, -9.227754, -6.181371, 5.920735, 9.348951, -0.919069, -9.84065, -4.345656, 7.515734, 8.366556, -3.039646, -9.99276, -2.306457, 8.758811, 6.9924, -5.017893, -9.676961, -0.159259, 9.591758, 5.290827, -6.761178, -8.908041, 1.995397, 9.975574, 3.341512, -8.187873, -7.722005, 4.056619, 9.892286, 1.235731, -9.231173, -6.174387, 5.92789, 9.345795, -0.927912, -9.842225, -4.337655, 7.52159, 8.361688, -3.048106, -9.992418, -2.297814, 8.763093], [
      (.greater, 654.0, 0.439167153887448),
      (.less, 654.0, 0.5646030470278429),
      (.twoSided, 621.0, 0.878334307774896),
    ]),
    ("flipsTiesZeros", .signFlips, [0.0, 1.0, -1.0, 2.0, 2.0, 0.5, -3.0, 4.0, 0.0], [
      (.greater, 31.0, 0.171875),
      (.less, 31.0, 0.84375),
      (.twoSided, 14.0, 0.34375),
    ]),
    ("flips13", .signFlips, [-2.25, 1.25, -1.0, 2.5, 0.25, -2.0, 1.5, -0.75, 2.75, 0.5, -1.75, 1.75, -0.5], [
      (.greater, 50.0, 0.38671875),
      (.less, 50.0, 0.626708984375),
      (.twoSided, 41.0, 0.7734375),
    ]),
    ("allZeros5", .signFlips, [0.0, 0.0, 0.0, 0.0, 0.0], [
      (.greater, 7.5, 1.0),
      (.less, 7.5, 1.0),
      (.twoSided, 7.5, 1.0),
    ]),
    ("normal14Ties", .normalApproximation, [-2.25, 1.25, -1.0, 2.5, 0.25, -2.0, 1.5, -0.75, 2.75, 0.5, -1.75, 1.75, -0.5, 3.0], [
      (.greater, 64.0, 0.23505950229145722),
      (.less, 64.0, 0.7649404977085428),
      (.twoSided, 41.0, 0.47011900458291445),
    ]),
    ("normal30Ties", .normalApproximation, [-2.0, 1.0, -1.5, 1.5, -1.0, 2.0, -0.5, 2.5, 0.0, 3.0, 0.5, -2.0, 1.0, -1.5, 1.5, -1.0, 2.0, -0.5, 2.5, 0.0, 3.0, 0.5, -2.0, 1.0, -1.5, 1.5, -1.0, 2.0, -0.5, 2.5], [
      (.greater, 300.0, 0.0817801110610531),
      (.less, 300.0, 0.9182198889389469),
      (.twoSided, 165.0, 0.1635602221221062),
    ]),
    ("normal51", .normalApproximation, [1.299167, 4.38678, 5.787475, 4.842482, 1.996247, -1.412602, -3.78083, -3.994621, -1.953428, 1.382746, 4.444845, 5.792717, 4.792436, 1.91445, -1.487679, -3.813877, -3.970096, -1.882865, 1.46616, 4.501879, 5.796547, 4.74126, 1.832337, -1.56211, -3.84562, -3.944222, -1.811543, 1.549386, 4.557867, 5.798965, 4.688971, 1.749933, -1.635873, -3.87605, -3.917007, -1.739483, 1.6324, 4.612792, 5.799969, 4.635582, 1.667261, -1.708947, -3.905157, -3.888459, -1.666705, 1.715179, 4.666639, 5.799559, 4.581108, 1.584343, -1.781311], [
      (.greater, 900.0, 0.01315816334312737),
      (.less, 900.0, 0.9868418366568726),
      (.twoSided, 426.0, 0.02631632668625474),
    ]),
    ("normal80", .normalApproximation, [2.6, -1.914538, -1.870782, 2.599576, -1.957866, -1.826611, 2.598304, -2.000753, -1.782036, 2.596184, -2.043188, -1.73707, 2.593217, -2.085158, -1.691726, 2.589404, -2.126651, -1.646017, 2.584745, -2.167657, -1.599956, 2.579243, -2.208163, -1.553555, 2.572898, -2.248157, -1.506829, 2.565713, -2.287629, -1.459789, 2.55769, -2.326567, -1.41245, 2.54883, -2.364961, -1.364824, 2.539136, -2.402799, -1.316926, 2.528612, -2.44007, -1.268769, 2.517259, -2.476765, -1.220365, 2.505082, -2.512873, -1.17173, 2.492083, -2.548384, -1.122877, 2.478267, -2.583287, -1.07382, 2.463637, -2.617573, -1.024571, 2.448197, -2.651231, -0.975147, 2.431952, -2.684254, -0.925559, 2.414907, -2.71663, -0.875823, 2.397065, -2.748352, -0.825953, 2.378433, -2.779409, -0.775962, 2.359015, -2.809794, -0.725865, 2.338817, -2.839498, -0.675676, 2.317845, -2.868511], [
      (.greater, 1494.0, 0.7271885942298055),
      (.less, 1494.0, 0.27281140577019447),
      (.twoSided, 1494.0, 0.5456228115403889),
    ]),
  ]

  func testStatisticsAndPValuesMatchSciPy() throws {
    for ref in Self.references {
      for (alternative, statistic, p) in ref.expected {
        let r = try WilcoxonSignedRank.test(ref.d, alternative: alternative)
        XCTAssertEqual(r.method, ref.method, "\(ref.name) \(alternative)")
        XCTAssertEqual(r.statistic, statistic, "\(ref.name) \(alternative)")
        // The exact and sign-flip p-values are dyadic fractions computed without
        // rounding; the normal tail goes through erfc.
        XCTAssertEqual(r.pValue, p, accuracy: 1e-12 * max(p, 1e-300) + 1e-15, "\(ref.name) \(alternative)")
      }
    }
  }

  /// Negating the differences swaps R⁺ and R⁻, so the two one-sided p-values swap.
  func testNegatingTheDifferencesSwapsTheOneSidedPValues() throws {
    for ref in Self.references {
      let less = try WilcoxonSignedRank.test(ref.d, alternative: .less).pValue
      let greater = try WilcoxonSignedRank.test(ref.d.map { -$0 }, alternative: .greater).pValue
      XCTAssertEqual(less, greater, accuracy: 1e-14, ref.name)
    }
  }

  /// Without ties the exact tails at R⁺ cover every outcome and the one at R⁺ twice.
  func testExactTailsAddUpToOnePlusTheAtom() throws {
    // The ranks 1...6 all positive but rank 3: R⁺ = 18 of a possible 21.
    let d = [1.0, 2.0, -3.0, 4.0, 5.0, 6.0]
    let less = try WilcoxonSignedRank.test(d, alternative: .less).pValue
    let greater = try WilcoxonSignedRank.test(d, alternative: .greater).pValue
    // Subsets of {1...6} summing to 18 are the complements of those summing to 3: {3} and {1, 2}.
    XCTAssertEqual(less + greater, 1 + 2.0 / 64)
    // R⁺ ≥ 18: complements of sums ≤ 3, which are {}, {1}, {2}, {3}, {1, 2}.
    XCTAssertEqual(greater, 5.0 / 64)
  }

  func testEmptyAndNonFiniteDifferencesAreRefused() {
    for d in [[], [1.0, .nan], [.infinity, 1.0]] {
      XCTAssertThrowsError(try WilcoxonSignedRank.test(d, alternative: .greater)) { error in
        guard case HoneError.invalidArgument = error else { return XCTFail("\(error)") }
      }
    }
  }
}
