import HoneNumerics
import HoneSupport
import XCTest

internal import HonePlatform

/// Data and independent reference computations shared by the GP tests.
enum GPFixtures {
  /// An n×d matrix with continuous columns uniform in [0, 1] and categorical columns holding codes 0..<levels.
  static func inputs(_ n: Int, _ kinds: [GPDimensionKind], levels: Int = 3, seed: UInt64) -> Matrix<Double> {
    var rng = Xoshiro256(seed: seed)
    var x = Matrix<Double>(rows: n, cols: kinds.count)
    for i in 0..<n {
      for (k, kind) in kinds.enumerated() {
        x[i, k] = kind == .continuous ? rng.nextUnit() : Double(Int(rng.nextUnit() * Double(levels)))
      }
    }
    return x
  }

  /// The rows of `x` as arrays.
  static func rows(_ x: Matrix<Double>) -> [[Double]] {
    (0..<x.rows).map { i in (0..<x.cols).map { x[i, $0] } }
  }

  /// y shifted and scaled to mean 0 and variance 1.
  static func standardized(_ y: [Double]) -> [Double] {
    let mean = y.reduce(0, +) / Double(y.count)
    let sd = (y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count)).squareRoot()
    return y.map { ($0 - mean) / sd }
  }

  /// The kernel written out from its definition, without any of the library's code.
  static func covariance(_ a: [Double], _ b: [Double], _ kernel: GPKernel) -> Double {
    let h = kernel.hyperparameters
    var r2 = 0.0
    for k in a.indices {
      let l = exp(h.logLengthscales[k])
      switch kernel.dimensions[k] {
      case .continuous: r2 += (a[k] - b[k]) * (a[k] - b[k]) / (l * l)
      case .categorical: r2 += a[k] == b[k] ? 0 : 1 / (l * l)
      }
    }
    let s = exp(h.logOutputscale)
    switch kernel.shape {
    case .matern52:
      let r = (5 * r2).squareRoot()
      return s * (1 + r + r * r / 3) * exp(-r)
    case .rbf:
      return s * exp(-r2 / 2)
    }
  }

  /// Solves A·x = b by Gaussian elimination with partial pivoting.
  static func solve(_ a: [[Double]], _ b: [Double]) -> [Double] {
    var m = a
    var x = b
    let n = b.count
    for k in 0..<n {
      let p = (k..<n).max { abs(m[$0][k]) < abs(m[$1][k]) } ?? k
      m.swapAt(k, p)
      x.swapAt(k, p)
      for i in (k + 1)..<n {
        let f = m[i][k] / m[k][k]
        for j in k..<n { m[i][j] -= f * m[k][j] }
        x[i] -= f * x[k]
      }
    }
    for i in stride(from: n - 1, through: 0, by: -1) {
      for j in (i + 1)..<n { x[i] -= m[i][j] * x[j] }
      x[i] /= m[i][i]
    }
    return x
  }

  /// A smooth test function on [0, 1]² with its maximum 0 at (0.3, 0.7).
  static func bowl(_ x: [Double]) -> Double {
    -((x[0] - 0.3) * (x[0] - 0.3) + 2 * (x[1] - 0.7) * (x[1] - 0.7))
  }

  static let mixedKinds: [GPDimensionKind] = [.continuous, .categorical, .continuous]

  /// A kernel with fixed, deliberately unequal hyperparameters.
  static func kernel(_ shape: GPKernelShape, _ kinds: [GPDimensionKind] = mixedKinds) throws -> GPKernel {
    try GPKernel(
      shape: shape, dimensions: kinds,
      hyperparameters: GPHyperparameters(
        logLengthscales: kinds.indices.map { log(0.3 + 0.25 * Double($0)) }, logOutputscale: log(1.3),
        logNoise: log(0.01)))
  }

  /// Targets from a smooth function of the mixed inputs plus a category effect.
  static func targets(_ x: Matrix<Double>) -> [Double] {
    standardized(rows(x).map { r in sin(6 * r[0]) + (r.count > 2 ? cos(4 * r[2]) : 0) + 0.5 * r[1] })
  }
}

/// Conditioning, prediction against a dense reference, rank-append and the failure paths.
final class GPModelTests: XCTestCase {
  func testPosteriorMatchesDenseReferenceSolve() throws {
    for shape in [GPKernelShape.matern52, .rbf] {
      let kernel = try GPFixtures.kernel(shape)
      let x = GPFixtures.inputs(30, GPFixtures.mixedKinds, seed: 1)
      let y = GPFixtures.targets(x)
      let model = try GaussianProcess(kernel: kernel, inputs: x, targets: y)
      XCTAssertEqual(model.jitter, 0)

      let train = GPFixtures.rows(x)
      let noise = exp(kernel.hyperparameters.logNoise)
      let k = train.indices.map { i in
        train.indices.map { j in GPFixtures.covariance(train[i], train[j], kernel) + (i == j ? noise : 0) }
      }
      let alpha = GPFixtures.solve(k, y)
      // Fresh points plus a training point, where the variance nearly vanishes: fewer than the 30
      // training points (a triangular solve), then more (the inverse factor's product).
      for fresh in [15, 45] {
        let test = GPFixtures.rows(GPFixtures.inputs(fresh, GPFixtures.mixedKinds, seed: 2)) + [train[4]]
        let prediction = try model.predict(Matrix(rowMajor: test))
        for (t, point) in test.enumerated() {
          let cross = train.map { GPFixtures.covariance($0, point, kernel) }
          let mean = zip(cross, alpha).reduce(0) { $0 + $1.0 * $1.1 }
          let solved = GPFixtures.solve(k, cross)
          let variance = GPFixtures.covariance(point, point, kernel) - zip(cross, solved).reduce(0) { $0 + $1.0 * $1.1 }
          XCTAssertEqual(prediction.mean[t], mean, accuracy: 1e-10 * max(1, abs(mean)), "\(shape) mean \(t)")
          XCTAssertEqual(prediction.variance[t], variance, accuracy: 1e-10, "\(shape) variance \(t) of \(fresh + 1)")
        }
        XCTAssertLessThan(prediction.variance[test.count - 1], 2 * noise)
      }
    }
  }

  func testCovarianceMatchesDefinition() throws {
    let kernel = try GPFixtures.kernel(.matern52)
    let x = GPFixtures.inputs(6, GPFixtures.mixedKinds, seed: 3)
    let p = GPFixtures.inputs(4, GPFixtures.mixedKinds, seed: 4)
    let k = try kernel.covariance(x)
    let cross = try kernel.crossCovariance(x, p)
    let (rx, rp) = (GPFixtures.rows(x), GPFixtures.rows(p))
    for i in 0..<6 {
      for j in 0..<6 {
        let expected = GPFixtures.covariance(rx[i], rx[j], kernel) + (i == j ? 0.01 : 0)
        XCTAssertEqual(k[i, j], expected, accuracy: 1e-14)
      }
      for j in 0..<4 { XCTAssertEqual(cross[i, j], GPFixtures.covariance(rx[i], rp[j], kernel), accuracy: 1e-12) }
    }
  }

  func testAppendEqualsConditioningOnEverything() throws {
    let kernel = try GPFixtures.kernel(.matern52)
    let x = GPFixtures.inputs(40, GPFixtures.mixedKinds, seed: 5)
    let y = GPFixtures.targets(x)
    let rows = GPFixtures.rows(x)
    var grown = try GaussianProcess(
      kernel: kernel, inputs: Matrix(rowMajor: Array(rows[0..<32])), targets: Array(y[0..<32]))
    try grown.append(Matrix(rowMajor: Array(rows[32...])), targets: Array(y[32...]))
    let full = try GaussianProcess(kernel: kernel, inputs: x, targets: y)
    XCTAssertEqual(grown.count, 40)
    let test = GPFixtures.inputs(10, GPFixtures.mixedKinds, seed: 6)
    let (a, b) = (try grown.predict(test), try full.predict(test))
    for i in 0..<10 {
      XCTAssertEqual(a.mean[i], b.mean[i], accuracy: 1e-10)
      XCTAssertEqual(a.variance[i], b.variance[i], accuracy: 1e-10)
    }
  }

  func testKrigingBelieverKeepsTheMeanAndShrinksTheVariance() throws {
    let kernel = try GPFixtures.kernel(.matern52)
    let x = GPFixtures.inputs(20, GPFixtures.mixedKinds, seed: 7)
    var model = try GaussianProcess(kernel: kernel, inputs: x, targets: GPFixtures.targets(x))
    let pending = GPFixtures.inputs(2, GPFixtures.mixedKinds, seed: 8)
    let test = GPFixtures.inputs(8, GPFixtures.mixedKinds, seed: 9).appendingRowsForTest(pending)
    let before = try model.predict(test)
    try model.appendBelieved(pending)
    let after = try model.predict(test)
    XCTAssertEqual(model.count, 22)
    for i in 0..<test.rows {
      XCTAssertEqual(after.mean[i], before.mean[i], accuracy: 1e-9)
      XCTAssertLessThanOrEqual(after.variance[i], before.variance[i] + 1e-12)
    }
    XCTAssertLessThan(after.variance[9], 0.05 * before.variance[9], "variance collapses at a believed point")
  }

  func testIndefiniteMatrixGivesNumericErrorEvenWithJitter() {
    // Eigenvalues 3 and −1: no jitter up to 1e-2 of the diagonal can help.
    XCTAssertThrowsError(try Cholesky(Matrix(rowMajor: [[1, 2], [2, 1]]))) { error in
      guard case .numeric? = error as? HoneError else { return XCTFail("expected numeric, got \(error)") }
    }
  }

  func testOverflowingKernelGivesNumericErrorAndInfiniteObjective() throws {
    let x = GPFixtures.inputs(5, [.continuous], seed: 10)
    let y = [0.1, -0.2, 0.3, 0.0, -0.1]
    let huge = try GPKernel(
      shape: .matern52, dimensions: [.continuous],
      hyperparameters: GPHyperparameters(logLengthscales: [0], logOutputscale: 800, logNoise: 0))
    XCTAssertThrowsError(try GaussianProcess(kernel: huge, inputs: x, targets: y)) { error in
      guard case .numeric? = error as? HoneError else { return XCTFail("expected numeric, got \(error)") }
    }
    var objective = try GPNegativeLogPosterior(inputs: x, targets: y, shape: .matern52, dimensions: [.continuous])
    var gradient: [Double] = []
    XCTAssertEqual(try objective.evaluate([0, 800, 0], gradient: &gradient), .infinity)
  }

  func testRejectsBadShapesAndNonFiniteData() throws {
    let kernel = try GPFixtures.kernel(.matern52)
    let x = GPFixtures.inputs(5, GPFixtures.mixedKinds, seed: 11)
    func expectInvalid(_ body: () throws -> Void, _ label: String) {
      XCTAssertThrowsError(try body(), label) { error in
        guard case .invalidArgument? = error as? HoneError else { return XCTFail("\(label): got \(error)") }
      }
    }
    expectInvalid({ _ = try GaussianProcess(kernel: kernel, inputs: x, targets: [1, 2]) }, "target count")
    expectInvalid(
      { _ = try GaussianProcess(kernel: kernel, inputs: Matrix(rows: 5, cols: 2), targets: [1, 2, 3, 4, 5]) }, "columns"
    )
    var bad = x
    bad[2, 0] = .nan
    expectInvalid({ _ = try GaussianProcess(kernel: kernel, inputs: bad, targets: [1, 2, 3, 4, 5]) }, "NaN input")
    expectInvalid(
      { _ = try GaussianProcess(kernel: kernel, inputs: x, targets: [1, 2, .infinity, 4, 5]) }, "inf target")
    var model = try GaussianProcess(kernel: kernel, inputs: x, targets: [1, 2, 3, 4, 5])
    expectInvalid({ _ = try model.predict(Matrix(rows: 2, cols: 4)) }, "predict columns")
    expectInvalid({ try model.append(Matrix(rows: 2, cols: 3), targets: [1]) }, "append count")
    expectInvalid(
      {
        _ = try GPKernel(
          shape: .rbf, dimensions: [.continuous],
          hyperparameters: GPHyperparameters(logLengthscales: [], logOutputscale: 0, logNoise: 0))
      }, "lengthscale count")
    XCTAssertEqual(model.count, 5, "a failed append leaves the model alone")
  }

  func testEmptyModelPredictsThePrior() throws {
    let kernel = try GPFixtures.kernel(.matern52)
    let model = try GaussianProcess(kernel: kernel, inputs: Matrix(rows: 0, cols: 3), targets: [])
    let prediction = try model.predict(GPFixtures.inputs(3, GPFixtures.mixedKinds, seed: 12))
    XCTAssertEqual(prediction.mean, [0, 0, 0])
    for v in prediction.variance { XCTAssertEqual(v, 1.3, accuracy: 1e-12) }
  }
}

extension Matrix where Scalar == Double {
  /// This matrix with `other`'s rows below it, for tests.
  func appendingRowsForTest(_ other: Matrix) -> Matrix {
    let rows = GPFixtures.rows(self) + GPFixtures.rows(other)
    return (try? Matrix(rowMajor: rows)) ?? Matrix(rows: 0, cols: 0)
  }
}
