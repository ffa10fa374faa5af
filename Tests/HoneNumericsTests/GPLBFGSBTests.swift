import HoneNumerics
import HoneSupport
import XCTest

/// L-BFGS-B on problems with known minimizers, inside and on the boundary of the box.
final class GPLBFGSBTests: XCTestCase {
  // MARK: - Problems

  /// The extended Rosenbrock function Σ 100(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², minimized at (1, …, 1).
  private func rosenbrock(_ x: [Double], _ g: inout [Double]) -> Double {
    var f = 0.0
    for i in x.indices { g[i] = 0 }
    for i in stride(from: 0, to: x.count - 1, by: 2) {
      let (a, b) = (x[i], x[i + 1])
      let t = b - a * a
      f += 100 * t * t + (1 - a) * (1 - a)
      g[i] += -400 * a * t - 2 * (1 - a)
      g[i + 1] += 200 * t
    }
    return f
  }

  /// ½xᵀAx − bᵀx with A SPD and b chosen so that, on [0, 1]³, the minimizer is (1, 0.3, 0) with
  /// multipliers −0.5 at the upper bound and 0.7 at the lower bound (strict complementarity).
  private let a: [[Double]] = [[4, 1, 0], [1, 3, 1], [0, 1, 2]]
  private let boxedMinimizer = [1.0, 0.3, 0.0]
  private var b: [Double] {
    let gradientAtMinimizer = [-0.5, 0, 0.7]
    return (0..<3).map { i in (0..<3).reduce(0) { $0 + a[i][$1] * boxedMinimizer[$1] } - gradientAtMinimizer[i] }
  }

  private func quadratic(_ x: [Double], _ g: inout [Double]) -> Double {
    let b = self.b
    var f = 0.0
    for i in 0..<3 {
      let ax = (0..<3).reduce(0) { $0 + a[i][$1] * x[$1] }
      g[i] = ax - b[i]
      f += 0.5 * x[i] * ax - b[i] * x[i]
    }
    return f
  }

  private let tight = LBFGSB.Options(gradientTolerance: 1e-10, relativeReduction: 0)

  // MARK: - Tests

  func testRosenbrockUnbounded() throws {
    let result = try LBFGSB.minimize(
      start: [-1.2, 1], lower: [-.infinity, -.infinity], upper: [.infinity, .infinity], options: tight, rosenbrock)
    XCTAssertEqual(result.termination, .projectedGradient)
    XCTAssertEqual(result.solution[0], 1, accuracy: 1e-9)
    XCTAssertEqual(result.solution[1], 1, accuracy: 1e-9)
    XCTAssertLessThan(result.value, 1e-18)
    // scipy's L-BFGS-B needs 38 iterations and 46 evaluations here.
    XCTAssertLessThan(result.iterations, 60)
    XCTAssertLessThan(result.evaluations, 80)
  }

  func testExtendedRosenbrockInTenDimensions() throws {
    let start = [Double](repeating: 0, count: 10).indices.map { $0 % 2 == 0 ? -1.2 : 1 }
    let open = [Double](repeating: .infinity, count: 10)
    let result = try LBFGSB.minimize(start: start, lower: open.map { -$0 }, upper: open, options: tight, rosenbrock)
    for x in result.solution { XCTAssertEqual(x, 1, accuracy: 1e-8) }
    XCTAssertLessThan(result.evaluations, 150)
  }

  func testRosenbrockWithActiveBound() throws {
    // With x₀ ≤ 0.5 the minimizer is (0.5, 0.25): x₁ = x₀² and x₀ held at its bound.
    let result = try LBFGSB.minimize(start: [-1.2, 1], lower: [-2, -2], upper: [0.5, 2], options: tight, rosenbrock)
    XCTAssertEqual(result.solution[0], 0.5, accuracy: 1e-12)
    XCTAssertEqual(result.solution[1], 0.25, accuracy: 1e-9)
  }

  func testBoundedQuadraticWithMinimizerOnTheBound() throws {
    for start in [[0.5, 0.5, 0.5], [0, 1, 1], [1, 0, 0.2]] {
      let result = try LBFGSB.minimize(start: start, lower: [0, 0, 0], upper: [1, 1, 1], options: tight, quadratic)
      XCTAssertEqual(result.termination, .projectedGradient, "from \(start)")
      for (x, expected) in zip(result.solution, boxedMinimizer) {
        XCTAssertEqual(x, expected, accuracy: 1e-10, "from \(start)")
      }
      XCTAssertEqual(result.solution[0], 1, "the upper bound is reached exactly")
      XCTAssertEqual(result.solution[2], 0, "the lower bound is reached exactly")
    }
  }

  func testVariableWithEqualBoundsStaysFixed() throws {
    let result = try LBFGSB.minimize(
      start: [0.5, 0.5, 0.5], lower: [0, 0.8, 0], upper: [1, 0.8, 1], options: tight, quadratic)
    XCTAssertEqual(result.solution[1], 0.8)
    // With x₁ = 0.8 the free minimizer of the first coordinate is (b₀ − 0.8)/4.
    XCTAssertEqual(result.solution[0], min(1, max(0, (b[0] - 0.8) / 4)), accuracy: 1e-9)
  }

  func testReverseCommunicationMatchesTheClosureDriver() throws {
    let bounds = (lower: [-2.0, -2.0], upper: [0.5, 2.0])
    let driven = try LBFGSB.minimize(start: [-1.2, 1], lower: bounds.lower, upper: bounds.upper, rosenbrock)
    var solver = try LBFGSB(start: [-1.2, 1], lower: bounds.lower, upper: bounds.upper)
    var g = [0.0, 0.0]
    while solver.termination == nil {
      let f = rosenbrock(solver.point, &g)
      try solver.tell(value: f, gradient: g)
    }
    XCTAssertEqual(solver.solution, driven.solution)
    XCTAssertEqual(solver.evaluations, driven.evaluations)
    XCTAssertThrowsError(try solver.tell(value: 0, gradient: g))
  }

  func testBacksOffWhereTheObjectiveIsUndefined() throws {
    // log barrier: undefined (returned as +∞) for x ≥ 2, minimized at x = 1.
    let result = try LBFGSB.minimize(start: [-3], lower: [-.infinity], upper: [.infinity], options: tight) {
      (x, g) throws(HoneError) in
      guard x[0] < 2 else { return .infinity }
      g[0] = 2 * (x[0] - 1) + 1 / (2 - x[0])
      return (x[0] - 1) * (x[0] - 1) - log(2 - x[0])
    }
    // d/dx: 2(x − 1) + 1/(2 − x) = 0 at x = (3 − √3)/2.
    XCTAssertEqual(result.solution[0], (3 - 3.0.squareRoot()) / 2, accuracy: 1e-9)
  }

  func testNonFiniteStartStopsAtOnce() throws {
    let result = try LBFGSB.minimize(start: [0], lower: [-1], upper: [1]) { (_, _) throws(HoneError) in .nan }
    XCTAssertEqual(result.termination, .nonFiniteStart)
    XCTAssertEqual(result.evaluations, 1)
  }

  func testEvaluationLimitIsRespected() throws {
    let options = LBFGSB.Options(maxEvaluations: 7, gradientTolerance: 0, relativeReduction: 0)
    let result = try LBFGSB.minimize(
      start: [-1.2, 1], lower: [-5, -5], upper: [5, 5], options: options, rosenbrock)
    XCTAssertEqual(result.termination, .evaluationLimit)
    XCTAssertEqual(result.evaluations, 7)
    XCTAssertLessThan(result.value, 24.2, "better than the start's 24.2")
  }

  func testRejectsBadArguments() {
    XCTAssertThrowsError(try LBFGSB(start: [0, 0], lower: [0], upper: [1, 1]))
    XCTAssertThrowsError(try LBFGSB(start: [0], lower: [1], upper: [0]))
    XCTAssertThrowsError(try LBFGSB(start: [0], lower: [.nan], upper: [1]))
    XCTAssertThrowsError(try LBFGSB(start: [.infinity], lower: [0], upper: [1]))
    XCTAssertThrowsError(try LBFGSB(start: [0], lower: [.infinity], upper: [.infinity]))
    XCTAssertThrowsError(try LBFGSB(start: [0], lower: [0], upper: [1], options: .init(memory: 0)))
  }
}
