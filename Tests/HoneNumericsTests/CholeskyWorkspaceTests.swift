@testable import HoneNumerics
import HoneSupport
import XCTest

/// The workspace's inverse, computed by recursive halving and `dlauum`, against K·K⁻¹ = I.
final class CholeskyWorkspaceTests: XCTestCase {
  /// A Matérn covariance of n random points with a little noise: symmetric positive definite.
  private func covariance(_ n: Int, seed: UInt64) throws -> Matrix<Double> {
    let kinds: [GPDimensionKind] = [.continuous, .continuous, .continuous]
    let kernel = try GPKernel(
      shape: .matern52, dimensions: kinds,
      hyperparameters: GPHyperparameters(logLengthscales: [-1, -1, -1], logOutputscale: 0, logNoise: log(1e-2)))
    return try kernel.covariance(GPFixtures.inputs(n, kinds, seed: seed))
  }

  func testInverseTimesMatrixIsTheIdentityAcrossBlockSizes() throws {
    // 1 and 32 stay in the unblocked leaf; 33, 65 and 130 split into uneven halves.
    for n in [1, 7, 32, 33, 65, 130] {
      let k = try covariance(n, seed: UInt64(n))
      var workspace = CholeskyWorkspace()
      XCTAssertTrue(try workspace.factor(k))
      try workspace.invert()
      var inverse = workspace.inverse
      inverse.mirror(from: .lower)
      let product = try Matrix.product(k, inverse)
      for i in 0..<n {
        for j in 0..<n {
          XCTAssertEqual(product[i, j], i == j ? 1 : 0, accuracy: 1e-8, "n = \(n), entry (\(i), \(j))")
        }
      }
    }
  }
}
