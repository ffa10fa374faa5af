import HoneNumerics
import XCTest

internal import HonePlatform

/// Acquisition values and their gradients in x through the posterior.
final class GPAcquisitionTests: XCTestCase {
  private func model(_ shape: GPKernelShape) throws -> GaussianProcess {
    let x = GPFixtures.inputs(40, GPFixtures.mixedKinds, seed: 30)
    return try GaussianProcess(kernel: GPFixtures.kernel(shape), inputs: x, targets: GPFixtures.targets(x))
  }

  private let acquisitions: [GPAcquisition] = [
    .logExpectedImprovement(best: 1.2), .logExpectedImprovement(best: 6),
    .logProbabilityOfImprovement(best: 1.2), .logProbabilityOfImprovement(best: 6),
    .upperConfidenceBound(beta: 4),
  ]

  func testGradientInXMatchesFiniteDifferences() throws {
    for shape in [GPKernelShape.matern52, .rbf] {
      let model = try self.model(shape)
      let points = GPFixtures.inputs(6, GPFixtures.mixedKinds, seed: 31)
      for acquisition in acquisitions {
        let (values, gradient) = try model.acquisitionGradient(acquisition, at: points)
        for (a, b) in zip(values, try model.acquisition(acquisition, at: points)) {
          XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(b)), "\(shape) \(acquisition) value")
        }
        let h = 1e-6
        for r in 0..<points.rows {
          XCTAssertEqual(gradient[r, 1], 0, "categorical column")
          for k in [0, 2] {
            var (up, down) = (points, points)
            up[r, k] += h
            down[r, k] -= h
            let numeric =
              (try model.acquisition(acquisition, at: up)[r] - model.acquisition(acquisition, at: down)[r]) / (2 * h)
            XCTAssertEqual(
              gradient[r, k], numeric, accuracy: 1e-5 * max(1, abs(numeric)),
              "\(shape) \(acquisition) point \(r) column \(k)")
          }
        }
      }
    }
  }

  func testLogEIIsTheLogOfTheClosedFormWhereThatIsRepresentable() throws {
    let model = try self.model(.matern52)
    let points = GPFixtures.inputs(5, GPFixtures.mixedKinds, seed: 32)
    let prediction = try model.predict(points)
    let values = try model.acquisition(.logExpectedImprovement(best: 0.5), at: points)
    for i in 0..<5 {
      let sd = prediction.variance[i].squareRoot()
      let z = (prediction.mean[i] - 0.5) / sd
      let ei = sd * (exp(-z * z / 2) / (2 * Double.pi).squareRoot() + z * 0.5 * erfc(-z / 2.0.squareRoot()))
      XCTAssertEqual(values[i], log(ei), accuracy: 1e-10)
    }
  }

  func testLogEIStaysFiniteAndOrderedFarBelowTheIncumbent() {
    // EI underflows to 0 here, yet LogEI still prefers the larger mean and the larger σ.
    let acquisition = GPAcquisition.logExpectedImprovement(best: 0)
    let worse = acquisition.evaluate(mean: -60, standardDeviation: 1)
    let better = acquisition.evaluate(mean: -50, standardDeviation: 1)
    let wider = acquisition.evaluate(mean: -60, standardDeviation: 1.1)
    XCTAssertTrue(worse.value.isFinite)
    XCTAssertLessThan(worse.value, better.value)
    XCTAssertLessThan(worse.value, wider.value)
    XCTAssertGreaterThan(worse.dMean, 0)
    XCTAssertGreaterThan(worse.dSD, 0)
  }

  func testUCBIsMeanPlusScaledDeviation() {
    let value = GPAcquisition.upperConfidenceBound(beta: 9).evaluate(mean: 0.5, standardDeviation: 0.2)
    XCTAssertEqual(value.value, 0.5 + 3 * 0.2, accuracy: 1e-15)
    XCTAssertEqual(value.dSD, 3)
  }
}
